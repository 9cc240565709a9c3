import { RequestRun, type RequestedRun } from '../../../libs/operations/src';
import {
  cloneTestDatabase,
  connect,
  createTestDatabase,
  type TestDatabase,
} from '../../support/test-db';
import { writeMicroloanBook } from './portfolio';
import { eventCounts, meta, packTenant, startRunKit } from './run-kit';

export interface QueuedRunTwins {
  /** The database the run was requested in, and its clone taken right after. */
  readonly a: TestDatabase;
  readonly b: TestDatabase;
  readonly tenantId: string;
  readonly runId: string;
}

/**
 * A microloan book of `accounts` with the day's run requested but not executed, in two
 * identical databases: each side then executes the same run its own way (one worker, two
 * workers, killed and resumed) and the specs compare what the two leave.
 */
export async function queuedRunTwins(
  slug: string,
  accounts: number,
  asOf: string,
): Promise<QueuedRunTwins> {
  const a = await createTestDatabase();
  const kit = await startRunKit(null, a);
  let tenantId: string;
  let runId: string;
  try {
    tenantId = await packTenant(kit, slug);
    await writeMicroloanBook(kit.owner, tenantId, asOf, accounts);
    const requested: RequestedRun = await kit.commands.execute(
      new RequestRun(meta(tenantId), 'escalation', asOf, false),
    );
    runId = requested.run.id;
  } finally {
    await kit.close();
  }
  return { a, b: await cloneTestDatabase(a), tenantId, runId };
}

/** What the run leaves, by keys that do not depend on generated ids or wall-clock instants. */
const SNAPSHOT = {
  balances: `select account_id, as_of, dpd, total_due, aging_bucket, loan_class from account_balances
             where tenant_id = $1 order by account_id`,
  cases: `select account_id, status, stage, opened_on, version from cases where tenant_id = $1
          order by account_id`,
  links: `select c.account_id, ca.account_id as linked from case_accounts ca
          join cases c on c.tenant_id = ca.tenant_id and c.id = ca.case_id
          where ca.tenant_id = $1 order by 1, 2`,
  history: `select c.account_id, h.from_stage, h.to_stage, h.as_of, h.reason, h.effective_dpd
            from case_stage_history h join cases c on c.tenant_id = h.tenant_id and c.id = h.case_id
            where h.tenant_id = $1 order by c.account_id, h.seq`,
  actions: `select c.account_id, regexp_replace(e.idempotency_key, '^[^:]+:[^:]+:', '') as key,
              e.action, (e.target_id is not null) as targeted
            from engine_actions e join cases c on c.tenant_id = e.tenant_id and c.id = e.case_id
            where e.tenant_id = $1 order by 1, 2`,
  tasks: `select c.account_id, t.kind, t.title, t.status, t.due_at, t.sla_due_at,
            regexp_replace(t.idempotency_key, '^[^:]+:[^:]+:', '') as key
          from tasks t join cases c on c.tenant_id = t.tenant_id and c.id = t.case_id
          where t.tenant_id = $1 order by 1, key`,
  notices: `select c.account_id, n.template_id, n.status,
              regexp_replace(n.idempotency_key, '^[^:]+:[^:]+:', '') as key
            from notices n join cases c on c.tenant_id = n.tenant_id and c.id = n.case_id
            where n.tenant_id = $1 order by 1, key`,
  outbox: `select count(*)::int as n from outbox where tenant_id = $1`,
  run: `select state, counts, jsonb_array_length(steps) as steps from runs where tenant_id = $1`,
};

export async function runSnapshot(url: string, tenantId: string) {
  const owner = await connect(url);
  try {
    const out: Record<string, unknown> = { events: await eventCounts(owner, tenantId) };
    for (const [name, sql] of Object.entries(SNAPSHOT)) {
      out[name] = (await owner.query(sql, [tenantId])).rows;
    }
    return out;
  } finally {
    await owner.end();
  }
}
