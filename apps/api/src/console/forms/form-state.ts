import type { Type } from '@nestjs/common';
import { DomainError, FieldProblem } from '@qingshou/core';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { CSRF_FIELD } from '../http/session';
import { fieldMessage } from './form-messages';

/** A form as the page shows it: what was typed, and what is wrong with it. */
export interface FormState {
  /** Prefix of the element ids (`promise-amount`), unique on the page. */
  readonly id: string;
  readonly values: Record<string, string>;
  /** Field name → reasons, shown next to the field (aria-describedby). */
  readonly errors: Record<string, string[]>;
  /** Problems that belong to no field of the form: shown in its summary (role=alert). */
  readonly general: string[];
  /** The DomainError code when the command refused (e.g. `contact-not-allowed`). */
  readonly code: string | null;
}

/** Which form, and which fields it shows (so errors on other paths go to the summary). */
export interface FormSpec {
  readonly id: string;
  readonly fields: readonly string[];
}

export function emptyForm(spec: FormSpec, values: Record<string, string> = {}): FormState {
  return { id: spec.id, values, errors: {}, general: [], code: null };
}

/** The posted fields as strings, without the CSRF token; empty optional fields dropped. */
export function formValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!body || typeof body !== 'object') return out;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (name === CSRF_FIELD || name === '__proto__') continue;
    const text = Array.isArray(value) ? value.map(String).join(',') : String(value ?? '');
    out[name] = text;
  }
  return out;
}

/** `body.amount`, `input.amount`, `amount` → `amount`; `policy.x` stays as it is. */
function fieldOf(path: string): string {
  return path.replace(/^(body|query|input|param)\./, '');
}

export function formWithProblems(
  spec: FormSpec,
  values: Record<string, string>,
  problems: readonly FieldProblem[],
  message: string | null,
  code: string | null,
): FormState {
  const errors: Record<string, string[]> = {};
  const general: string[] = [];
  // The console speaks Chinese at the field: English reasons (the API's) are worded again.
  for (const problem of problems) {
    const field = fieldOf(problem.path);
    const reason = fieldMessage('zh', problem.reason);
    if (spec.fields.includes(field)) (errors[field] ??= []).push(reason);
    else general.push(reason);
  }
  if (general.length === 0 && Object.keys(errors).length === 0 && message) {
    general.push(fieldMessage('zh', message));
  }
  return { id: spec.id, values, errors, general, code };
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    // Worded here by constraint name (isNotEmpty, isIn…), which only this side still knows.
    const own = Object.entries(error.constraints ?? {}).map(([constraint, reason]) => ({
      path,
      reason: fieldMessage('zh', reason, constraint),
    }));
    return own.concat(flatten(error.children ?? [], path));
  });
}

/**
 * Validates posted form fields with the API's own DTO class (same rules, same paths), so a
 * form and the JSON API accept exactly the same input. Empty fields count as absent.
 */
export async function validateForm<T extends object>(
  dto: Type<T>,
  spec: FormSpec,
  body: unknown,
): Promise<
  { ok: true; value: T; values: Record<string, string> } | { ok: false; form: FormState }
> {
  const values = formValues(body);
  // Shaped parts (an approval's payload object) go to the DTO as they are; text fields left
  // empty count as absent, as an optional field the user did not fill.
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const present = Object.fromEntries(
    Object.entries(raw).filter(
      ([name, value]) =>
        name !== CSRF_FIELD && value !== undefined && !(typeof value === 'string' && !value.trim()),
    ),
  );
  const instance = plainToInstance(dto, present);
  const errors = await validate(instance, { whitelist: true, forbidUnknownValues: false });
  if (errors.length > 0) {
    return { ok: false, form: formWithProblems(spec, values, flatten(errors), null, null) };
  }
  return { ok: true, value: instance, values };
}

/**
 * Runs a command for a form: a DomainError becomes the form shown again with its problems
 * next to the fields; anything else is not the user's doing and propagates (500 page).
 */
export async function submitForm<R>(
  spec: FormSpec,
  values: Record<string, string>,
  run: () => Promise<R>,
): Promise<{ ok: true; result: R } | { ok: false; form: FormState; error: DomainError }> {
  try {
    return { ok: true, result: await run() };
  } catch (error) {
    if (!(error instanceof DomainError) || error.status === 404 || error.status === 401) {
      throw error;
    }
    return {
      ok: false,
      error,
      form: formWithProblems(spec, values, error.problems, error.message, error.code),
    };
  }
}
