import Handlebars from 'handlebars';
import { type Lang, type ReportDocument, text } from '../document/report-document';
import { metaLines, notesLabel } from './report-meta';
import { safeCell } from './safe-cell';

/**
 * One self-contained page, printable. Handlebars in strict mode with `{{ }}` only: every
 * value is HTML-escaped (a debtor called `<script>` stays text), no prototype access, and
 * no helper beyond the built-ins.
 */
const TEMPLATE = `<!doctype html>
<html lang="{{lang}}"><head><meta charset="utf-8"><title>{{title}}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}
table{border-collapse:collapse;margin:12px 0 24px;font-size:13px}
th,td{border:1px solid #bbb;padding:4px 8px;text-align:left}th{background:#f0f0f0}
td.n{text-align:right}dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}
</style></head><body>
<h1>{{title}}</h1>
<dl>{{#each meta}}<dt>{{this.[0]}}</dt><dd>{{this.[1]}}</dd>{{/each}}</dl>
{{#each tables}}<h2>{{title}}</h2>
<table><thead><tr>{{#each headers}}<th>{{this}}</th>{{/each}}</tr></thead>
<tbody>{{#each rows}}<tr>{{#each this}}<td{{#if n}} class="n"{{/if}}>{{v}}</td>{{/each}}</tr>
{{/each}}</tbody></table>
{{/each}}
{{#if notes.length}}<h2>{{notesTitle}}</h2><ul>{{#each notes}}<li>{{this}}</li>{{/each}}</ul>{{/if}}
</body></html>
`;

/** 27155.7 → 27,155.70: an amount as the office writes it. */
const YUAN = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const yuan = (amount: number) => YUAN.format(amount);

const render = Handlebars.create().compile(TEMPLATE, { strict: true, noEscape: false });

export function renderHtmlReport(doc: ReportDocument, lang: Lang = 'zh'): Buffer {
  const html = render(
    {
      lang: lang === 'en' ? 'en' : 'zh-CN',
      title: text(doc.names, lang),
      meta: metaLines(doc, lang),
      tables: doc.tables.map((t) => ({
        title: text(t.title, lang),
        headers: t.headers.map((h) => text(h, lang)),
        rows: t.rows.map((row) =>
          row.map((cell, i) => {
            const v = safeCell(cell, lang);
            if (typeof v === 'number' && t.money?.[i]) return { v: yuan(v), n: true };
            return { v: v ?? '', n: typeof v === 'number' };
          }),
        ),
      })),
      notes: doc.notes,
      notesTitle: notesLabel(lang),
    },
    { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false },
  );
  return Buffer.from(html, 'utf8');
}
