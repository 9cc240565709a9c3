import { AuditVerifyCommand } from '../../apps/cli/src/commands/audit.command';
import { AuditChainVerifier, EventLog, TenantTx } from '../../libs/db/src';
import { createTenant, startTestApi, TestApi } from '../support/test-app';
import { connect } from '../support/test-db';

describe('audit verify walks the hash chain (hash = sha256(prev_hash ‖ canonical JSON))', () => {
  let api: TestApi;
  let tenantId: string;
  let command: AuditVerifyCommand;
  let output: string[];

  beforeAll(async () => {
    api = await startTestApi();
    tenantId = await createTenant(api, 'chain-co');
    const tx = api.app.get(TenantTx);
    const log = api.app.get(EventLog);
    // Five more events after TenantCreated: seq 2..6.
    for (let i = 1; i <= 5; i += 1) {
      await tx.run(tenantId, (em) =>
        log.append(
          em,
          {
            tenantId,
            actorId: 'tester',
            correlationId: `c${i}`,
            occurredAt: new Date(Date.UTC(2026, 2, i)),
          },
          [
            {
              type: 'AmountNoted',
              aggregateType: 'note',
              aggregateId: `n${i}`,
              payload: { amount: `${i}00.00` },
            },
          ],
        ),
      );
    }
    command = new AuditVerifyCommand(tx, api.app.get(AuditChainVerifier));
  });
  afterAll(async () => api.close());

  async function runVerify(): Promise<string> {
    output = [];
    const spy = jest
      .spyOn(console, 'log')
      .mockImplementation((line: string) => void output.push(line));
    try {
      await command.run([], { tenant: 'chain-co' });
    } finally {
      spy.mockRestore();
    }
    return output.join('\n');
  }

  it('passes on a clean chain and counts 6 events', async () => {
    expect(await runVerify()).toBe('ok, 6 events');
  });

  it('20 concurrent writers on one tenant are serialised: seq 7..26 without gaps, chain intact', async () => {
    const tx = api.app.get(TenantTx);
    const log = api.app.get(EventLog);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        tx.run(tenantId, (em) =>
          log.append(
            em,
            { tenantId, actorId: 'racer', correlationId: `r${i}`, occurredAt: new Date() },
            [{ type: 'Raced', aggregateType: 'race', aggregateId: `r${i}`, payload: { i } }],
          ),
        ),
      ),
    );
    const owner = await connect(api.db.ownerUrl);
    const { rows } = await owner.query<{ seqs: string[] }>(
      `select array_agg(seq order by seq) as seqs from event_log where tenant_id = $1 and type = 'Raced'`,
      [tenantId],
    );
    await owner.end();
    expect(rows[0].seqs.map(Number)).toEqual(Array.from({ length: 20 }, (_, i) => i + 7));
    expect(await runVerify()).toBe('ok, 26 events');
  });

  it('the application role cannot UPDATE or DELETE the log', async () => {
    const app = await connect(api.db.appUrl);
    try {
      await app.query('begin');
      await app.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
      await expect(app.query(`update event_log set payload = '{}' where seq = 3`)).rejects.toThrow(
        /permission denied/,
      );
      await app.query('rollback');
    } finally {
      await app.end();
    }
  });

  it('the trigger rejects UPDATE even for the owner', async () => {
    const owner = await connect(api.db.ownerUrl);
    try {
      await expect(
        owner.query(`update event_log set payload = '{}' where seq = 3`),
      ).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
  });

  it('names seq 4 after a superuser disables the trigger and changes that row', async () => {
    const owner = await connect(api.db.ownerUrl);
    try {
      await owner.query('alter table event_log disable trigger event_log_no_update');
      await owner.query(
        `update event_log set payload = '{"amount":"999.00"}' where tenant_id = $1 and seq = 4`,
        [tenantId],
      );
      await owner.query('alter table event_log enable trigger event_log_no_update');
    } finally {
      await owner.end();
    }
    expect(await runVerify()).toMatch(
      /^broken at seq 4 \(event [0-9a-f-]{36}\): hash does not match the row content; 3 events before it verify$/,
    );
    process.exitCode = 0;
  });
});
