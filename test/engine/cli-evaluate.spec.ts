import { INestApplicationContext } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { PackEvaluateCommand } from '../../apps/cli/src/commands/evaluate.command';
import { PackCliModule } from '../../apps/cli/src/commands/pack.command';
import { AppConfigModule } from '../../libs/core/src';
import { DbModule, RedisModule } from '../../libs/db/src';
import { TenancyModule } from '../../libs/tenancy/src';
import type { CollectionTestApi } from '../collection/support/collection-api';
import {
  debtorWithOverdueAccount,
  openCase,
  tenantWithUsers,
} from '../collection/support/fixtures';
import { installPack, nightOf, rowCounts, startEngineApi } from './support/engine-api';

describe('npm run cli -- pack evaluate --tenant <slug> --as-of <date>', () => {
  let api: CollectionTestApi;
  let cli: INestApplicationContext;
  let tenantId: string;

  beforeAll(async () => {
    api = await startEngineApi(nightOf('2026-03-10'));
    const tenant = await tenantWithUsers(api, 'engine-cli', { manager: ['manager'] });
    tenantId = tenant.tenantId;
    await installPack(api, tenantId);
    const { debtorId } = await debtorWithOverdueAccount(api, tenantId, {
      name: '吴十',
      principal: '1000.00',
      dueOn: '2026-03-08',
      startDate: '2026-02-01',
    });
    await openCase(api, tenant.users.manager, debtorId);
    // The CLI's own module graph (cli.module.ts), on the same database.
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppConfigModule.forRoot(api.db.config),
        CqrsModule.forRoot(),
        DbModule,
        RedisModule,
        TenancyModule,
        PackCliModule,
      ],
    }).compile();
    cli = await moduleRef.init();
  }, 180_000);
  afterAll(async () => {
    await cli?.close();
    await api?.close();
  });

  it('prints the run as JSON: DPD 2 on 2026-03-10 → daily-calls, one call task; a second run adds nothing', async () => {
    const lines: string[] = [];
    const log = jest
      .spyOn(console, 'log')
      .mockImplementation((line: string) => void lines.push(line));
    try {
      const command = cli.get(PackEvaluateCommand);
      await command.run([], { tenant: 'engine-cli', asOf: '2026-03-10' });
      const counts = await rowCounts(api, tenantId);
      await command.run([], { tenant: 'engine-cli', asOf: '2026-03-10' });
      expect(await rowCounts(api, tenantId)).toEqual(counts);
    } finally {
      log.mockRestore();
    }
    expect(JSON.parse(lines[0])).toMatchObject({
      asOf: '2026-03-10',
      pack: 'test-engine-ladder@1.0.0',
      evaluated: 1,
      stageChanges: 1,
      stageCounts: { 'daily-calls': 1 },
      tasksCreated: 1,
    });
    expect(JSON.parse(lines[1])).toMatchObject({ stageChanges: 0, tasksCreated: 0 });
  });
});
