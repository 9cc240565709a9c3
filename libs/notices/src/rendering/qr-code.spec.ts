import { createHelperRegistry } from './helpers';
import { qrCodeDataUrl } from './qr-code';

describe('qrCode helper (issue 16 §3: the letter carries the link to the debtor page)', () => {
  it('draws a link as an SVG data URL with a white quiet zone', () => {
    const url = qrCodeDataUrl('https://pay.example.com/d/' + 'A'.repeat(43));
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const svg = Buffer.from(url.split(',')[1], 'base64').toString('utf8');
    // Version 4 (33 modules) plus 4 on each side.
    expect(svg).toContain('viewBox="0 0 41 41"');
    expect(svg).not.toContain('<script');
  });

  it('refuses what is not an http(s) link', () => {
    const helper = createHelperRegistry().qrCode;
    const fail = (_: number, reason: string): never => {
      throw new Error(reason);
    };
    expect(() => helper.fn(['javascript:alert(1)'], fail)).toThrow('must be an http(s) link');
    expect(helper.fn(['http://127.0.0.1:3000/d/x'], fail)).toMatch(/^data:image\/svg\+xml/);
  });
});
