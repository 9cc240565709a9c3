import { FieldProblem, ValidationFailedError } from '@qingshou/core';

/** Largest JSON or urlencoded body; larger is 413 (multipart uploads have their own limits). */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Deepest nesting of objects/arrays any route needs is < 10; deeper is an attack or a bug. */
export const MAX_DEPTH = 32;
/** Stop collecting after this many problems: a fuzzer's body could name thousands. */
const MAX_PROBLEMS = 20;

// C0 controls except \t \n \r, DEL and the C1 block: never part of a name, note or number.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one:
// not text (PostgreSQL refuses it, a renderer shows garbage).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Bidi embeddings, overrides, isolates and marks: they make a name read differently on screen.
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
// A whole value that is an ISO date or date-time: the only shapes routes accept for dates.
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** A person's or thing's name: `name`, `displayName`, `fullName`… (not `username`). */
const isNameKey = (key: string) => key === 'name' || /[a-z]Name$/.test(key);

/**
 * Only the range: a year PostgreSQL or the calendar cannot hold reached the database as a 500.
 * Whether the day exists (2026-02-30) stays the handlers' check, with their own messages.
 */
function dateProblem(value: string): string | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  return year < MIN_YEAR || year > MAX_YEAR
    ? `must be a date between ${MIN_YEAR} and ${MAX_YEAR}`
    : undefined;
}

/** Why a string value (or key) is refused, or undefined when it is acceptable. */
export function textProblem(value: string, key: string | undefined): string | undefined {
  if (CONTROL.test(value))
    return 'must not contain control characters (other than tab and newline)';
  if (LONE_SURROGATE.test(value)) return 'must be well-formed Unicode (a lone surrogate was sent)';
  if (key !== undefined && isNameKey(key)) {
    if (BIDI_CONTROL.test(value)) return 'must not contain bidirectional control characters';
    if (value.trim() !== '' && !VISIBLE.test(value)) {
      return 'must contain a visible character';
    }
  }
  return dateProblem(value);
}

const segment = (key: string, inArray: boolean) => (inArray ? `[${key}]` : `.${key}`);

/**
 * Every bad value in a parsed body or query, named by its path (`body.debtor.name`,
 * `query.asOf`): control characters, lone surrogates, dates outside 1900–2100, invisible or
 * bidi-controlled names, and nesting deeper than MAX_DEPTH (reported once, at the first
 * path that goes too deep). Walks with an explicit stack so a hostile depth cannot overflow.
 */
export function findBadInput(value: unknown, root: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; path: string; key?: string; depth: number }[] = [
    { value, path: root, depth: 0 },
  ];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      const reason = textProblem(item.value, item.key);
      if (reason) problems.push({ path: item.path, reason });
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= MAX_DEPTH) {
      problems.push({ path: item.path, reason: `is nested deeper than ${MAX_DEPTH} levels` });
      break;
    }
    const inArray = Array.isArray(item.value);
    for (const [key, child] of Object.entries(item.value)) {
      const path = `${item.path}${segment(key, inArray)}`;
      if (!inArray) {
        const keyReason = CONTROL.test(key) || LONE_SURROGATE.test(key);
        if (keyReason) {
          problems.push({
            path: `${item.path}${segment('?', false)}`,
            reason: 'has an invalid key',
          });
          continue;
        }
      }
      stack.push({ value: child, path, key: inArray ? item.key : key, depth: item.depth + 1 });
    }
  }
  return problems;
}

/**
 * Express middleware after the body parsers: refuses a request whose parsed body or query
 * holds bad input with 400 naming every field (the global problem filter answers it, for the
 * console's forms too). Multipart fields arrive later (multer); the validation pipe checks them.
 */
export function inputGuard(
  request: { body?: unknown; query?: unknown },
  _response: unknown,
  next: (error?: unknown) => void,
): void {
  const problems = [...findBadInput(request.body, 'body'), ...findBadInput(request.query, 'query')];
  if (problems.length === 0) return next();
  next(
    new ValidationFailedError(
      `The request has ${problems.length} invalid field${problems.length === 1 ? '' : 's'}`,
      problems,
    ),
  );
}
