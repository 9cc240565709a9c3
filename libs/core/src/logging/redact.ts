/**
 * Personal data never reaches a log line whole (DESIGN §3). Pino redacts known keys; this
 * masks ID numbers and mobile numbers that slip into free text.
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.accessToken',
  '*.token',
  '*.idNumber',
  '*.phone',
  '*.address',
];

const ID_NUMBER = /\b(\d{6})\d{8}(\d{3}[\dXx])\b/g;
const MOBILE = /\b(1[3-9]\d)\d{4}(\d{4})\b/g;

export function maskPersonalData(text: string): string {
  return text.replace(ID_NUMBER, '$1********$2').replace(MOBILE, '$1****$2');
}
