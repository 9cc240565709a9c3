import type { Role } from '../../../libs/core/src';
import { AddRelatedParty } from '../../../libs/ledger/src';
import { InstallPack } from '../../../libs/policy/src';
import { type EvaluationSummary } from '../../../libs/engine/src';
import type { CollectionTestApi } from '../../collection/support/collection-api';
import { ownerQuery, tenantWithUsers } from '../../collection/support/fixtures';
import { evaluate, meta, nightOf, startEngineApi } from '../../engine/support/engine-api';
import { borrower, type LoanInput } from '../../kpi/support/kpi-fixtures';

export { ownerQuery, tenantWithUsers } from '../../collection/support/fixtures';
export { evaluate, meta, nightOf, startEngineApi } from '../../engine/support/engine-api';
export { bearer, openCase, pay } from '../../kpi/support/kpi-fixtures';
export type { Member } from '../../collection/support/fixtures';

/**
 * A fresh tenant on the engine's HTTP stack (fixed clock, per-file database, the engine's
 * ports bound), with the real pack of `policies/<pack>` installed the way its admin would.
 */
export async function packTenant<K extends string>(
  pack: string,
  now: string,
  users: Record<K, Role[]>,
  params: Record<string, unknown> = {},
) {
  const api = await startEngineApi(now);
  const setup = await tenantWithUsers(api, pack, users);
  await api.commands.execute(
    new InstallPack(meta(setup.tenantId), setup.tenantId, pack, undefined, params),
  );
  return { api, tenantId: setup.tenantId, users: setup.users };
}

/** A borrower (kpi-fixtures) and, if named, a guarantor standing behind the account. */
export async function loan(
  api: CollectionTestApi,
  tenantId: string,
  input: LoanInput & { guarantor?: string },
) {
  const made = await borrower(api, tenantId, input);
  if (input.guarantor) {
    await api.commands.execute(
      new AddRelatedParty(meta(tenantId), made.debtorId, {
        kind: 'guarantor',
        name: input.guarantor,
        accountId: made.accountId,
      }),
    );
  }
  return made;
}

/** Sets the clock to 02:00 of `date` and runs the engine; no run may report an error. */
export async function runNight(
  api: CollectionTestApi,
  tenantId: string,
  date: string,
): Promise<EvaluationSummary> {
  api.clock.set(nightOf(date));
  const summary = await evaluate(api, tenantId, date);
  expect(summary.errors).toEqual([]);
  return summary;
}

export interface TaskRow extends Record<string, unknown> {
  kind: string;
  title: string;
  status: string;
  due: string;
}

/** A case's tasks (kind, title, status, local due date), in the order they fell due. */
export function tasksOf(api: CollectionTestApi, caseId: string): Promise<TaskRow[]> {
  return ownerQuery<TaskRow>(
    api,
    `select kind, title, status, (due_at at time zone 'Asia/Shanghai')::date::text as due
     from tasks where case_id = $1 order by due_at, kind, title`,
    [caseId],
  );
}

/**
 * A case's repeating tasks of one kind (issue 11 §4): one open task per case and kind rolls
 * forward, so the periods it stood for are its row plus `missed` (the periods it went undone).
 */
export interface RepeatingRow extends Record<string, unknown> {
  status: string;
  due: string;
  missed: number;
}

export function repeatingOf(
  api: CollectionTestApi,
  caseId: string,
  kind: string,
): Promise<RepeatingRow[]> {
  return ownerQuery<RepeatingRow>(
    api,
    `select status, (due_at at time zone 'Asia/Shanghai')::date::text as due, missed_count as missed
     from tasks where case_id = $1 and kind = $2 order by due_at`,
    [caseId, kind],
  );
}

/** The periods a case's repeating tasks stood for: each row once plus its missed periods. */
export const periodsOf = (rows: readonly RepeatingRow[]) =>
  rows.reduce((sum, row) => sum + 1 + row.missed, 0);

export interface NoticeRow extends Record<string, unknown> {
  id: string;
  template_id: string;
  recipient: string;
  status: string;
}

export function noticesOf(api: CollectionTestApi, caseId: string): Promise<NoticeRow[]> {
  return ownerQuery<NoticeRow>(
    api,
    `select id, template_id, data->'recipient'->>'role' as recipient, status from notices
     where case_id = $1 order by created_at, idempotency_key`,
    [caseId],
  );
}

/** The notice as its reader gets it: GET /notices/{id}/html. */
export async function noticeHtml(
  api: CollectionTestApi,
  token: string,
  noticeId: string,
): Promise<string> {
  const response = await api
    .http()
    .get(`/api/v1/notices/${noticeId}/html`)
    .set('Authorization', `Bearer ${token}`)
    .expect(200);
  return response.text;
}

/** The text of an HTML page without tags or spacing, for `toContain` on sentences. */
export const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, '');

export const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
