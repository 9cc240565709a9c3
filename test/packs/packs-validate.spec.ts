import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headerMatchKey, mapRows, readTabular } from '../../libs/core/src/tabular';
import type { ColumnMapping, MappedRow } from '../../libs/core/src/tabular';
import { loadSharedTemplates } from '../../libs/notices/src/rendering/shared-templates';
import { NoticeTemplateEngine } from '../../libs/notices/src/rendering/template-engine';
import { composeNoticeData } from '../../libs/notices/src/support/notice-context';
import { PackLoader } from '../../libs/policy/src/loader/pack-loader';
import { PackRegistry } from '../../libs/policy/src/loader/pack-registry';
import type { ResolvedPack } from '../../libs/policy/src/loader/resolved-pack';

/**
 * The six production packs of issue 5 (policies/<id>), loaded by the real loader with no
 * database: each validates with zero problems, carries the seed's numbers as its defaults,
 * renders every notice template through the notices engine with the amounts in figures and
 * in Chinese capitals, and maps its sample import file(s) in test/fixtures without a row error.
 */
const ROOT = join(__dirname, '..', '..');
const PACKS = [
  'leasing-dealer-arrears',
  'student-loan',
  'credit-coop-npl-drive',
  'microloan-overdue',
  'card-collection-agency',
  'housing-fund',
] as const;
type PackId = (typeof PACKS)[number];

/** What a tenant must give at install (the drive's dates); everything else has a default. */
const INSTALL_PARAMS: Partial<Record<PackId, Record<string, unknown>>> = {
  'credit-coop-npl-drive': { launchDate: '2026-05-15', amnestyDate: '2026-07-05' },
};

const loader = new PackLoader(new PackRegistry(join(ROOT, 'policies')));

function problemsOf(id: PackId, mode: 'validate' | 'install'): string[] {
  const params = mode === 'install' ? (INSTALL_PARAMS[id] ?? {}) : {};
  const result = loader.load(id, undefined, { mode, params });
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.reason}`);
}

function install(id: PackId, params: Record<string, unknown> = {}): ResolvedPack {
  const result = loader.load(id, undefined, {
    mode: 'install',
    params: { ...INSTALL_PARAMS[id], ...params },
  });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.reason}`).join('\n'));
  return result.pack;
}

