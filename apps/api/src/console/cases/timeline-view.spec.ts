import type { TimelineEntry } from '@qingshou/collection';
import type { PackVocabulary } from '@qingshou/policy';
import { translate } from '../i18n/i18n';
import type { PageContext } from '../render/page-context';
import { timelineLines } from './timeline-view';

const ME = '6f0c1c2e-2222-4222-8222-222222222222';
const page = {
  lang: 'zh',
  user: { userId: ME },
  t: (k: string, v?: Record<string, unknown>) => translate('zh', k, v),
} as unknown as PageContext;
/** A pack that names its own stage and approval kind (the codes the catalogue lacks). */
const VOCAB: PackVocabulary = {
  stages: { 'field-visit': { zh: '上门催收', en: 'Field visit' } },
  taskKinds: {},
  approvalKinds: {
    'finance-reconciliation': { zh: '应收账款与销售财务核对', en: 'Reconciliation' },
  },
  flags: { 'hard-to-reach': { zh: '难以联系', en: 'Hard to reach' } },
};

const event = (type: string, payload: Record<string, unknown>): TimelineEntry => ({
  kind: 'event',
  id: type,
  at: '2026-03-11T02:00:00.000Z',
  type,
  actorId: ME,
  data: { payload, before: null, after: null },
});
const headline = (entry: TimelineEntry) =>
  timelineLines(page, [entry], undefined, VOCAB)[0].headline;

describe('timeline lines name what an event was about (issue 11 §8: no raw codes)', () => {
  it('names the flag set or cleared, from the catalogue or the pack', () => {
    expect(headline(event('FlagSet', { flag: 'lost-contact' }))).toBe('设置标记：失联');
    expect(headline(event('FlagCleared', { flag: 'lost-contact' }))).toBe('清除标记：失联');
    expect(headline(event('FlagSet', { flag: 'hard-to-reach' }))).toBe('设置标记：难以联系');
  });

  it('names the stage entered by the pack vocabulary', () => {
    expect(headline(event('StageEntered', { from: 'early', to: 'field-visit' }))).toBe(
      '进入新阶段：上门催收',
    );
  });

  it('names the approval kind and the decision 同意/驳回', () => {
    expect(headline(event('ApprovalDecided', { kind: 'waiver', decision: 'approved' }))).toBe(
      '审批决定：减免，同意',
    );
    expect(
      headline(event('ApprovalDecided', { kind: 'finance-reconciliation', decision: 'rejected' })),
    ).toBe('审批决定：应收账款与销售财务核对，驳回');
  });

  it('keeps the generic line when a code has no name, never showing the code', () => {
    expect(headline(event('FlagSet', { flag: 'mystery-flag' }))).toBe('设置标记');
    expect(headline(event('StageEntered', { to: 'mystery-stage' }))).toBe('进入新阶段');
    expect(headline(event('ApprovalDecided', { kind: 'mystery', decision: 'approved' }))).toBe(
      '审批决定',
    );
  });

  it('names a repayment plan by its figures, and the instalment that broke it (issue 16)', () => {
    const instalments = [0, 1, 2].map((seq) => ({ seq, dueOn: '2026-04-02', amount: '1000.00' }));
    expect(
      headline(event('PlanProposed', { total: '3000.00', downPayment: '1000.00', instalments })),
    ).toBe('提出还款计划：总额 ¥3,000.00，首付 ¥1,000.00，分 2 期');
    expect(
      headline(
        event('PlanBroken', {
          brokenOn: '2026-08-08',
          missedInstalment: 5,
          waiverWithdrawn: '660.00',
        }),
      ),
    ).toBe('还款计划违约：第5期逾期超过宽限，2026-08-08起恢复催收，罚息减免撤回');
  });

  it('names the debtor as the actor of a step taken on their own page (issue 16 §3)', () => {
    const promise: TimelineEntry = {
      kind: 'promise',
      id: 'p1',
      at: '2026-03-11T02:00:00.000Z',
      type: 'pending',
      actorId: 'debtor-self:7c1e0a52-1111-4111-8111-111111111111',
      data: { amount: '500.00', dueOn: '2026-03-20' },
    };
    const [line] = timelineLines(page, [promise], undefined, VOCAB);
    expect(line.actor).toBe('债务人本人（自助页面）');
    expect(line.mine).toBe(false);
    // A user's own step names no actor beside 我.
    expect(timelineLines(page, [event('CaseAssigned', {})], undefined, VOCAB)[0].actor).toBeNull();
  });
});
