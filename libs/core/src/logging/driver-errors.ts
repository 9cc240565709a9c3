import { maskPersonalData } from './redact';

/**
 * Database driver errors carry the statement with every bound value inlined (knex writes
 * "insert into … values ('110101…', '张三', …) - duplicate key …" into the message and the
 * stack) and pg's `detail` repeats the key ("Key (id_number)=(…) already exists"). A log line
 * keeps what an operator needs to find the cause — SQLSTATE, constraint, table, column,
 * routine and the statement's shape — and never a value (DESIGN §3).
 */

/** pg's DatabaseError fields that name the place, never the data. */
const SAFE_DRIVER_FIELDS = [
  'code',
  'severity',
  'constraint',
  'schema',
  'table',
  'column',
  'dataType',
  'routine',
] as const;

type ErrorLike = { name?: unknown; type?: unknown; message?: unknown; stack?: unknown } & Record<
  string,
  unknown
>;

const SQLSTATE = /^[0-9A-Z]{5}$/;
/** A single-quoted SQL literal, doubled quotes inside. */
const SQL_LITERAL = /'(?:[^']|'')*'/g;
/** pg quotes a refused input after a colon: invalid input syntax for type uuid: "…". */
const QUOTED_INPUT = /: "(?:[^"]|"")*"/g;
const LOOKS_LIKE_SQL =
  /\b(insert\s+into|update\s+\S+\s+set|delete\s+from|select\b[\s\S]*?\bfrom)\b/i;

/** A pg DatabaseError, a MikroORM DriverException wrapping one, or either already serialized. */
export function isDriverError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as ErrorLike;
  return typeof e.code === 'string' && SQLSTATE.test(e.code) && ('routine' in e || 'severity' in e);
}

/** Values out of a text that may hold a statement: literals become ?, then ID numbers and mobiles are masked. */
export function scrubLogText(text: string): string {
  const stripped = LOOKS_LIKE_SQL.test(text)
    ? text.replace(SQL_LITERAL, '?').replace(QUOTED_INPUT, ': ?')
    : text;
  return maskPersonalData(stripped);
}

/** The message of any thrown value, safe to log or print. */
export function safeErrorMessage(error: unknown): string {
  const message =
    error instanceof Error
      ? error.message
      : typeof error === 'object' &&
          error !== null &&
          typeof (error as ErrorLike).message === 'string'
        ? ((error as ErrorLike).message as string)
        : String(error);
  if (isDriverError(error)) return message.replace(SQL_LITERAL, '?').replace(QUOTED_INPUT, ': ?');
  return scrubLogText(message);
}

/** Only the "at …" frames: the first lines of a stack repeat the message with its values. */
function framesOnly(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  return stack
    .split('\n')
    .filter((line) => line.trim().startsWith('at '))
    .join('\n');
}

/**
 * pino's `err` serializer for every logger (API, worker). A driver error keeps its place fields
 * and a value-free message; `detail`, `where`, bound parameters and the inlined SQL values are
 * dropped. Any other error keeps its fields, with ID numbers and mobiles masked in message and stack.
 */
export function serializeLoggedError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const e = error as ErrorLike;
  const type = typeof e.type === 'string' ? e.type : typeof e.name === 'string' ? e.name : 'Error';
  if (isDriverError(e)) {
    const safe: Record<string, unknown> = { type, message: safeErrorMessage(e) };
    for (const field of SAFE_DRIVER_FIELDS) if (e[field] !== undefined) safe[field] = e[field];
    safe.stack = framesOnly(e.stack);
    return safe;
  }
  const copy: Record<string, unknown> = { ...e, type };
  if (typeof e.message === 'string') copy.message = scrubLogText(e.message);
  if (typeof e.stack === 'string') copy.stack = scrubLogText(e.stack);
  return copy;
}

/**
 * What every pino logger adds to its options so errors and messages reach the log without
 * personal data: the `err` serializer above and a `msg` serializer (pino derives `msg` from
 * `err.message` when none is given, and callers interpolate `error.message` into text).
 */
export const PERSONAL_DATA_SAFE_SERIALIZERS = {
  err: serializeLoggedError,
  msg: (msg: unknown): unknown => (typeof msg === 'string' ? scrubLogText(msg) : msg),
};
