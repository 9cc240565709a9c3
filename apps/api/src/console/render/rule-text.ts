import type { Lang } from '../http/session';
import { hasMessage, translate, translateCode } from '../i18n/i18n';

/**
 * A pack rule's refusal in the reader's words, from its code and figures (never the
 * engine's English reason): 联系时段：只能在 08:00 至 21:00 之间联系. A rule the catalogue
 * does not know is named generically, so no code reaches the page.
 */
export function ruleText(
  lang: Lang,
  rule: unknown,
  params: Readonly<Record<string, unknown>> | null | undefined,
): string {
  const code = String(rule ?? '');
  const values: Record<string, unknown> = { ...(params ?? {}) };
  // Parties come as codes (debtor,guarantor): named one by one, joined the Chinese way.
  if (typeof values.parties === 'string') {
    values.parties = values.parties
      .split(',')
      .filter(Boolean)
      .map((party) => translateCode(lang, 'contact.party', party))
      .join(translate(lang, 'rule.listSeparator'));
  }
  if (!hasMessage(`rule.${code}`)) return translate(lang, 'rule.unknown');
  const name = translate(lang, `rule.${code}`);
  const text = hasMessage(`rule.${code}.text`) ? translate(lang, `rule.${code}.text`, values) : '';
  return text ? translate(lang, 'rule.named', { name, text }) : name;
}
