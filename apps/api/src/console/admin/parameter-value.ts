import { parseDuration } from '@qingshou/policy';
import type { Lang } from '../http/session';
import { translate } from '../i18n/i18n';
import { formatMoney } from '../render/helpers';

/** "0.05" → "5", "0.125" → "12.5", "1" → "100": a ratio as a percentage, by digits, not float. */
export function ratioAsPercent(ratio: string): string | null {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(ratio.trim());
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const digits = `${whole}${fraction.padEnd(2, '0')}`;
  const point = whole.length + 2;
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point).replace(/0+$/, '');
  return `${sign}${int}${rest ? `.${rest}` : ''}`;
}

/**
 * A pack parameter's value as an office reads it: 5% for a ratio, 2 个工作日 for a
 * duration, 是/否, ¥ for an amount; the resolved pack keeps the machine spelling.
 */
export function parameterValue(lang: Lang, type: string, value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'boolean') return translate(lang, value ? 'param.yes' : 'param.no');
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  switch (type) {
    case 'percent': {
      if (text.trim().endsWith('%')) return text.trim();
      const percent = ratioAsPercent(text);
      return percent === null ? text : `${percent}%`;
    }
    case 'duration':
    case 'workingDuration': {
      const duration = parseDuration(text);
      return duration
        ? translate(lang, `param.duration.${duration.unit}`, { n: duration.amount })
        : text;
    }
    case 'money':
      return formatMoney(text);
    default:
      return text;
  }
}
