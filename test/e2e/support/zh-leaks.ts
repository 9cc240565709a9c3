import zh from '../../../apps/api/src/console/i18n/zh.json';

/**
 * 议题 11 §8: the zh-CN console shows no English, no code and no UTC time. ASCII words a
 * Chinese office reads as such (file formats, 短信 as SMS, the language switch) are allowed.
 */
const ALLOWED_WORDS = new Set([
  'PDF',
  'XLSX',
  'Excel',
  'CSV',
  'SMS',
  'URL',
  'SLA',
  'DPD',
  'GBK',
  'UTF',
  'APP',
  'English',
]);

/** The catalogue's keys: one of these on a page is a message nobody translated. */
const KEYS = new Set(Object.keys(zh as Record<string, string>));
/** Their first parts (work, case, admin…): a dotted token under one is a key (a user name is not). */
const KEY_ROOTS = new Set([...KEYS].map((key) => key.split('.')[0]));

export interface Leak {
  readonly rule: string;
  readonly token: string;
}

/** What in a page's visible text is not Chinese for a Chinese reader. */
export function leaksIn(text: string): Leak[] {
  const leaks: Leak[] = [];
  const add = (rule: string, re: RegExp, keep: (token: string) => boolean = () => true) => {
    for (const match of text.matchAll(re))
      if (keep(match[0])) leaks.push({ rule, token: match[0] });
  };
  add('iso-time', /\d{4}-\d\d-\d\dT[\d:.]*Z?/g);
  add('version', /@\d+\.\d+(?:\.\d+)?/g);
  add('i18n-key', /\b[a-z][a-zA-Z]*(?:\.[a-zA-Z][\w-]*)+\b/g, (t) =>
    KEY_ROOTS.has(t.split('.')[0]),
  );
  add('kebab', /\b[a-z]+(?:-[a-z]+)+\b/g);
  add('camelCase', /\b[a-z]+[A-Z][a-zA-Z]*\b/g);
  add('PascalCase', /\b(?:[A-Z][a-z]+){2,}\b/g);
  add('word', /(?<![\w.-])[A-Za-z]{3,}(?![\w.-])/g, (t) => !ALLOWED_WORDS.has(t));
  // One report per token, under its most telling rule (the first that caught it).
  const byToken = new Map<string, Leak>();
  for (const leak of leaks) {
    if (byToken.has(leak.token)) continue;
    byToken.set(leak.token, KEYS.has(leak.token) ? { ...leak, rule: 'untranslated' } : leak);
  }
  return [...byToken.values()];
}
