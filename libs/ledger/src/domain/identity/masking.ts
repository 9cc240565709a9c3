/**
 * Masking for lists, logs and exports (DESIGN §3). Masks work on code points, so a Chinese
 * address is cut at characters, not UTF-16 halves.
 */

/**
 * Keeps the 6-digit region code and the last 4 characters (sequence + check), hiding the
 * birth date — the part that, with a name, identifies a person. Collectors still see which
 * county the debtor is from and can confirm the tail with them over the phone.
 * 18 → '110105********4650'; 15 → '110105*****4650'. Anything shorter than 11 characters is
 * not an ID number and is masked entirely.
 */
export function maskIdNumber(id: string): string {
  return keepEnds(id.trim(), 6, 4, 11);
}

/** Mobile '18908695986' → '189****5986'; other numbers keep 3 + 4 when long enough. */
export function maskPhone(phone: string): string {
  return keepEnds(phone.trim(), 3, 4, 8);
}

/**
 * Keeps the first 6 characters (province/city/district, e.g. '上海市徐汇区') and replaces the
 * rest with a fixed '****', so the length of the street address does not leak either.
 */
export function maskAddress(address: string): string {
  const chars = [...address.trim()];
  if (chars.length <= 6) return chars.join('');
  return `${chars.slice(0, 6).join('')}****`;
}

function keepEnds(value: string, head: number, tail: number, minLength: number): string {
  const chars = [...value];
  if (chars.length < minLength) return '*'.repeat(chars.length);
  const hidden = chars.length - head - tail;
  return chars.slice(0, head).join('') + '*'.repeat(hidden) + chars.slice(-tail).join('');
}
