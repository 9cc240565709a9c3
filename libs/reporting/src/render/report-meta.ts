import { localDateOf, localTimeOf } from '@qingshou/calendar';
import { type Bilingual, type Lang, type ReportDocument, text } from '../document/report-document';

const LABELS: Record<string, Bilingual> = {
  tenant: { zh: '单位', en: 'Tenant' },
  asOf: { zh: '统计日期', en: 'As of' },
  period: { zh: '报告期间', en: 'Period' },
  pack: { zh: '政策包', en: 'Policy pack' },
  generatedAt: { zh: '生成时间', en: 'Generated at' },
  version: { zh: '版本', en: 'version' },
  notes: { zh: '说明', en: 'Notes' },
};

/** The lines above every report: who, as of when, for which period, under which pack. */
export function metaLines(doc: ReportDocument, lang: Lang): [string, string][] {
  const l = (key: string) => text(LABELS[key], lang);
  return [
    [l('tenant'), doc.tenantName],
    [l('asOf'), doc.asOf],
    [l('period'), `${doc.period.start} ~ ${doc.period.end}`],
    [l('pack'), packInWords(doc, lang)],
    [l('generatedAt'), localGeneratedAt(doc)],
  ];
}

/** The line atop every printed page: 单位 · 报告名 · 报告期间 · 生成时间. */
export function pageHeaderLine(doc: ReportDocument, lang: Lang): string {
  const l = (key: string) => text(LABELS[key], lang);
  return [
    doc.tenantName,
    text(doc.names, lang),
    `${l('period')} ${doc.period.start} ~ ${doc.period.end}`,
    `${l('generatedAt')} ${localGeneratedAt(doc)}`,
  ].join('  ·  ');
}

/** 生源地信用助学贷款催收 · 版本 1.0.0; a document stored before names were kept: id@version. */
function packInWords(doc: ReportDocument, lang: Lang): string {
  const { id, version, names } = doc.pack;
  if (!names) return `${id}@${version}`;
  return `${text(names, lang)} · ${text(LABELS.version, lang)} ${version}`;
}

/** 2026-03-11 10:00 in the tenant's zone; a document without its zone keeps the instant. */
export function localGeneratedAt(doc: Pick<ReportDocument, 'generatedAt' | 'timeZone'>): string {
  if (!doc.timeZone) return doc.generatedAt;
  const at = new Date(doc.generatedAt);
  return `${localDateOf(at, doc.timeZone)} ${localTimeOf(at, doc.timeZone)}`;
}

export const notesLabel = (lang: Lang) => text(LABELS.notes, lang);

/** A download name users recognise: 报告名_期间截止日.xlsx (only characters safe on every OS). */
export function reportFileName(doc: ReportDocument, format: string, lang: Lang = 'zh'): string {
  // eslint-disable-next-line no-control-regex
  const base = text(doc.names, lang).replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_');
  return `${base}_${doc.asOf}.${format}`;
}
