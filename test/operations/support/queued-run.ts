import { RequestRun, type RequestedRun } from '../../../libs/operations/src';
import { cloneTestDatabase, createTestDatabase, type TestDatabase } from '../../support/test-db';
import { writeMicroloanBook } from './portfolio';
import { meta, packTenant, startRunKit } from './run-kit';

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
