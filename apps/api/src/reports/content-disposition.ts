/**
 * `attachment` with an ASCII fallback and the real (Chinese) name per RFC 5987/6266:
 * filename*=UTF-8''生源地助学贷款年度工作考核_2026-12-31.xlsx, percent-encoded.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
