import jsQR from 'jsqr';

/**
 * Reads back the link a rendered letter's QR carries (issue 16 §3): the `qrCode` helper's SVG
 * data URL (one path of unit squares in a white box) rasterised at `scale` pixels a module,
 * then decoded by jsQR as a phone's camera would read the printed code. The letter's HTML in,
 * the decoded text out; it fails when the letter has no QR or the code does not read.
 */
export function readLetterQr(html: string, scale = 6): string {
  // Handlebars escapes the base64 padding (= as &#x3D;) like any other value.
  const src = /<img src="(data:image\/svg\+xml;base64,[^"]+)"/
    .exec(html)?.[1]
    ?.replace(/&#x3D;/g, '=');
  if (!src) throw new Error('the letter has no QR image');
  const svg = Buffer.from(src.slice(src.indexOf(',') + 1), 'base64').toString('utf8');
  const box = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  if (!box) throw new Error('the QR image has no viewBox');
  const width = box * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y] of svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy += 1) {
      for (let dx = 0; dx < scale; dx += 1) {
        const at = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
        pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
      }
    }
  }
  const read = jsQR(pixels, width, width);
  if (!read) throw new Error('the QR image does not read');
  return read.data;
}
