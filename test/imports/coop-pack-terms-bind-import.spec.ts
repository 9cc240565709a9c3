import { systemMeta } from '../../libs/core/src';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InstallPack } from '../../libs/policy/src';
import { COOP_PARAMS } from '../policy/support/ledger-terms-kit';
import { ImportKit, startImportKit } from './support/import-kit';

/** The co-op's bad-loan list as /work/shared/samples/coop-npl-loans.csv has it (UTF-8, BOM). */
const HEADER =
  '贷款账号,借款人,身份证号,村组,发放金额,贷款余额,发放日期,到期日期,执行年利率,五级分类,欠息,担保人,是否村干部,享受优惠政策';
const ROW =
  'NX202508001,林勇,150221197208109652,前营村,50000.00,50000.00,2025-08-01,2026-02-01,7.2%,可疑,1200.00,刘丽,否,';

describe('co-op pack terms bind a loan imported from the bad-loan list (no markup column)', () => {
  let kit: ImportKit;
  let dir: string;

  beforeAll(async () => {
    kit = await startImportKit('coop-terms-import');
    await kit.api.commands.execute(
      new InstallPack(
        systemMeta({
          tenantId: kit.tenantId,
          actorId: 'test-admin',
          correlationId: 'test-install',
        }),
        kit.tenantId,
        'credit-coop-npl-drive',
        undefined,
        COOP_PARAMS,
      ),
    );
    dir = await mkdtemp(join(tmpdir(), 'qs-coop-terms-'));
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await kit?.close();
  });

  it('45 days past the 2026-02-01 maturity: penalty 675.00 and compound 16.20 on the 1,200.00 欠息, markup 50% stored', async () => {
    const file = join(dir, 'coop-npl-loans.csv');
    await writeFile(file, `\ufeff${HEADER}\n${ROW}\n`, 'utf8');
    const view = await kit.importFile(file, 'accounts', 'coop-npl');
    expect(view).toMatchObject({ status: 'succeeded', rowsOk: 1, rowsFailed: 0 });

    const { rows } = await kit.owner.query(
      `select penalty_markup::text, compound_enabled, day_count_basis, own_terms from accounts
       where tenant_id = $1 and external_ref = 'NX202508001'`,
      [kit.tenantId],
    );
    expect(rows).toEqual([
      { penalty_markup: '0.500000', compound_enabled: true, day_count_basis: 360, own_terms: [] },
    ]);
    const balance = await kit.balance('coop-core', 'NX202508001', '2026-03-18');
    expect(balance).toMatchObject({
      dpd: 45,
      overduePrincipal: '50000.00',
      overdueInterest: '1200.00',
      penaltyInterest: '675.00',
      compoundInterest: '16.20',
    });
  });

  it('a mapping that sets its own markup against the pack is refused row by row, naming penaltyMarkup', async () => {
    const file = join(dir, 'own-markup.csv');
    await writeFile(file, `${HEADER}\n${ROW.replace('NX202508001', 'NX202508002')}\n`, 'utf8');
    const { COOP_NPL } = await import('../../libs/imports/src/mappings/loan-mappings');
    const mapping = { ...COOP_NPL, defaults: { ...COOP_NPL.defaults, penaltyMarkup: '0.3' } };
    const view = await kit.importFile(file, 'accounts', mapping);
    expect(view).toMatchObject({ rowsOk: 0, rowsFailed: 1 });
    expect(await kit.count('accounts', `external_ref = 'NX202508002'`)).toBe(0);
    const { rows } = await kit.owner.query(
      `select field, reason from import_row_errors where tenant_id = $1 and import_id = $2`,
      [kit.tenantId, view.id],
    );
    expect(rows).toEqual([
      {
        field: 'penaltyMarkup',
        reason: expect.stringMatching(
          /^the pack credit-coop-npl-drive@\S+ sets 50% and does not let an account set its own/,
        ),
      },
    ]);
  });
});
