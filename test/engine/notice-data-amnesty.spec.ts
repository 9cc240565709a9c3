import { QueryBus } from '@nestjs/cqrs';
import { GetIncentiveEffects, LaunchDrive } from '../../libs/outcomes/src';
import type { CollectionTestApi } from '../collection/support/collection-api';
import { borrower, openCase } from '../kpi/support/kpi-fixtures';
import {
  Member,
  meta,
  nightOf,
  noticeHtml,
  noticesOf,
  ownerQuery,
  packTenant,
  plain,
  runNight,
} from '../packs/support/pack-scenario';

/**
 * 第二篇 "在规定期限内主动归还全部欠款的…减免罚息" printed on the drive's notice, with
 * policies/test-conditions: 10,000.00 at 7.2% due 2026-03-02, penalty at 7.2% × 1.5 = 10.8%
 * a year (3.00 a day on the 10,000.00 overdue, 360-day basis). The drive's collection phase
 * opens 03-11 (9 days past due): the notice says repay in full by 2026年3月20日 and names
 * what the waiver is worth that day, with the office's address and phone in the letterhead.
 */
describe('notice data: the amnesty waiver, its date and the office letterhead', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'boss', Member>;
  let accountId: string;
  let caseId: string;

  beforeAll(async () => {
    ({ api, tenantId, users } = await packTenant('test-conditions', nightOf('2026-03-01'), {
      boss: ['manager'],
    }));
    await ownerQuery(
      api,
      `update tenants set address = $2, phone = $3, contact_person = $4 where id = $1`,
      [tenantId, '城关镇信用路8号', '0551-6288 1234', '王会计'],
    );
    const made = await borrower(api, tenantId, {
      name: '张欠款',
      principal: '10000.00',
      annualRate: '0.072',
      penaltyMarkup: '0.5',
      startDate: '2025-09-02',
      dueOn: '2026-03-02',
    });
    accountId = made.accountId;
    caseId = await openCase(api, tenantId, users.boss.id, made.debtorId);
    await api.commands.execute(new LaunchDrive(meta(tenantId), 'npl-drive', '2026-03-09'));
  }, 120_000);
  afterAll(async () => api?.close());

  it('03-11: the 清收通知书 prints the deadline 2026年3月20日 and the waiver as the incentive query prices it', async () => {
    const summary = await runNight(api, tenantId, '2026-03-11');
    expect(summary.noticeFailures).toEqual([]);
    const [notice] = await noticesOf(api, caseId);
    const text = plain(await noticeHtml(api, users.boss.token, notice.id));
    const effects = await api.app
      .get(QueryBus)
      .execute(new GetIncentiveEffects(meta(tenantId), accountId, '2026-03-11'));
    const waived = effects.incentives[0].figures?.waived.total;
    // 9 days of penalty at 3.00 a day = 27.00, less the 2.00 a day of contract interest the
    // amnesty charges instead (interestAt: contract) = 9.00 waived.
    expect(waived).toBe('9.00');
    expect(text).toContain('在2026年3月20日前（含当日）主动归还全部欠款的');
    expect(text).toContain('可减免人民币9.00元（大写：玖元整）');
    expect(text).toContain('本社正在开展集中清收不良贷款工作');
  });

  it('the letterhead prints the tenant address and phone recorded for the office', async () => {
    const [notice] = await noticesOf(api, caseId);
    const text = plain(await noticeHtml(api, users.boss.token, notice.id));
    expect(text).toContain('地址：城关镇信用路8号');
    expect(text).toContain('电话：0551-628812');
  });

  it('the stored notice data names the incentive, its pay-by date and the amount in figures and capitals', async () => {
    const rows = await ownerQuery<{ incentive: unknown }>(
      api,
      `select data->'incentive' as incentive from notices where case_id = $1`,
      [caseId],
    );
    expect(rows).toEqual([
      {
        incentive: {
          id: 'amnesty',
          name: '主动还款减免罚息',
          deadline: '2026-03-20',
          status: 'available',
          waivedAmount: '9.00',
          waivedAmountUpper: '玖元整',
        },
      },
    ]);
  });
});
