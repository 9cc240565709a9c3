import { QueryBus } from '@nestjs/cqrs';
import { TenantTx } from '../../libs/db/src';
import { AccountBalances, GetAccountBalance } from '../../libs/ledger/src';
import { IssueNotice } from '../../libs/notices/src';
import { PinnedPacks } from '../../libs/engine/src';
import { withNoticeData } from '../../libs/engine/src/apply/notice-data';
import { loadChunkFacts } from '../../libs/engine/src/load/case-facts';
import type { RunContext } from '../../libs/engine/src/run/run-context';
import type { CollectionTestApi } from '../collection/support/collection-api';
import {
  loan,
  Member,
  meta,
  nightOf,
  noticeHtml,
  openCase,
  ownerQuery,
  packTenant,
  pay,
  plain,
} from '../packs/support/pack-scenario';

/**
 * 篇一 "邮寄或传真对帐单…一定要求客户给予书面回复": the 对账单 of the real leasing pack, rendered
 * from the data the engine builds for a notice order (load/case-facts → apply/notice-data)
 * — whether the statement then waits for the AR reconciliation approval is the gate's
 * business, not the data's. A dealer owes three receivables of 30,000.00, 30,000.00 and
 * 40,000.00 due 02-02, 03-02 and 04-01 at 6% (penalty × 1.5 = 9% a year, 360-day basis),
 * pays 45,000.00 on 02-20 and nothing since; the statement is as of Thursday 2026-03-05.
 */
const AS_OF = '2026-03-05';

describe('notice data: the leasing statement of account adds up to the fen', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'boss', Member>;
  let made: { debtorId: string; accountId: string };
  let caseId: string;
  let html: string;
  let data: Record<string, unknown>;

  beforeAll(async () => {
    ({ api, tenantId, users } = await packTenant('leasing-dealer-arrears', nightOf(AS_OF), {
      boss: ['manager'],
    }));
    await ownerQuery(api, `update tenants set contact_person = $2, phone = $3 where id = $1`, [
      tenantId,
      '李内勤',
      '0551-6100 2000',
    ]);
    made = await loan(api, tenantId, {
      name: '华通经销',
      type: 'receivable',
      principal: '100000.00',
      annualRate: '0.06',
      penaltyMarkup: '0.5',
      startDate: '2025-12-01',
      dueOn: '2026-04-01',
      installments: [
        { dueDate: '2026-02-02', principal: '30000.00' },
        { dueDate: '2026-03-02', principal: '30000.00' },
        { dueDate: '2026-04-01', principal: '40000.00' },
      ],
    });
    caseId = await openCase(api, tenantId, users.boss.id, made.debtorId);
    await pay(api, tenantId, made.accountId, '2026-02-20', '45000.00');
    data = await api.app.get(TenantTx).run(tenantId, async (em) => {
      const packs = api.app.get(PinnedPacks, { strict: false });
      const view = await packs.require(em, tenantId);
      const ctx: RunContext = {
        tenantId,
        asOf: AS_OF,
        now: new Date(nightOf(AS_OF)),
        timeZone: 'Asia/Shanghai',
        pack: view,
        calendar: packs.calendarOf(view, 'Asia/Shanghai'),
        actorId: 'test',
        correlationId: 'test-statement',
        dryRun: false,
      };
      const [row] = await em.execute<{ opened_on: string }[]>(
        `select opened_on::text from cases where id = ?`,
        [caseId],
      );
      const loaded = await loadChunkFacts(
        em,
        api.app.get(AccountBalances, { strict: false }),
        { ...ctx, needs: view.needs, contactWindowDays: 1, pack: view },
        [
          {
            id: caseId,
            debtorId: made.debtorId,
            status: 'open',
            stage: 'plan',
            assigneeId: null,
            overdueReasonCode: null,
            openedOn: row.opened_on,
          },
        ],
      );
      const [ready] = await withNoticeData(
        em,
        ctx,
        [
          {
            caseId,
            debtorId: made.debtorId,
            stage: 'plan',
            template: 'statement',
            recipient: 'debtor',
            key: `test:${caseId}:statement`,
            fresh: true,
          },
        ],
        loaded.balances,
        null,
      );
      return ready.data;
    });
    const issued = await api.commands.execute(
      new IssueNotice(meta(tenantId), {
        templateId: 'leasing-dealer-arrears/statement',
        debtorId: made.debtorId,
        caseId,
        idempotencyKey: `test:${caseId}:statement`,
        data,
      }),
    );
    html = plain(await noticeHtml(api, users.boss.token, issued.notice.id));
  }, 120_000);
  afterAll(async () => api?.close());

  it('lists each installment due and its penalty: due − paid = outstanding on every line', () => {
    const lines = (data.statement as { lines: Record<string, string>[] }).lines;
    expect(
      lines.map((l) => [l.description, l.date, l.amountDue, l.amountPaid, l.outstanding]),
    ).toEqual([
      // 18 days late on 30,000.00 at 9%: 30,000.00 × 0.09 ÷ 360 × 18 = 135.00, paid first.
      ['第1期应付款', '2026-02-02', '30000.00', '30000.00', '0.00'],
      ['第1期罚息', '2026-02-02', '135.00', '135.00', '0.00'],
      // 45,000.00 − 30,135.00 = 14,865.00 held as credit, applied on 03-02.
      ['第2期应付款', '2026-03-02', '30000.00', '14865.00', '15135.00'],
      // 3 days (03-02 → 03-05) on 15,135.00 at 9% = 11.35125 → 11.35.
      ['第2期罚息', '2026-03-02', '11.35', '0.00', '11.35'],
    ]);
    for (const l of lines) {
      const fen = (v: string) => Math.round(Number(v) * 100);
      expect(fen(l.amountDue) - fen(l.amountPaid)).toBe(fen(l.outstanding));
    }
  });

  it('the balance is the sum of the lines and the ledger’s total due, to the fen: 15,146.35', async () => {
    const statement = data.statement as { lines: { outstanding: string }[]; balance: string };
    const fen = statement.lines.reduce(
      (acc, l) => acc + Math.round(Number(l.outstanding) * 100),
      0,
    );
    expect(statement.balance).toBe('15146.35');
    expect(fen).toBe(1514635);
    const ledger = await api.app
      .get(QueryBus)
      .execute(new GetAccountBalance(meta(tenantId), made.accountId, AS_OF));
    expect(ledger.totalDue).toBe('15146.35');
  });

  it('the rendered 对账单 prints the lines, the balance in figures and capitals, the reply-by date and the contact', () => {
    expect(html).toContain('（第2期应付款）2026年3月2日30,000.0014,865.0015,135.00');
    expect(html).toContain(
      '以上合计未付款项人民币15,146.35元（大写：壹万伍仟壹佰肆拾陆元叁角伍分）',
    );
    // 15 days (statementReplyDays) from Thursday 03-05, the day itself not counted: Friday 03-20.
    expect(html).toContain('并于2026年3月20日前在下方回执上签字或盖章');
    expect(html).toContain('如有疑问，请与我司李内勤联系（电话：0551-61002000）');
    expect(html).toContain('回执');
  });
});
