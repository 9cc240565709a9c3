import { maskAddress, maskIdNumber, maskPhone } from './masking';

describe('masking personal data for lists and logs', () => {
  it("keeps region code and last 4 of an ID: '110105196705234650' → '110105********4650'", () => {
    expect(maskIdNumber('110105196705234650')).toBe('110105********4650');
    expect(maskIdNumber('110105670523465')).toBe('110105*****3465');
    expect(maskIdNumber('12345')).toBe('*****');
  });

  it("keeps 3 + 4 digits of a phone: '18908695986' → '189****5986'", () => {
    expect(maskPhone('18908695986')).toBe('189****5986');
    expect(maskPhone('0371-6612345')).toBe('037*****2345');
    expect(maskPhone('12345')).toBe('*****');
  });

  it("keeps the first 6 characters of an address: '上海市徐汇区漕溪北路' → '上海市徐汇区****'", () => {
    expect(maskAddress('上海市徐汇区漕溪北路')).toBe('上海市徐汇区****');
    expect(maskAddress('深圳市南山区科技园南区18栋')).toBe('深圳市南山区****');
    expect(maskAddress('北京市')).toBe('北京市');
  });
});