/** Loose views of the resolved (plain JSON) spec, for assertions. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const byId = (items: readonly Json[], key = 'id') =>
  Object.fromEntries(items.map((item) => [item[key], item])) as Record<string, Json>;
const actionsOf = (list: readonly Json[], name: string) =>
  list.filter((a) => name in a).map((a) => a[name] as Json);

describe('the six production packs validate with the real loader', () => {
  it.each(PACKS)('%s: zero problems when validated and when installed with defaults', (id) => {
    expect(problemsOf(id, 'validate')).toEqual([]);
    expect(problemsOf(id, 'install')).toEqual([]);
    const pack = install(id);
    expect(pack.id).toBe(id);
    expect(pack.version).toBe('1.0.0');
    expect(pack.spec.audience).toBe('production');
    expect(pack.extendsChain).toEqual([]);
  });

  it.each(PACKS)(
    '%s: the 分期还款协议书 is its one plan agreement, every other template a case letter',
    (id) => {
      const purposes = Object.values(install(id).templates).map((t) => [t.name, t.purpose]);
      expect(purposes.filter(([, purpose]) => purpose)).toEqual([
        ['plan-agreement', 'plan-agreement'],
      ]);
    },
  );

  it('the registry lists all six', () => {
    const ids = loader.registry.ids();
    for (const id of PACKS) expect(ids).toContain(id);
  });
});

describe('leasing-dealer-arrears (篇一, 篇五)', () => {
  const pack = install('leasing-dealer-arrears');
  const spec = pack.spec as unknown as Json;

  it('reconciles AR with finance before any statement or demand; the statement has a reply slip', () => {
    const notices = byId(spec.notices, 'template');
    expect(notices.statement).toMatchObject({
      replySlip: { returnWithinDays: 15 },
      approval: { kind: 'ar-reconciliation' },
    });
    expect(notices['demand-letter'].approval).toEqual({ kind: 'ar-reconciliation' });
    expect(byId(spec.approvals, 'kind')['ar-reconciliation'].by).toBe('sales-finance');
  });

  it('the 篇五 final notice: 10 days from the signed receipt, +3 days when refused or undeliverable', () => {
    const final = byId(spec.notices, 'template')['final-notice'];
    expect(final.delivery).toEqual({ periodDays: 10, from: 'signed', fallbackOffsetDays: 3 });
    const stage = byId(spec.stages)['final-notice'];
    expect(stage.when).toEqual({ dpd: { min: 60 } });
    expect(actionsOf(stage.do, 'notice')[0]).toMatchObject({
      template: 'final-notice',
      channel: 'registered-mail',
    });
  });

  it('ladder: plan (statement, calls) → visit (EVP-approved plan) → final notice → legal', () => {
    expect(spec.stages.map((s: Json) => s.id)).toEqual(['plan', 'visit', 'final-notice', 'legal']);
    const stages = byId(spec.stages);
    expect(actionsOf(stages.plan.do, 'task')[0]).toMatchObject({
      kind: 'collection-plan',
      checklist: ['repayment-pattern', 'payment-timing', 'amounts', 'relationship', 'credit-grade'],
    });
    expect(actionsOf(stages.visit.do, 'approval')).toEqual([{ kind: 'visit-plan' }]);
    expect(byId(spec.approvals, 'kind')['visit-plan']).toMatchObject({
      by: 'evp',
      fields: ['time', 'place', 'customers', 'staff', 'vehicle', 'materials', 'participants'],
    });
    expect(actionsOf(stages.visit.do, 'task')[0].deliverables).toEqual([
      'written-commitment',
      'signed-statement',
      'visit-receipt',
    ]);
    expect(stages.legal.when.any).toContainEqual({
      attribute: { key: 'credit-grade', in: ['very-poor'] },
    });
    expect(actionsOf(stages.legal.do, 'referToLegal')[0]).toMatchObject({
      steps: ['filing', 'preservation', 'negotiation'],
      withAmounts: true,
    });
  });

  it('weekly Friday report per collector approved by the sales manager, checked by finance', () => {
    const weekly = byId(spec.reports)['weekly-collector'];
    expect(weekly.schedule).toMatchObject({ every: 'week', on: 'friday' });
    expect(weekly.per).toEqual(['collector']);
    expect(weekly.approvals.map((a: Json) => a.by)).toEqual(['sales-manager', 'sales-finance']);
    expect(byId(spec.routines)['daily-register'].schedule.every).toBe('day');
  });

  it('credit hold stops supply from DPD 1, exposed by API, cleared when settled or arranged', () => {
    const hold = byId(spec.flags)['credit-hold'];
    expect(hold).toMatchObject({ kind: 'hold', effects: ['stop-supply'], exposed: true });
    expect(hold.setWhen.all[0]).toEqual({ dpd: { min: 1 } });
    expect(hold.clearWhen.any).toContainEqual({ caseStatus: { in: ['settled', 'closed'] } });
    expect(hold.clearWhen.any).toContainEqual({ promise: { status: 'pending' } });
  });

  it('strategy by position, escalation of stalling, costs approved above 2000.00', () => {
    expect(spec.rules.map((r: Json) => r.id)).toEqual(
      expect.arrayContaining([
        'stalling-to-manager',
        'cash-good',
        'prospects-good',
        'badly-run',
        'otherwise-legal',
        'after-visit',
      ]),
    );
    expect(spec.costs).toMatchObject({
      allocateToCases: true,
      approval: { above: '2000.00', by: 'clearance-lead' },
    });
    const responsible = byId(spec.attributes, 'key')['responsible-person'];
    expect(responsible).toMatchObject({ subject: 'account', type: 'user', required: true });
  });
});

describe('student-loan (篇二, 篇四, 篇七)', () => {
  const pack = install('student-loan');
  const spec = pack.spec as unknown as Json;

  it('default rate ≤ 5%, stretch 0, per school and cohort; defaulted = more than 90 days past due', () => {
    const target = byId(spec.targets)['default-rate'];
    expect(target).toMatchObject({
      metric: 'defaultRate',
      max: '0.05',
      stretch: '0',
      per: ['tenant', 'school', 'cohort'],
      args: { thresholdDays: 90 },
    });
    expect(spec.groupTypes).toEqual(['school', 'cohort']);
  });

  it('leader (principal), deputy (union chair), members — duties as tasks', () => {
    const roles = byId(spec.roles);
    expect(roles.leader.platformRole).toBe('manager');
    expect(roles.deputy.platformRole).toBe('supervisor');
    expect(roles.member.platformRole).toBe('field-collector');
    const sort = byId(spec.routines)['sort-maturing'];
    expect(actionsOf(sort.do, 'task')[0]).toMatchObject({ kind: 'sort-maturing', role: 'deputy' });
    const notified = byId(spec.stages).notified;
    expect(actionsOf(notified.do, 'notice')[0]).toMatchObject({
      template: 'collection-notice',
      to: ['debtor', 'co-borrower'],
    });
    expect(actionsOf(notified.do, 'task').map((t) => [t.kind, t.role])).toEqual([
      ['deliver-notice', 'member'],
      ['verify-contact', 'member'],
      ['explain-policy', 'member'],
    ]);
    const local = byId(spec.stages)['local-help'];
    expect(local.when).toEqual({ dpd: { min: 90 } });
    expect(actionsOf(local.do, 'task')[0]).toMatchObject({ kind: 'local-help', role: 'leader' });
    const report = byId(spec.rules)['report-bad-faith'];
    expect(actionsOf(report.do, 'task')[0]).toMatchObject({
      kind: 'report-to-aid-centre',
      deliverables: ['report', 'recommendation'],
    });
  });

  it('maturity reminders 30 and 7 days before each due date; the annual assessment per school', () => {
    expect(spec.reminders.map((r: Json) => r.daysBefore)).toEqual([30, 7]);
    const assessment = byId(spec.reports)['annual-assessment'];
    expect(assessment).toMatchObject({
      schedule: { every: 'year', on: '12-31' },
      per: ['school', 'cohort'],
      targets: ['default-rate'],
      columns: ['group', 'target', 'actual', 'gap'],
    });
  });
});

describe('credit-coop-npl-drive (篇三 and the township plan)', () => {
  const pack = install('credit-coop-npl-drive');
  const spec = pack.spec as unknown as Json;

  it('the launch date and the amnesty date are the tenant’s to give', () => {
    expect(pack.unresolved).toEqual([]);
    const missing = loader.load('credit-coop-npl-drive', undefined, {
      mode: 'install',
      params: {},
    });
    expect(missing.ok).toBe(false);
    expect(missing.ok ? [] : missing.problems.map((p) => p.path)).toEqual([
      'params.launchDate',
      'params.amnestyDate',
    ]);
  });

  it('five phases from the launch date with the 2012 plan’s lengths', () => {
    const drive = byId(spec.drives)['npl-drive'];
    expect(drive.scope).toEqual({ loanClass: { in: ['substandard', 'doubtful', 'loss'] } });
    expect(drive.phases.map((p: Json) => [p.id, p.start ?? null, p.days])).toEqual([
      ['survey', '2026-05-15', 5],
      ['determination', null, 31],
      ['mobilisation', null, 7],
      ['collection', null, 131],
      ['review', null, 31],
    ]);
    const phases = byId(drive.phases);
    expect(phases.survey.deliverables[0]).toMatchObject({ id: 'npl-statistics', perCase: true });
    expect(actionsOf(phases.mobilisation.tasks, 'task').map((t) => [t.kind, t.quantity])).toEqual([
      ['meeting', undefined],
      ['posters', 100],
      ['banners', 3],
    ]);
    expect(actionsOf(phases.mobilisation.caseActions, 'notice')[0].template).toBe(
      'loan-detail-notice',
    );
    expect(actionsOf(phases.collection.caseActions, 'task')[0].deliverables).toEqual([
      'debtor',
      'collector',
      'deadline',
      'method',
    ]);
    expect(actionsOf(phases.review.tasks, 'task')[1].deliverables).toContain(
      'unmet-target-analysis',
    );
  });

  it('amnesty: contract interest only, no compound, penalty waived, after the co-op agrees', () => {
    const amnesty = byId(spec.incentives).amnesty;
    expect(amnesty.when).toEqual({ settledBefore: { date: '2026-07-05' } });
    expect(amnesty.effect).toEqual({
      waive: ['penaltyInterest', 'compoundInterest'],
      interestAt: 'contract',
    });
    expect(amnesty.approval).toEqual({ kind: 'waiver' });
  });

  it('villages with an NPL ratio ≤ 10% are credit villages', () => {
    const rating = byId(spec.ratings)['credit-village'];
    expect(rating.groupType).toBe('village');
    expect(rating.criteria).toEqual([{ metric: 'nplRatio', args: {}, max: '0.1' }]);
  });

  it('sanctions for officials and beneficiaries, each listed; public list only after approval', () => {
    const flags = byId(spec.flags);
    expect(flags['official-sanction']).toMatchObject({
      kind: 'sanction',
      effects: ['no-promotion', 'no-transfer', 'no-awards', 'suspend-post'],
      report: 'official-sanctions',
    });
    expect(flags['eligibility-suspended']).toMatchObject({
      effects: ['eligibility-suspended'],
      report: 'eligibility-suspensions',
    });
    const publications = byId(byId(spec.drives)['npl-drive'].publications);
    expect(publications['progress-internal']).toMatchObject({ audience: 'internal' });
    expect(publications.defaulters).toMatchObject({
      report: 'bad-faith-defaulters',
      audience: 'public',
      approval: { kind: 'publish-list' },
    });
    expect(byId(spec.reports)['drive-progress'].per).toEqual(['tenant', 'village', 'collector']);
    expect(byId(spec.stages).refusing.when.all[0]).toEqual({
      drivePhase: { drive: 'npl-drive', phase: ['collection', 'review'] },
    });
  });
});

describe('microloan-overdue (篇六)', () => {
  const pack = install('microloan-overdue');
  const spec = pack.spec as unknown as Json;

  it('the ladder: day 0 visit, days 1–3 calls, day 4 visit and guarantor, day 7 notice, legal', () => {
    expect(spec.stages.map((s: Json) => [s.id, s.when])).toEqual([
      ['first-visit', { dpd: { min: 0, max: 0 } }],
      ['daily-calls', { dpd: { min: 1, max: 3 } }],
      ['guarantor', { dpd: { min: 4, max: 6 } }],
      ['demand-letter', { dpd: { min: 7 } }],
      ['legal', { any: [{ dpd: { min: 90 } }, { brokenPromises: { min: 2 } }] }],
    ]);
    const stages = byId(spec.stages);
    expect(actionsOf(stages['first-visit'].do, 'task')[0]).toMatchObject({
      kind: 'visit',
      due: '0 days',
      checklist: expect.arrayContaining([
        'check-business',
        'explain-credit-report',
        'explain-interest-free-loss',
        'obtain-repayment-date',
      ]),
    });
    expect(actionsOf(stages['daily-calls'].do, 'task')[0]).toMatchObject({
      kind: 'call',
      every: '1 day',
    });
    expect(actionsOf(stages.guarantor.do, 'contactGuarantor')).toEqual([{ ask: 'inform' }]);
    expect(actionsOf(stages['demand-letter'].do, 'notice')[0].template).toBe('overdue-demand');
    expect(actionsOf(stages['demand-letter'].do, 'task')[0]).toMatchObject({
      every: '1 day',
      until: 'paid',
    });
    expect(actionsOf(stages['demand-letter'].do, 'contactGuarantor')).toEqual([{ ask: 'pay' }]);
    expect(actionsOf(stages.legal.do, 'approval')).toEqual([{ kind: 'legal-referral' }]);
    expect(actionsOf(stages.legal.do, 'blacklistOnSettlement')).toHaveLength(1);
    expect(byId(spec.flags).blacklist).toMatchObject({
      kind: 'blacklist',
      effects: ['no-new-loans'],
    });
  });

  it('the six overdue causes, required when a case is worked', () => {
    expect(spec.reasonCodes.requiredWhenWorked).toBe(true);
    expect(spec.reasonCodes.codes.map((c: Json) => c.code)).toEqual([
      'business-cash-flow',
      'market-change',
      'family-change',
      'short-deposit',
      'wrong-card',
      'bad-faith',
    ]);
  });
});

describe('card-collection-agency (篇八)', () => {
  const pack = install('card-collection-agency');
  const spec = pack.spec as unknown as Json;

  it('SLAs: entry and first call 2 working hours, assignment 1 working day, visit 2 working days', () => {
    const rules = byId(spec.rules);
    const task = (id: string) => actionsOf(rules[id].do, 'task')[0];
    expect([rules['enter-batch'].on, task('enter-batch').sla]).toEqual([
      'batchReceived',
      '2 working hours',
    ]);
    expect([rules.assign.on, task('assign').sla, task('assign').role]).toEqual([
      'caseImported',
      '1 working day',
      'supervisor',
    ]);
    expect([rules['first-call'].on, task('first-call').sla]).toEqual([
      'caseAssigned',
      '2 working hours',
    ]);
    expect(task('field-visit')).toMatchObject({
      sla: '2 working days',
      deliverables: ['visit-plan', 'recording', 'visit-report'],
      extension: { kind: 'extension' },
    });
    expect(byId(spec.approvals, 'kind').extension).toMatchObject({
      by: 'supervisor',
      fields: ['reason', 'next-plan'],
    });
    expect(task('handover').role).toBe('team-lead');
  });

  it('contacts: debtor and guarantor only, notes and recordings; reconciliation; 5-year retention', () => {
    expect(spec.contactRules).toMatchObject({
      allowedParties: ['debtor', 'guarantor'],
      requireNotes: true,
      requireRecording: ['call', 'visit'],
    });
    const reports = byId(spec.reports);
    expect(reports['bank-reconciliation']).toMatchObject({
      reconcileWith: 'bank-repayments',
      columns: ['accountRef', 'debtorName', 'agencyAmount', 'clientAmount', 'difference'],
    });
    expect(reports.monthly.per).toEqual(['collector', 'branch']);
    expect(reports.performance.recipients).toEqual(['finance']);
    expect(spec.retention[0]).toMatchObject({
      years: 5,
      from: 'agreementEnded',
      then: 'purge',
      legalHold: true,
    });
    expect(byId(spec.importMappings)['bank-cases']).toMatchObject({
      target: 'cases',
      batches: 'versioned',
    });
  });
});

describe('housing-fund (篇九)', () => {
  const pack = install('housing-fund');
  const spec = pack.spec as unknown as Json;

  it('targets: recovered ≥ 91% of the annual plan, overdue rate ≤ 1.5‰, loan-to-deposit in [82%, 95%]', () => {
    expect(spec.targets.map((t: Json) => [t.id, t.metric, t.min ?? null, t.max ?? null])).toEqual([
      ['recovered-vs-plan', 'recoveredVsPlan', '0.91', null],
      ['overdue-rate', 'overdueRate', null, '0.0015'],
      ['loan-to-deposit', 'loanToDepositRatio', '0.82', '0.95'],
    ]);
    expect(byId(spec.targets)['recovered-vs-plan'].args).toEqual({
      plan: '22990000.00',
      period: 'year',
    });
  });

  it('weekly clean-up; employers that stop get demands and are listed; resumption tracked', () => {
    expect(byId(spec.routines)['weekly-cleanup'].schedule).toMatchObject({
      every: 'week',
      on: 'monday',
    });
    const arrears = byId(spec.stages)['contribution-arrears'];
    expect(arrears.when).toEqual({
      accountType: { in: ['employer-contribution'] },
      dpd: { min: 1 },
    });
    expect(actionsOf(arrears.do, 'notice')[0].template).toBe('contribution-demand');
    expect(byId(spec.flags)['contribution-stopped'].report).toBe('stopped-employers');
    expect(byId(spec.reports)['stopped-employers'].columns).toEqual(
      expect.arrayContaining(['debtorName', 'contributionArrears', 'monthsStopped']),
    );
    expect(actionsOf(byId(spec.rules)['contributions-resumed'].do, 'setFlag')).toEqual([
      { flag: 'contribution-resumed' },
    ]);
  });
});

describe('every template renders through the notices engine with amounts in figures and capitals', () => {
  const engine = new NoticeTemplateEngine(loadSharedTemplates(join(ROOT, 'templates')));
  const TENANT = { name: '鑫诚融资租赁有限公司', timeZone: 'Asia/Shanghai', today: '2026-03-05' };

  /** The fields SUPPLIED_TEMPLATE_FIELDS names, as the engine would fill them. */
  function sample(pack: ResolvedPack): Record<string, unknown> {
    return {
      debtor: {
        name: '孙桂英',
        kind: 'person',
        salutation: '孙桂英女士',
        idNumberMasked: '110105********465X',
        address: '上海市徐汇区漕溪北路',
        phoneMasked: '189****5986',
      },
      recipient: {
        name: '赵杰',
        salutation: '赵杰先生',
        isDebtor: false,
        role: '共同借款人',
        address: '上海市徐汇区漕溪北路',
      },
      guarantor: { name: '刘丽' },
      account: {
        ref: 'ZL-2025-0003',
        type: 'receivable',
        startDate: '2024-03-15',
        principal: '849214.56',
        outstandingPrincipal: '100000.00',
        overdueAmount: '100775.00',
        overdueAmountUpper: '壹拾万零柒佰柒拾伍元整',
        overduePrincipal: '100000.00',
        overdueInterest: '3889.70',
        penaltyInterest: '775.00',
        compoundInterest: '120.35',
        totalDue: '186500.00',
        totalDueUpper: '壹拾捌万陆仟伍佰元整',
        dpd: 63,
        firstUnpaidDueDate: '2026-01-01',
        dpdSince: '2026-01-01',
        overdueInstallments: 2,
        nextDueDate: '2026-12-20',
        nextDueAmount: '6261.00',
      },
      case: { ref: '6F1C2F0E', stage: '逾期催收', collector: '张磊' },
      // The debtor's page (issue 16 §3): a demand letter to the debtor prints its QR.
      selfService: {
        url: `https://qingshou.example.com/d/${'A'.repeat(43)}`,
        expiresOn: '2026-04-04',
        idDigits: 6,
        preview: false,
      },
      incentive: {
        name: '主动还款减免罚息',
        deadline: '2026-07-05',
        waivedAmount: '1062.76',
        waivedAmountUpper: '壹仟零陆拾贰元柒角陆分',
      },
      drive: { name: '集中清收不良贷款', phase: '宣传动员阶段' },
      statement: {
        balance: '186500.00',
        balanceUpper: '壹拾捌万陆仟伍佰元整',
        lines: [
          {
            contractNo: 'ZL-01',
            dueDate: '2026-01-15',
            amountDue: '120000.00',
            amountPaid: '20000.00',
            outstanding: '100000.00',
          },
          {
            contractNo: 'ZL-02',
            dueDate: '2026-02-15',
            amountDue: '86500.00',
            amountPaid: '0.00',
            outstanding: '86500.00',
          },
        ],
      },
      replySlip: { returnBy: '2026-03-20' },
      // 分期还款协议书 (plan-agreement): 1,200.00 down and 12 × 1,000.00 on 13,200.00.
      plan: {
        accounts: [{ ref: 'ZL-2025-0003' }],
        arrears: '13200.00',
        penalty: '660.00',
        waiver: '660.00',
        hasPenalty: true,
        hasWaiver: true,
        total: '13200.00',
        downPayment: '1200.00',
        count: 12,
        graceDays: 5,
        instalments: [
          { label: '首付', dueOn: '2026-03-05', amount: '1200.00' },
          ...Array.from({ length: 12 }, (_, k) => ({
            label: `第${k + 1}期`,
            dueOn: `${k < 10 ? 2026 : 2027}-${String(((k + 3) % 12) + 1).padStart(2, '0')}-05`,
            amount: '1000.00',
          })),
        ],
      },
      params: { ...pack.params },
    };
  }

  /** Every pack's 分期还款协议书: the total and each instalment in figures and capitals. */
  const PLAN_AMOUNTS: [string, string][] = [
    ['13,200.00', '壹万叁仟贰佰元整'],
    ['1,200.00', '壹仟贰佰元整'],
    ['1,000.00', '壹仟元整'],
  ];

  /** template → [the amount's field, its figures, its capitals] the letter must print. */
  const AMOUNTS: Record<string, [string, string][]> = {
    'leasing-dealer-arrears/statement': [['186,500.00', '壹拾捌万陆仟伍佰元整']],
    'leasing-dealer-arrears/demand-letter': [['100,775.00', '壹拾万零柒佰柒拾伍元整']],
    'leasing-dealer-arrears/final-notice': [['186,500.00', '壹拾捌万陆仟伍佰元整']],
    'leasing-dealer-arrears/lawyer-letter': [['186,500.00', '壹拾捌万陆仟伍佰元整']],
    'leasing-dealer-arrears/visit-receipt': [['100,775.00', '壹拾万零柒佰柒拾伍元整']],
    'student-loan/collection-notice': [
      ['100,775.00', '壹拾万零柒佰柒拾伍元整'],
      ['3,889.70', '叁仟捌佰捌拾玖元柒角'],
    ],
    'student-loan/maturity-reminder': [['6,261.00', '陆仟贰佰陆拾壹元整']],
    'student-loan/maturity-sms': [['6,261.00', '陆仟贰佰陆拾壹元整']],
    'credit-coop-npl-drive/loan-detail-notice': [
      ['186,500.00', '壹拾捌万陆仟伍佰元整'],
      ['120.35', '壹佰贰拾元叁角伍分'],
      ['1,062.76', '壹仟零陆拾贰元柒角陆分'],
    ],
    'credit-coop-npl-drive/legal-warning': [['186,500.00', '壹拾捌万陆仟伍佰元整']],
    'microloan-overdue/overdue-demand': [
      ['775.00', '柒佰柒拾伍元整'],
      ['186,500.00', '壹拾捌万陆仟伍佰元整'],
    ],
    'microloan-overdue/guarantor-demand': [['186,500.00', '壹拾捌万陆仟伍佰元整']],
    'card-collection-agency/collection-letter': [['186,500.00', '壹拾捌万陆仟伍佰元整']],
    'housing-fund/loan-overdue': [
      ['100,775.00', '壹拾万零柒佰柒拾伍元整'],
      ['775.00', '柒佰柒拾伍元整'],
    ],
    'housing-fund/contribution-demand': [['100,775.00', '壹拾万零柒佰柒拾伍元整']],
    'leasing-dealer-arrears/plan-agreement': PLAN_AMOUNTS,
    'student-loan/plan-agreement': PLAN_AMOUNTS,
    'credit-coop-npl-drive/plan-agreement': PLAN_AMOUNTS,
    'microloan-overdue/plan-agreement': PLAN_AMOUNTS,
    'card-collection-agency/plan-agreement': PLAN_AMOUNTS,
    'housing-fund/plan-agreement': PLAN_AMOUNTS,
  };

  const templates = PACKS.flatMap((id) =>
    Object.keys(install(id).templates).map((name) => [`${id}/${name}`, id, name] as const),
  );

  it('lists every template of the six packs', () => {
    expect(templates.map(([key]) => key).sort()).toEqual(Object.keys(AMOUNTS).sort());
  });

  function render(id: PackId, name: string, params: Record<string, unknown> = {}) {
    const pack = install(id, params);
    const template = engine.compile(`${id}/${name}`, templateFile(id, name));
    expect(template.frontMatter.title).toBe(pack.templates[name].title);
    const notice = (pack.spec.notices as unknown as Json[]).find((n) => n.template === name);
    const rule = notice?.delivery
      ? {
          periodDays: notice.delivery.periodDays as number,
          fallbackOffsetDays: notice.delivery.fallbackOffsetDays as number,
        }
      : null;
    const data = composeNoticeData(sample(pack), TENANT, {
      id: null,
      title: template.frontMatter.title,
      rule,
    });
    return engine.render(template, data);
  }

  it.each(templates)('%s renders, in letter form, with figures and capitals', (key, id, name) => {
    const { html, title } = render(id, name);
    expect(title).toMatch(/[\u4e00-\u9fa5]/);
    for (const [figures, capitals] of AMOUNTS[key]) {
      expect(html).toContain(figures);
      expect(html).toContain(capitals);
    }
    expect(html).toContain(TENANT.name); // 落款 (letters) or the SMS signature
    expect(html).toContain('2026年3月5日'); // date of issue
    expect(html).not.toMatch(/\{\{|\}\}|undefined|\[object Object\]/);
    // QS_DUMP_NOTICES=<dir> writes each rendered letter out, for reading them in a browser.
    const dump = process.env.QS_DUMP_NOTICES;
    if (dump) {
      mkdirSync(dump, { recursive: true });
      writeFileSync(join(dump, `${key.replace('/', '--')}.html`), html);
    }
  });

  it.each([
    ['card-collection-agency', 'collection-letter'],
    ['credit-coop-npl-drive', 'loan-detail-notice'],
    ['housing-fund', 'contribution-demand'],
    ['housing-fund', 'loan-overdue'],
    ['leasing-dealer-arrears', 'demand-letter'],
    ['microloan-overdue', 'overdue-demand'],
    ['student-loan', 'collection-notice'],
  ] as [PackId, string][])(
    'issue 16 §3: %s/%s prints the debtor page QR, its link under it and how to enter',
    (id, name) => {
      const { html } = render(id, name);
      expect(html).toContain('<img src="data:image/svg+xml;base64,');
      expect(html).toContain(`https://qingshou.example.com/d/${'A'.repeat(43)}</figcaption>`);
      expect(html).toContain('扫码查看欠款、在线承诺还款或申请分期');
      expect(html).toContain('后6位和发送至预留手机的短信验证码进入，2026年4月4日前有效');
    },
  );

  it('篇一: the statement goes out with a reply slip to sign and return by a date', () => {
    const { html } = render('leasing-dealer-arrears', 'statement');
    expect(html).toContain('<h2 style="text-align: center; letter-spacing: 0.5em;">回执</h2>');
    expect(html).toContain(
      '于2026年3月20日前在下方回执上签字或盖章后邮寄或传真回我司，给予书面回复',
    );
    expect(html).toContain('<td>ZL-02</td><td>2026年2月15日</td><td class="num">86,500.00</td>');
    expect(html).toContain('收到贵方《对账单》');
  });

  it('篇五: the final notice states 10 days from signed receipt, +3 days when refused or undeliverable', () => {
    const { html } = render('leasing-dealer-arrears', 'final-notice');
    expect(html).toContain(
      '请贵方于自签收之日起10日内；拒绝签收或无法送达的，自发出之日起顺延3日开始计算',
    );
    expect(html).toContain('10天期限将以贵方签收信函当天开始计算');
    expect(html).toContain('我方将以发出信函日期顺延3天开始计算期限');
    expect(html).toContain('我方将以挂号信函发出本通知单，并以电话方式通知贵方接收');
  });

  it('篇六: the overdue notice states the credit report, the lost interest-free benefit and growing penalty', () => {
    const { html } = render('microloan-overdue', 'overdue-demand');
    expect(html).toContain('逾期后征信系统已产生逾期记录');
    expect(html).toContain('您原来按期正常还款所享受的免息优惠不再执行');
    expect(html).toContain('逾期时间越长，责任越大，罚息越多');
    expect(html).toContain('本函所涉款项由刘丽提供担保');
    const without = render('microloan-overdue', 'overdue-demand', { interestFreeBenefit: false });
    expect(without.html).not.toContain('免息优惠');
    expect(without.html).toContain('二、逾期时间越长，责任越大，罚息越多');
  });

  it('第二篇: the loan detail notice prints the amnesty and the sanctions', () => {
    const { html } = render('credit-coop-npl-drive', 'loan-detail-notice');
    expect(html).toContain('在2026年7月5日前（含当日）主动归还全部欠款的');
    expect(html).toContain('按现行合同利率收取利息，不计复利，减免罚息');
    expect(html).toContain('不予提拔、不得调动、不能参与评先评优');
  });

  it('篇二: the collection notice goes to the parent as co-borrower with the pay-by period', () => {
    const { html } = render('student-loan', 'collection-notice');
    expect(html).toContain('<p>赵杰先生（共同借款人）：</p>');
    expect(html).toContain('借款学生孙桂英办理的生源地信用助学贷款');
    expect(html).toContain('请您于收到本通知之日起15日内');
    expect(html).toContain('区学生资助管理中心');
  });

  it('an SMS has no letter layout; letters carry the letterhead', () => {
    expect(render('student-loan', 'maturity-sms').html.startsWith('【鑫诚融资租赁有限公司】')).toBe(
      true,
    );
    expect(render('housing-fund', 'contribution-demand').html).toContain(
      '<div class="letterhead-name">鑫诚融资租赁有限公司</div>',
    );
  });
});

