import { adapterNames } from './delivery-adapters';
import { maskRecipient } from './dispatch-rows';
import { asDocument, dispatchKey, htmlToText } from './render-message';

describe('rendering a notice for its channel', () => {
  it('turns the HTML body into text: paragraphs on lines, entities decoded, head dropped', () => {
    const html =
      '<!DOCTYPE html><html><head><title>逾期催收函</title><style>p{}</style></head><body>' +
      '<p>孙桂英（证件号码：110105********465X）：</p><p>合计应还 100,775.00 元 &amp; 罚息&#x3D;775.00</p>' +
      '<table><tr><td>逾期本金</td><td>100,000.00</td></tr></table></body></html>';
    expect(htmlToText(html)).toBe(
      '孙桂英（证件号码：110105********465X）：\n合计应还 100,775.00 元 & 罚息=775.00\n逾期本金 100,000.00',
    );
  });

  it('wraps a fragment in a document and leaves a document alone', () => {
    expect(asDocument('<p>x</p>', 'T<1>')).toContain('<title>T&#60;1&#62;</title>');
    const doc = '<!DOCTYPE html><html><body>x</body></html>';
    expect(asDocument(doc, 'T')).toBe(doc);
  });

  it('keys a dispatch by notice, channel and recipient (64 hex digits, stable)', () => {
    const key = dispatchKey('6f1c0b8e-0000-4000-8000-000000000001', 'sms', '13812345678');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(dispatchKey('6f1c0b8e-0000-4000-8000-000000000001', 'sms', '13812345678')).toBe(key);
    expect(dispatchKey('6f1c0b8e-0000-4000-8000-000000000001', 'sms', '13912345678')).not.toBe(key);
  });

  it('masks recipients in lists', () => {
    expect(maskRecipient('sms', '13812345678')).toBe('138****5678');
    expect(maskRecipient('email', 'sun.guiying@example.cn')).toBe('s***@example.cn');
    expect(maskRecipient('letter', '北京市东城区东四十条12号')).toBe('北京市东城区…');
  });
});

describe('choosing adapters (NOTICE_ADAPTERS)', () => {
  it('defaults every channel to the file sink', () => {
    expect(adapterNames(undefined)).toEqual({
      letter: 'sink',
      'registered-mail': 'sink',
      sms: 'sink',
      email: 'sink',
      wechat: 'sink',
    });
  });

  it('refuses an adapter that cannot carry the channel', () => {
    expect(() => adapterNames('sms=smtp')).toThrow('adapter smtp cannot deliver sms');
    expect(adapterNames('email=smtp,letter=letter,wechat=none')).toMatchObject({
      email: 'smtp',
      letter: 'letter',
      wechat: 'none',
    });
  });
});
