import {
  cellText,
  dateText,
  excelSerialToDate,
  isDateFormat,
  isPercentFormat,
} from './xlsx-cell.util';

describe('cellText', () => {
  it('renders every cell kind as plain text', () => {
    expect(cellText(null, undefined)).toBe('');
    expect(cellText(8707.42, 'General')).toBe('8707.42');
    expect(cellText(0.1 + 0.2, undefined)).toBe('0.3');
    expect(cellText(0.0435, '0.00%')).toBe('4.35%');
    expect(cellText(true, undefined)).toBe('TRUE');
    expect(cellText(new Date(Date.UTC(2026, 2, 1)), 'yyyy-mm-dd')).toBe('2026-03-01');
    expect(cellText({ richText: [{ text: '前营' }, { text: '村' }] }, undefined)).toBe('前营村');
    expect(cellText({ text: '查看', hyperlink: 'https://example.com' }, undefined)).toBe('查看');
    expect(cellText({ error: '#N/A' }, undefined)).toBe('#N/A');
  });

  it('gives formulas their cached result, dated when the cell is date-formatted', () => {
    expect(cellText({ formula: 'B2*2', result: 17414.84 }, '#,##0.00')).toBe('17414.84');
    expect(cellText({ formula: 'C2+1', result: 46082 }, 'yyyy"年"m"月"d"日"')).toBe('2026-03-01');
    expect(cellText({ formula: 'A1&""', result: '文本' }, undefined)).toBe('文本');
    expect(cellText({ formula: 'NOW()' }, undefined)).toBe('');
    expect(cellText({ formula: '1/0', result: NaN }, undefined)).toBe('#ERROR');
  });
});

describe('dates', () => {
  it('keeps a time of day and writes bare times for serials below 1', () => {
    expect(dateText(new Date(Date.UTC(2026, 2, 1, 9, 5, 7)))).toBe('2026-03-01 09:05:07');
    expect(dateText(excelSerialToDate(0.5))).toBe('12:00:00');
    expect(dateText(excelSerialToDate(46082.99999999))).toBe('2026-03-02');
  });

  it('recognises date and percent formats', () => {
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('mm-dd-yy')).toBe(true);
    expect(isDateFormat('[$-804]General')).toBe(false);
    expect(isDateFormat('#,##0.00"元"')).toBe(false);
    expect(isPercentFormat('0.00%')).toBe(true);
    expect(isPercentFormat('0.00"%"')).toBe(false);
  });
});