/**
 * The file as the notices lib reads it (PackDirectoryTemplateSource): the same front matter
 * must satisfy the pack loader and the notices engine.
 */
function templateFile(id: PackId, name: string): string {
  return readFileSync(join(ROOT, 'policies', id, 'templates', `${name}.hbs`), 'utf8');
}

describe('each pack maps its sample import file(s) in test/fixtures', () => {
  const FIXTURES: [PackId, string, string][] = [
    ['leasing-dealer-arrears', 'receivables', 'leasing-dealer-receivables.csv'],
    ['student-loan', 'student-loans', 'student-loans.csv'],
    ['credit-coop-npl-drive', 'npl-loans', 'coop-npl-loans.csv'],
    ['card-collection-agency', 'bank-cases', 'card-agency-cases.gbk.csv'],
    ['card-collection-agency', 'bank-repayments', 'card-bank-repayments.gbk.csv'],
    ['housing-fund', 'housing-fund-loans', 'housing-fund-loans.csv'],
    ['housing-fund', 'employer-contributions', 'housing-fund-employer-contributions.csv'],
  ];

  it.each(FIXTURES)('%s mapping %s reads every column and row of %s', async (id, mapping, file) => {
    const spec = install(id).spec as unknown as Json;
    const columns = byId(spec.importMappings)[mapping].columns as ColumnMapping;
    const reader = readTabular({ path: join(ROOT, 'test', 'fixtures', file) });
    const rows: MappedRow[] = [];
    for await (const row of mapRows(reader, columns)) rows.push(row);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => !r.ok)).toEqual([]);
    const known = new Set(columns.flatMap((c) => c.headers.map(headerMatchKey)));
    const unmapped = (reader.headers ?? []).filter((h) => !known.has(headerMatchKey(h)));
    expect(unmapped).toEqual([]);
  });

  it('microloan-overdue (no sample file) maps the usual ledger headers to the canonical fields', () => {
    const spec = install('microloan-overdue').spec as unknown as Json;
    const columns = byId(spec.importMappings).microloans.columns as Json[];
    expect(columns.filter((c) => c.required).map((c) => c.field)).toEqual([
      'externalRef',
      'debtorName',
      'idNumber',
      'principal',
      'annualRate',
      'startDate',
    ]);
  });
});
