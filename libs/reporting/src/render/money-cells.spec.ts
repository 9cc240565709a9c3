import ExcelJS from 'exceljs';
import type { ReportDocument } from '../document/report-document';
import { renderHtmlReport } from './html-report.renderer';
import { COUNT_FORMAT, MONEY_FORMAT, writeXlsxReport } from './xlsx-report.writer';

/** A targets table mixes yuan (回收完成率's 数值/基数) and borrowers (违约率's) in one column. */
const doc: ReportDocument = {
  reportId: 'annual',
  names: { zh: '年度考核', en: 'Annual' },
  tenantName: '某某县住房公积金管理部',
  pack: { id: 'housing-fund', version: '1.0.0' },
  asOf: '2026-12-31',
  period: { key: '2026', start: '2026-01-01', end: '2026-12-31' },
  generatedAt: '2026-12-31T01:00:00.000Z',
  timeZone: 'Asia/Shanghai',
  tables: [
    {
      key: 'targets',
      title: { zh: '目标完成情况', en: 'Targets' },
      headers: [
        { zh: '指标', en: 'Metric' },
        { zh: '数值', en: 'Figure' },
        { zh: '基数', en: 'Base' },
      ],
      rows: [
        ['回收完成率', 28200, 1000000],
        ['违约率', 28, 600],
      ],
      moneyCells: [
        [false, true, true],
        [false, false, false],
      ],
    },
  ],
  notes: [],
};

describe('a whole-yuan amount in a mixed column keeps its two decimals', () => {
  it('HTML: 28,200.00 of 1,000,000.00 yuan, 28 of 600 borrowers', () => {
    const html = renderHtmlReport(doc).toString('utf8');
    expect(html).toContain('28,200.00');
    expect(html).toContain('1,000,000.00');
    expect(html).not.toContain('28.00');
    expect(html).not.toContain('600.00');
  });

  it('XLSX: #,##0.00 on the yuan cells, #,##0 on the counts', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeXlsxReport(doc)) as never);
    const formats = new Map<number, string>();
    book.worksheets[0].eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'number') formats.set(cell.value, cell.numFmt);
      }),
    );
    expect(formats.get(28200)).toBe(MONEY_FORMAT);
    expect(formats.get(1000000)).toBe(MONEY_FORMAT);
    expect(formats.get(28)).toBe(COUNT_FORMAT);
    expect(formats.get(600)).toBe(COUNT_FORMAT);
  });
});
