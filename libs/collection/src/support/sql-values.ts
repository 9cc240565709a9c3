/**
 * Raw rows from PostgreSQL: MikroORM's pg driver hands dates, timestamps and numerics back
 * as the server's text. These turn them into the API's shapes without a float in between.
 */
export function isoInstant(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  // '2026-03-11 02:00:00+00' or '2026-03-11 02:00:00.123+08:00' → ISO 8601 in UTC.
  const normalised = value.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  const ms = Date.parse(normalised);
  if (Number.isNaN(ms)) throw new Error(`not a timestamp from PostgreSQL: ${value}`);
  return new Date(ms).toISOString();
}

/** numeric(18,2) text → '1234.50' (always two decimals; null stays null). */
export function money(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`not a numeric from PostgreSQL: ${text}`);
  const [whole, fraction = ''] = text.split('.');
  return `${whole}.${(fraction + '00').slice(0, 2)}`;
}

export function int(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return Number(value);
}
