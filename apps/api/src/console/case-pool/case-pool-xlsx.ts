import type { CasePoolItem } from '@qingshou/collection';
import { neutraliseCell } from '@qingshou/core';
import ExcelJS from 'exceljs';
import { formatDateTime } from '../render/helpers';
import type { PageContext } from '../render/page-context';

export interface XlsxNames {
  /** Code → words for this tenant (case status, stage, 五级分类, flags, group types). */
  readonly code: (prefix: string, value: string) => string;
  readonly timeZone: string;
}

const COLUMNS = [
  { key: 'debtor', header: 'pool.col.debtor', width: 14 },
  { key: 'refs', header: 'pool.col.refs', width: 24 },
  { key: 'status', header: 'case.status', width: 10 },
  { key: 'stage', header: 'case.stage', width: 14 },
  { key: 'dpd', header: 'case.dpd', width: 10, numFmt: '0' },
  { key: 'amount', header: 'case.amountDue', width: 14, numFmt: '#,##0.00' },
  { key: 'assignee', header: 'case.assignee', width: 12 },
  { key: 'groups', header: 'pool.col.group', width: 18 },
  { key: 'loanClass', header: 'pool.col.loanClass', width: 10 },
  { key: 'flags', header: 'pool.col.flags', width: 20 },
  { key: 'nextDue', header: 'pool.col.nextDue', width: 18 },
  { key: 'opened', header: 'case.openedOn', width: 12 },
] as const;

/**
 * 导出Excel: the list as the page shows it — Chinese headers, the header row frozen,
 * amounts as numbers with two decimals (written from the decimal string; an amount that
 * fits a spreadsheet's double exactly to the fen), card numbers masked as in the list, and
 * every text neutralised so a debtor's name can never run as a formula.
 */
export async function casePoolXlsx(
  page: PageContext,
  items: readonly CasePoolItem[],
  names: XlsxNames,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Qingshou';
  const sheet = workbook.addWorksheet(page.t('pool.sheet'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = COLUMNS.map((c) => ({
    key: c.key,
    header: page.t(c.header),
    width: c.width,
    style: 'numFmt' in c ? { numFmt: c.numFmt } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  const text = (value: string) => neutraliseCell(value);
  for (const item of items) {
    sheet.addRow({
      debtor: text(item.debtor.name),
      refs: text(item.accountRefs.join('、')),
      status: names.code('case.status', item.status),
      stage: item.stage ? names.code('stage', item.stage) : '',
      dpd: item.dpd,
      amount: Number(item.amountDue),
      assignee: text(item.assignee?.name ?? page.t('case.unassigned')),
      groups: text(item.groups.map((g) => g.name).join('、')),
      loanClass: item.loanClass ? names.code('loanClass', item.loanClass) : '',
      flags: item.flags.map((f) => names.code('flag', f)).join('、'),
      nextDue: item.nextDueAt ? formatDateTime(item.nextDueAt, names.timeZone) : '',
      opened: item.openedOn,
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
