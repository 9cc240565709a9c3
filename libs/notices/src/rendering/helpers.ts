import {
  DeliveryOutcome,
  isLocalDate,
  noticeDeadline,
  PRC_PUBLIC_CALENDAR,
  WorkingDayCalendar,
} from '@qingshou/calendar';
import { amountInWords, formatMoney, maskIdNumber } from '@qingshou/ledger';
import { qrCodeDataUrl } from './qr-code';
import { HelperArgumentError } from './template-errors';

/** Raises a HelperArgumentError for positional argument `argument`. */
export type Fail = (argument: number, reason: string) => never;

/**
 * The one helper registry (DESIGN §5). Templates compile with `knownHelpersOnly` against
 * exactly these names plus the block built-ins below; `log` and `lookup` are not offered
 * (`lookup` takes a key as a string, which would walk around the path rules).
 *
 * Helpers return plain strings, so handlebars escapes them like any other value.
 */
export interface HelperSpec {
  /** Positional arguments the helper takes; checked when the template compiles. */
  readonly arity: number;
  readonly describe: string;
  readonly fn: (args: readonly unknown[], fail: Fail) => string | boolean;
}

/** Built-ins allowed, and only as blocks (`{{#if}}`, `{{#each}}`...). */
export const BLOCK_BUILTINS: ReadonlySet<string> = new Set(['if', 'unless', 'each', 'with']);

/** `what` names a member of an object argument ('sentOn'); the engine names the argument. */
function present(value: unknown, fail: Fail, what = ''): unknown {
  if (value === undefined || value === null) fail(0, `${what}is missing`.trim());
  return value;
}

/** Money arrives as a decimal string ('775.00'); a JSON number is accepted for hand-made data. */
function moneyString(value: unknown, fail: Fail): string {
  present(value, fail);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return value;
  return fail(0, `must be an amount such as "1234.50", got ${typeof value}`);
}

function attempt<T>(work: () => T, fail: Fail): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof HelperArgumentError) throw error;
    return fail(0, (error as Error).message);
  }
}

/** '1234.5' → '1,234.50': rounded half-up to the fen once, then grouped by thousands. */
export function groupedMoney(fixed: string): string {
  const [whole, fraction] = fixed.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

/** '2026-03-05' → '2026年3月5日'. */
export function chineseDate(value: string): string {
  const [y, m, d] = value.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function localDate(value: unknown, fail: Fail, what = ''): string {
  present(value, fail, what);
  if (!isLocalDate(value)) {
    return fail(0, `${what}must be a date written YYYY-MM-DD, got ${JSON.stringify(value)}`.trim());
  }
  return value;
}

const OUTCOMES: readonly DeliveryOutcome[] = ['pending', 'signed', 'refused', 'undeliverable'];

/** The rule in words, for a notice printed before anyone knows how it will be delivered. */
export function deliveryRuleText(periodDays: number, fallbackOffsetDays: number): string {
  const fallback =
    fallbackOffsetDays === 0
      ? '拒绝签收或无法送达的，自发出之日起计算'
      : `拒绝签收或无法送达的，自发出之日起顺延${fallbackOffsetDays}日开始计算`;
  return `自签收之日起${periodDays}日内；${fallback}；期满日为节假日的，顺延至节假日后第一个工作日`;
}

function deadlineText(value: unknown, fail: Fail, calendar: WorkingDayCalendar): string {
  present(value, fail);
  if (typeof value !== 'object' || Array.isArray(value)) {
    return fail(0, 'must be a delivery rule {periodDays, fallbackOffsetDays}');
  }
  const rule = value as Record<string, unknown>;
  const { periodDays, fallbackOffsetDays } = rule;
  if (!Number.isInteger(periodDays) || !Number.isInteger(fallbackOffsetDays)) {
    return fail(0, 'must carry whole-number periodDays and fallbackOffsetDays');
  }
  const outcome = (rule.outcome ?? 'pending') as DeliveryOutcome;
  if (!OUTCOMES.includes(outcome))
    return fail(0, `has an unknown outcome ${JSON.stringify(outcome)}`);
  if (outcome === 'pending')
    return deliveryRuleText(periodDays as number, fallbackOffsetDays as number);
  const result = attempt(
    () =>
      noticeDeadline({
        sentOn: localDate(rule.sentOn, fail, 'sentOn '),
        outcome,
        signedOn: outcome === 'signed' ? localDate(rule.signedOn, fail, 'signedOn ') : undefined,
        periodDays: periodDays as number,
        fallbackOffsetDays: fallbackOffsetDays as number,
        calendar,
      }),
    fail,
  );
  return `${chineseDate(result.deadline as string)}（${result.explanation.zh}）`;
}

/**
 * Legal periods count by the statutory calendar (public holidays and 调休), not a tenant's
 * office closures: a tenant's extra working day must never shorten a debtor's period.
 */
export function createHelperRegistry(
  calendar: WorkingDayCalendar = PRC_PUBLIC_CALENDAR,
): Readonly<Record<string, HelperSpec>> {
  return Object.freeze({
    money: {
      arity: 1,
      describe: "an amount in figures: 1234.5 → '1,234.50'",
      fn: ([v], fail) => groupedMoney(attempt(() => formatMoney(moneyString(v, fail)), fail)),
    },
    amountInWords: {
      arity: 1,
      describe: "an amount in Chinese capitals: 1234.5 → '壹仟贰佰叁拾肆元伍角整'",
      fn: ([v], fail) => attempt(() => amountInWords(moneyString(v, fail)), fail),
    },
    date: {
      arity: 1,
      describe: "a date: '2026-03-05' → '2026年3月5日'",
      fn: ([v], fail) => chineseDate(localDate(v, fail)),
    },
    maskId: {
      arity: 1,
      describe: "an ID number with the birth date hidden: '110105********4650'",
      fn: ([v], fail) => {
        present(v, fail);
        return typeof v === 'string' ? maskIdNumber(v) : fail(0, 'must be a string');
      },
    },
    deadline: {
      arity: 1,
      describe: 'the deadline of a delivery rule, with how it was counted',
      fn: ([v], fail) => deadlineText(v, fail, calendar),
    },
    qrCode: {
      arity: 1,
      describe:
        'a QR code of a link as an SVG data URL, for <img src="{{qrCode selfService.url}}">',
      fn: ([v], fail) => {
        present(v, fail);
        if (typeof v !== 'string' || !/^https?:\/\/\S{1,500}$/.test(v))
          return fail(0, 'must be an http(s) link');
        return qrCodeDataUrl(v);
      },
    },
    eq: {
      arity: 2,
      describe: 'strict equality, for {{#if (eq channel "letter")}}',
      fn: ([a, b]) => a === b,
    },
  });
}

type HandlebarsOptions = { loc?: { start: { line: number; column: number } } };

/** Adapts a spec to handlebars' calling convention (options last) and its errors to ours. */
export function toHandlebarsHelper(
  name: string,
  spec: HelperSpec,
): (...args: unknown[]) => unknown {
  return function helper(...args: unknown[]): unknown {
    const options = args.pop() as HandlebarsOptions;
    const fail = (argument: number, reason: string): never => {
      throw new HelperArgumentError(name, argument, reason, options?.loc);
    };
    return spec.fn(args, fail);
  };
}
