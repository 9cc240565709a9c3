import Handlebars from 'handlebars';
import {
  type Lang,
  type ReportDocument,
  type ReportTable,
  text,
} from '../document/report-document';
import { metaLines, notesLabel, pageHeaderLine } from './report-meta';
import { safeCell } from './safe-cell';

/**
 * One self-contained page, printable. Handlebars in strict mode with `{{ }}` only: every
 * value is HTML-escaped (a debtor called `<script>` stays text), no prototype access, and
 * no helper beyond the built-ins. The one triple-stash is the print header, which is
 * CSS-escaped code point by code point (cssString) and so holds only hex digits.
 */
const TEMPLATE = `<!doctype html>
<html lang="{{lang}}"><head><meta charset="utf-8"><title>{{title}}</title>
<style>
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;margin:24px;color:#222}
table{border-collapse:collapse;margin:12px 0 8px;font-size:13px}
th,td{border:1px solid #bbb;padding:4px 8px;text-align:left}th{background:#f0f0f0}
td.n{text-align:right;font-variant-numeric:tabular-nums}tfoot td{font-weight:bold;background:#fafafa}
p.caption{font-size:12px;color:#555;margin:0 0 24px}
dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}
@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}thead{display:table-header-group}}
{{#if print}}@page{size:A4;margin:20mm 12mm 16mm;
@top-left{content:{{{print.header}}};font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;font-size:9px;color:#555}
@bottom-center{content:{{{print.pages}}};font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;font-size:9px;color:#555}}
body{font-size:12px}table{font-size:11px;width:100%}{{/if}}
</style></head><body>
<h1>{{title}}</h1>
<dl>{{#each meta}}<dt>{{this.[0]}}</dt><dd>{{this.[1]}}</dd>{{/each}}</dl>
{{#each tables}}<h2>{{title}}</h2>
<table><thead><tr>{{#each headers}}<th>{{this}}</th>{{/each}}</tr></thead>
<tbody>{{#each rows}}<tr>{{#each this}}<td{{#if n}} class="n"{{/if}}>{{v}}</td>{{/each}}</tr>
{{/each}}</tbody>{{#if total}}<tfoot><tr>{{#each total}}<td{{#if n}} class="n"{{/if}}>{{v}}</td>{{/each}}</tr></tfoot>{{/if}}</table>
{{#if caption}}<p class="caption">{{caption}}</p>{{/if}}
{{/each}}
{{#if notes.length}}<h2>{{notesTitle}}</h2><ul>{{#each notes}}<li>{{this}}</li>{{/each}}</ul>{{/if}}
</body></html>
`;

/** 27155.7 → 27,155.70: an amount as the office writes it; a count 1234 → 1,234. */
const YUAN = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

const render = Handlebars.create().compile(TEMPLATE, { strict: true, noEscape: false });

/** A CSS string literal with every code point escaped (\\6e05 ): nothing can end it early. */
export function cssString(value: string): string {
  const escaped = [...value].map((ch) => `\\${ch.codePointAt(0)!.toString(16)} `).join('');
  return `"${escaped}"`;
}

/** A rate (85.00%) or a figure nobody could measure (—): set right like the numbers. */
const FIGURE = /^(-?[\d,.]+%|—)$/;

function cells(
  table: ReportTable,
  row: readonly ReportTable['rows'][number][number][],
  lang: Lang,
  rowIndex = -1,
) {
  return row.map((cell, i) => {
    const v = safeCell(cell, lang);
    if (typeof v !== 'number') return { v: v ?? '', n: typeof v === 'string' && FIGURE.test(v) };
    // A fraction that is not flagged as money is still an amount (a target's numerator).
    const money =
      table.money?.[i] || table.moneyCells?.[rowIndex]?.[i] === true || !Number.isInteger(v);
    return { v: money ? YUAN.format(v) : COUNT.format(v), n: true };
  });
}

/** `print`: the page rules of the PDF (A4, a running header, 第 n 页 / 共 m 页). */
export function renderHtmlReport(doc: ReportDocument, lang: Lang = 'zh', print = false): Buffer {
  const pages =
    lang === 'en'
      ? `"Page " counter(page) " of " counter(pages)`
      : `"第 " counter(page) " 页 / 共 " counter(pages) " 页"`;
  const html = render(
    {
      lang: lang === 'en' ? 'en' : 'zh-CN',
      title: text(doc.names, lang),
      meta: metaLines(doc, lang),
      print: print ? { header: cssString(pageHeaderLine(doc, lang)), pages } : false,
      tables: doc.tables.map((t) => ({
        title: text(t.title, lang),
        headers: t.headers.map((h) => text(h, lang)),
        rows: t.rows.map((row, r) => cells(t, row, lang, r)),
        total: t.total ? cells(t, t.total, lang) : false,
        caption: t.caption ? text(t.caption, lang) : false,
      })),
      notes: doc.notes,
      notesTitle: notesLabel(lang),
    },
    { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false },
  );
  return Buffer.from(html, 'utf8');
}
