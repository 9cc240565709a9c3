import { dec } from '@qingshou/ledger';
import type { DebtorPageView } from './get-debtor-page/get-debtor-page.query';

const DISPUTE_KIND_NAMES: Record<string, string> = {
  'amount-wrong': '金额有误',
  identity: '非本人（身份有误）',
  'already-paid': '已经还款',
  'not-my-debt': '不是我的欠款',
};
const PLAN_STATUS: Record<string, string> = { proposed: '待本机构确认', active: '履行中' };
const INSTALMENT_STATUS: Record<string, string> = {
  pending: '待还',
  kept: '已还',
  missed: '逾期',
};
export const DONE_TEXT: Record<string, string> = {
  promise: '您的还款承诺已提交，经办人已收到。',
  'plan-agreed': '您的分期还款计划已生效，请按计划按时还款。',
  'plan-pending': '您的分期申请已提交，本机构审核后将与您联系。',
  dispute: '您的异议已提交，本机构核实后将与您联系。',
  callback: '预约已提交，经办人将在您选择的时间回电。',
};

/** 1234567.8 → 1,234,567.80: the string is already to the fen; only grouping is added. */
export function yuan(amount: string): string {
  const [whole, fen = '00'] = amount.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '');
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fen.padEnd(2, '0')}`;
}

/** 2026-03-05 → 2026年3月5日. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** The page's model: Chinese labels, grouped amounts, and every name the strict view reads. */
export function pageModel(
  view: DebtorPageView,
  extra: {
    base: string;
    formToken: string;
    today: string;
    done: string | null;
    open: string | null;
    errors: Record<string, string>;
    values: Record<string, string>;
  },
): Record<string, unknown> {
  const rows: [string, keyof DebtorPageView['totals']][] = [
    ['本金', 'principal'],
    ['利息', 'interest'],
    ['罚息', 'penalty'],
    ['费用', 'fees'],
  ];
  if (view.totals.dueToday !== '0.00') rows.push(['今日到期', 'dueToday']);
  rows.push(['合计', 'total']);
  const several = view.accounts.length > 1;
  const lines = rows.map(([name, key]) => ({
    name,
    total: key === 'total',
    values: [
      ...view.accounts.map((a) => yuan(a[key])),
      ...(several ? [yuan(view.totals[key])] : []),
    ],
  }));
  const r = view.rules;
  const field = (name: string) => extra.errors[name] ?? null;
  return {
    base: extra.base,
    formToken: extra.formToken,
    today: extra.today,
    asOf: chineseDate(view.asOf),
    done: extra.done ? (DONE_TEXT[extra.done] ?? null) : null,
    accounts: view.accounts,
    several,
    lines,
    notices: view.notices.map((n) => ({ sentOn: chineseDate(n.sentOn), title: n.title })),
    plan: view.plan && {
      status: PLAN_STATUS[view.plan.status] ?? '处理中',
      total: yuan(view.plan.total),
      instalments: view.plan.instalments.map((i) => ({
        seq: i.seq === 0 ? '首付' : `第${i.seq}期`,
        dueOn: chineseDate(i.dueOn),
        amount: yuan(i.amount),
        status: INSTALMENT_STATUS[i.status] ?? '待还',
      })),
    },
    can: Object.fromEntries(
      ['promise', 'plan', 'dispute', 'callback'].map((a) => [a, view.actions.includes(a)]),
    ),
    open: Object.fromEntries(
      ['promise', 'plan', 'dispute', 'callback'].map((a) => [a, extra.open === a]),
    ),
    planRules:
      `最多 ${r.maxInstalments} 期，首付不低于欠款合计的 ${dec(r.minDownPaymentShare).times(100).toFixed(0)}%，` +
      `每期不少于 ${yuan(r.minInstalment)} 元` +
      (r.autoAgreePlansUpTo
        ? `；合计不超过 ${yuan(r.autoAgreePlansUpTo)} 元的方案提交即生效，超过的由本机构审核。`
        : '；方案由本机构审核后生效。'),
    disputeKinds: r.disputeKinds.map((code) => ({ code, name: DISPUTE_KIND_NAMES[code] ?? code })),
    hours: `${r.contactHours.start}–${r.contactHours.end}`,
    errors: {
      action: field('action'),
      amount: field('amount'),
      dueOn: field('dueOn'),
      downPayment: field('downPayment'),
      count: field('count'),
      firstDueOn: field('firstDueOn'),
      accountId: field('accountId'),
      kind: field('kind'),
      note: field('note'),
      date: field('date'),
      time: field('time'),
    },
    values: {
      amount: extra.values.amount ?? '',
      dueOn: extra.values.dueOn ?? '',
      downPayment: extra.values.downPayment ?? '',
      count: extra.values.count ?? '',
      firstDueOn: extra.values.firstDueOn ?? '',
      note: extra.values.note ?? '',
      date: extra.values.date ?? '',
      time: extra.values.time ?? '',
    },
  };
}
