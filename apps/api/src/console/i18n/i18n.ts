import type { Lang } from '../http/session';
import en from './en.json';
import zh from './zh.json';

export type Catalogue = Readonly<Record<string, string>>;

export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { zh, en };

/**
 * A message in the language, `{name}` slots filled from `values`. A key missing in English
 * falls back to Chinese, then to the key itself (visible, so it gets noticed and fixed).
 */
export function translate(
  lang: Lang,
  key: string,
  values: Readonly<Record<string, unknown>> = {},
): string {
  const text = CATALOGUES[lang][key] ?? CATALOGUES.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (slot, name: string) =>
    name in values && values[name] !== undefined && values[name] !== null
      ? String(values[name])
      : slot,
  );
}

/** A code (task kind, outcome, status…) shown in words, or the code itself when unknown. */
export function translateCode(lang: Lang, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  return CATALOGUES[lang][key] ?? CATALOGUES.zh[key] ?? code;
}

export function hasMessage(key: string): boolean {
  return key in CATALOGUES.zh;
}
