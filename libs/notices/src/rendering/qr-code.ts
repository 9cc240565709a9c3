import QRCode from 'qrcode';

/**
 * A QR code as an SVG data URL, drawn on the server: a letter shows it with
 * `<img src="{{qrCode selfService.url}}">` — no script, and `img-src data:` is all the CSP
 * allows beyond 'self'. One path of unit squares with a 4-module quiet zone; error
 * correction M survives a folded or lightly stained letter.
 */
export function qrCodeDataUrl(text: string): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const margin = 4;
  const parts: string[] = [];
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      if (qr.modules.get(row, col)) parts.push(`M${col + margin} ${row + margin}h1v1h-1z`);
    }
  }
  const box = size + 2 * margin;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${box} ${box}" shape-rendering="crispEdges">` +
    `<rect width="${box}" height="${box}" fill="#fff"/><path fill="#000" d="${parts.join('')}"/></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
