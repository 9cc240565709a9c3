import {
  ExecuteRun,
  GetRun,
  RequestRun,
  type RequestedRun,
  type RunView,
} from '../../libs/operations/src';
import { writeMicroloanBook } from './support/portfolio';
import {
  eventCounts,
  meta,
  packTenant,
  RunKit,
  runDay,
  startRunKit,
  tableCounts,
} from './support/run-kit';

const AS_OF = '2026-03-10';
/** 1,100 accounts → 770 overdue → two batches of cases (500 + 270). */
const ACCOUNTS = 1100;

describe('a run that fails mid-step resumes from its checkpoint and ends as an uninterrupted one', () => {
  let kit: RunKit;
  let steady: string;
  let broken: string;
  beforeAll(async () => {
    kit = await startRunKit(`${AS_OF}T01:00:00+08:00`);
    steady = await packTenant(kit, 'ops-steady');
    broken = await packTenant(kit, 'ops-broken');
    await writeMicroloanBook(kit.owner, steady, AS_OF, ACCOUNTS);
    await writeMicroloanBook(kit.owner, broken, AS_OF, ACCOUNTS);
  }, 120_000);
  afterAll(async () => kit?.close());

  it('fails after the first batch of 500 cases, resumes at case 501, and matches the twin tenant row for row', async () => {
    const uninterrupted = await runDay(kit, steady, AS_OF);
    expect(uninterrupted.state).toBe('succeeded');

    const requested: RequestedRun = await kit.commands.execute(
      new RequestRun(meta(broken), 'escalation', AS_OF, false),
    );
    const id = requested.run.id;
    const crash = kit.commands.execute(
      new ExecuteRun(meta(broken), id, {
        onProgress: (run: RunView) => {
          const p = run.progress as { step?: string; done?: number };
          if (p.step === 'evaluate-cases' && (p.done ?? 0) >= 500) throw new Error('worker died');
        },
      }),
    );
    await expect(crash).rejects.toThrow('worker died');
    const halfway: RunView = await kit.queries.execute(new GetRun(meta(broken), id));
    expect(halfway).toMatchObject({ state: 'running', step: 'evaluate-cases', stepIndex: 4 });
    expect(halfway.progress).toMatchObject({ done: 500, total: 770 });
    expect(halfway.error).toBe('worker died');

    const resumed = await kit.commands.execute(new ExecuteRun(meta(broken), id));
    expect(resumed).toMatchObject({ state: 'succeeded', attempts: 2, error: null });
    expect(resumed.counts).toEqual(uninterrupted.counts);
    expect(await tableCounts(kit.owner, broken)).toEqual(await tableCounts(kit.owner, steady));
    expect(await eventCounts(kit.owner, broken)).toEqual(await eventCounts(kit.owner, steady));
    // Every case is counted once although the run went through two executions.
    expect(resumed.counts.casesEvaluated).toBe(770);
  });
});
