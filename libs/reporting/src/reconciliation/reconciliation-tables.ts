import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';
import Decimal from 'decimal.js';
import { maskIdNumber } from '@qingshou/ledger';
import type { ReportData } from '../document/report-data';
import type { Bilingual, Cell, ReportTable } from '../document/report-document';
import { columnLabel } from '../document/report-labels';
import type { ReportMasking } from '../document/report-masking';
import { totalRow } from '../document/table-total';
import type { PinnedPack } from '@qingshou/outcomes';
import {
  type DifferenceKind,
  type ReconciledAccount,
  reconcileAccounts,
} from './reconciliation.sql';

export const DIFFERENCE_KINDS: Record<DifferenceKind, Bilingual> = {
  agreed: { zh: '一致', en: 'Agree' },
  'agency-only': { zh: '仅本公司记录', en: 'Recorded by us only' },
  'client-only': { zh: '仅委托方记录', en: "In the client's file only" },
  'amount-mismatch': { zh: '金额不符', en: 'Amounts differ' },
  unpaired: { zh: '有未配对还款', en: 'Unpaired repayments' },
};

const KIND_HEADER: Bilingual = { zh: '差异类型', en: 'Kind of difference' };
const ITEM_HEADER: Bilingual = { zh: '项目', en: 'Item' };
const COUNT_HEADER: Bilingual = { zh: '账户数', en: 'Accounts' };
const TOTAL: Bilingual = { zh: '合计', en: 'Total' };

/** The report's sign convention, printed with every reconciliation. */
export const SIGN_NOTE =
  '差额 = 本公司记录金额 − 委托方记录金额：正数为本公司已记录而委托方文件中没有的还款，负数为委托方收到而本公司未记录（或少记）的还款。' +
  ' Difference = our amount − the client’s amount: positive, repayments we recorded that the client’s file lacks; negative, money the client received that we did not record (or recorded less of).';

const COLUMNS = new Set([
  'accountRef',
  'debtorName',
  'debtorIdMasked',
  'collector',
  'agencyAmount',
  'clientAmount',
  'difference',
]);

const AMOUNTS = new Set(['agencyAmount', 'clientAmount', 'difference']);

function cellOf(account: ReconciledAccount, column: string, masking: ReportMasking): Cell {
  switch (column) {
    case 'accountRef':
      return masking.accountRefs(account.accountRef);
    case 'debtorName':
      return account.debtorName;
    case 'debtorIdMasked':
      return account.debtorIdNumber ? maskIdNumber(account.debtorIdNumber) : null;
    case 'collector':
      return account.collector;
    case 'agencyAmount':
      return Number(account.agencyAmount);
    case 'clientAmount':
      return Number(account.clientAmount);
    case 'difference':
      return Number(account.difference);
    default:
      return null;
  }
}

export interface ReconciliationTables {
  readonly tables: ReportTable[];
  readonly notes: string[];
}

/**
 * A `reconcileWith` report (篇八 与银行对账): the accounts whose totals differ, with the pack's
 * columns and the kind of difference, and a summary — accounts and totals per kind, and in
 * all. Amounts are summed in decimal (fen-exact) and written as numbers.
 */
export async function reconciliationTables(
  em: EntityManager,
  scope: { readonly tenantId: string; readonly pack: PinnedPack; readonly masking: ReportMasking },
  report: ReportData,
  start: LocalDate,
  end: LocalDate,
): Promise<ReconciliationTables> {
  const accounts = await reconcileAccounts(em, {
    tenantId: scope.tenantId,
    start,
    end,
    accountTypes: scope.pack.spec.accountTypes,
  });
  const columns = report.columns.length
    ? report.columns
    : ['accountRef', 'debtorName', 'agencyAmount', 'clientAmount', 'difference'];
  const notes = columns
    .filter((c) => !COLUMNS.has(c))
    .map((c) => `${c}: not a reconciliation column`);
  const differing = accounts.filter((a) => a.kind !== 'agreed');
  let list: ReportTable = {
    key: 'differences',
    title: { zh: '对账差异明细', en: 'Differences' },
    headers: [...columns.map(columnLabel), KIND_HEADER],
    rows: differing.map((a) => [
      ...columns.map((c) => cellOf(a, c, scope.masking)),
      DIFFERENCE_KINDS[a.kind],
    ]),
    money: [...columns.map((c) => AMOUNTS.has(c)), false],
  };
  list = { ...list, total: totalRow(list.rows, list.money ?? []) };
  return { tables: [list, summaryTable(accounts)], notes: [SIGN_NOTE, ...notes] };
}

/** Accounts and totals per kind of difference, and in all; sums in decimal (fen-exact). */
export function summaryTable(accounts: readonly ReconciledAccount[]): ReportTable {
  const zero = () => ({ n: 0, agency: new Decimal(0), client: new Decimal(0) });
  const byKind = new Map<DifferenceKind, ReturnType<typeof zero>>();
  const total = zero();
  for (const a of accounts) {
    const sums = byKind.get(a.kind) ?? zero();
    for (const s of [sums, total]) {
      s.n += 1;
      s.agency = s.agency.plus(a.agencyAmount);
      s.client = s.client.plus(a.clientAmount);
    }
    byKind.set(a.kind, sums);
  }
  const row = (label: Bilingual, s: ReturnType<typeof zero>): Cell[] => [
    label,
    s.n,
    s.agency.toNumber(),
    s.client.toNumber(),
    s.agency.minus(s.client).toNumber(),
  ];
  const kinds = Object.keys(DIFFERENCE_KINDS) as DifferenceKind[];
  return {
    key: 'summary',
    title: { zh: '对账汇总', en: 'Summary' },
    headers: [
      ITEM_HEADER,
      COUNT_HEADER,
      columnLabel('agencyAmount'),
      columnLabel('clientAmount'),
      columnLabel('difference'),
    ],
    rows: [
      ...kinds.map((k) => row(DIFFERENCE_KINDS[k], byKind.get(k) ?? zero())),
      row(TOTAL, total),
    ],
    money: [false, false, true, true, true],
  };
}
