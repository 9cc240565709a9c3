import { ROLES } from '@qingshou/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateUserBody } from '../../identity/identity.dto';
import { FormSpec, FormState, formValues, formWithProblems } from '../forms/form-state';

export const USER_FORM: FormSpec = {
  id: 'user',
  fields: ['username', 'displayName', 'password', 'roles'],
};

/** Roles a tenant admin may grant: every tenant role (platform-admin lives elsewhere). */
export const GRANTABLE_ROLES = ROLES.filter((role) => role !== 'platform-admin');

/**
 * The create-user form checked by POST /users' own DTO. Checkboxes post `roles` once per
 * ticked box, so the list is taken from the raw body before the fields become strings.
 */
export async function readUserForm(
  body: unknown,
): Promise<{ ok: true; value: CreateUserBody } | { ok: false; form: FormState }> {
  const values = formValues(body);
  const raw = (body as Record<string, unknown> | undefined)?.roles;
  const roles = (Array.isArray(raw) ? raw : raw ? [raw] : []).map(String);
  const instance = plainToInstance(CreateUserBody, {
    username: values.username?.trim() ?? '',
    displayName: values.displayName?.trim() ?? '',
    password: values.password ?? '',
    roles: roles.filter((r) => (GRANTABLE_ROLES as readonly string[]).includes(r)),
  });
  const errors = await validate(instance, { whitelist: true, forbidUnknownValues: false });
  const shown = { ...values, password: '', roles: roles.join(',') };
  if (errors.length > 0 || roles.length !== instance.roles.length) {
    const problems = errors.flatMap((e) =>
      Object.values(e.constraints ?? {}).map((reason) => ({ path: e.property, reason })),
    );
    if (roles.length !== instance.roles.length) {
      problems.push({ path: 'roles', reason: 'a role that cannot be granted here was chosen' });
    }
    return { ok: false, form: formWithProblems(USER_FORM, shown, problems, null, null) };
  }
  return { ok: true, value: instance };
}
