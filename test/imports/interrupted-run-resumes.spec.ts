import { resolve } from 'node:path';
import { GetImport, RegisteredImport, RegisterImport, RunImport } from '../../libs/imports/src';
import { QueryBus as QueryBusToken } from '@nestjs/cqrs';
import { systemMeta } from '../../libs/core/src';
import { FIXTURES, ImportKit, startImportKit } from './support/import-kit';

describe('an import interrupted after a committed chunk resumes after it (a killed worker loses nothing)', () => {
  let kit: ImportKit;
  beforeAll(async () => {
    kit = await startImportKit('resume');
  });
  afterAll(async () => kit.close());

  it('stops after chunk 2 of 4, then the retry applies rows 22–41 only: 40 accounts, 40 rows counted once', async () => {
    // The imports job runs as the system viewer, like the worker.
    const meta = systemMeta({
      tenantId: kit.tenantId,
      actorId: 'test-worker',
      correlationId: 'resume-1',
    });
    const registered: RegisteredImport = await kit.api.commands.execute(
      new RegisterImport(meta, {
        kind: 'accounts',
        mapping: 'coop-npl',
        filePath: resolve(FIXTURES, 'coop-npl-loans.csv'),
        fileName: 'coop-npl-loans.csv',
      }),
    );
    const id = registered.import.id;
    let committed = 0;
    // The "crash": an error after the second chunk has committed.
    const crash = kit.api.commands.execute(
      new RunImport(meta, id, {
        chunkSize: 10,
        onProgress: (p) => {
          if (p.phase === 'committed' && ++committed === 2) throw new Error('worker killed');
        },
      }),
    );
    await expect(crash).rejects.toThrow('worker killed');
    const halfway = await kit.api.app.get(QueryBusToken).execute(new GetImport(meta, id));
    expect(halfway).toMatchObject({ status: 'running', rowsTotal: 20, lastRow: 21 });
    expect(await kit.count('accounts')).toBe(20);

    const done = await kit.api.commands.execute(new RunImport(meta, id, { chunkSize: 10 }));
    expect(done).toMatchObject({ status: 'succeeded', rowsTotal: 40, rowsOk: 40, attempts: 2 });
    expect(done.counts).toMatchObject({ accountsCreated: 40, debtorsCreated: 40 });
    expect(await kit.count('accounts')).toBe(40);
    const { rows } = await kit.owner.query(
      `select type, payload->>'resumeAfterRow' as resume from event_log
       where tenant_id = $1 and aggregate_id = $2 and type = 'ImportStarted' order by seq`,
      [kit.tenantId, id],
    );
    expect(rows).toEqual([
      { type: 'ImportStarted', resume: '0' },
      { type: 'ImportStarted', resume: '21' },
    ]);
    expect(await kit.count('event_log', `type = 'ImportChunkCommitted'`)).toBe(4);
  });
});
