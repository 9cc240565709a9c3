import type { HelperOptions } from 'handlebars';
import Handlebars from 'handlebars';
import type { FormState } from '../forms/form-state';
import type { Lang } from '../http/session';
import type { PackVocabulary } from '@qingshou/policy';
import { hasMessage, translate, translateCode } from '../i18n/i18n';
import { ruleText } from './rule-text';

type HB = typeof Handlebars;

/** What every template's root carries for the helpers (set by ConsoleViews). */
export interface HelperRoot {
  readonly lang: Lang;
  readonly timeZone: string;
  readonly csrf: string;
  /** The tenant's pack names (absent on the login page). */
  readonly vocab?: PackVocabulary | null;
}

const root = (options: HelperOptions): HelperRoot => options.data.root as HelperRoot;
const esc = (value: unknown): string => Handlebars.escapeExpression(String(value ?? ''));
const hashText = (options: HelperOptions, name: string): string | undefined => {
  const value = (options.hash as Record<string, unknown>)[name];
  return value === undefined || value === null || value === false ? undefined : String(value);
};

/** ¥1,234.56 from a decimal string; never through a float. */
export function formatMoney(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(value));
  if (!match) return String(value);
  const whole = match[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${match[1]}¥${whole}.${(match[3] ?? '').padEnd(2, '0')}`;
}

/**
 * One formatter a zone: building an Intl.DateTimeFormat costs about as much as a page's
 * other rendering, and a worklist formats every row's times (issue 15 §1: ~16 ms a page).
 */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormatFor(timeZone: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(timeZone, format);
  }
  return format;
}

/** 2026-03-11 14:05 in the tenant's zone (ISO-like: the same for zh and en readers). */
export function formatDateTime(value: unknown, timeZone: string): string {
  if (!value) return '—';
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) return String(value);
  const parts = dateTimeFormatFor(timeZone).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** An accessible field: label, input, hint and errors linked by aria-describedby. */
function fieldHtml(form: FormState, name: string, options: HelperOptions, control: string): string {
  const id = `${form.id}-${name}`;
  const errors = form.errors[name] ?? [];
  const lang = root(options).lang;
  const label = translate(lang, hashText(options, 'label') ?? name);
  const hintKey = hashText(options, 'hint');
  const described: string[] = [];
  let after = '';
  if (hintKey) {
    described.push(`${id}-hint`);
    after += `<p class="hint" id="${esc(id)}-hint">${esc(translate(lang, hintKey))}</p>`;
  }
  if (errors.length) {
    described.push(`${id}-error`);
    after +=
      `<p class="field-error" id="${esc(id)}-error">` +
      errors.map((reason) => esc(translate(lang, 'form.invalid', { reason }))).join('<br>') +
      '</p>';
  }
  const required = hashText(options, 'required') ? ' required aria-required="true"' : '';
  const aria =
    (described.length ? ` aria-describedby="${esc(described.join(' '))}"` : '') +
    (errors.length ? ' aria-invalid="true"' : '') +
    required;
  const mark = required ? ' <span class="req" aria-hidden="true">*</span>' : '';
  return (
    `<div class="field${errors.length ? ' has-error' : ''}">` +
    `<label for="${esc(id)}">${esc(label)}${mark}</label>` +
    control.replace('%ATTRS%', `id="${esc(id)}" name="${esc(name)}"${aria}`) +
    after +
    '</div>'
  );
}

/** Which list of the pack's vocabulary names the codes under a message prefix. */
const PACK_LISTS: Readonly<
  Record<
    string,
    Exclude<keyof PackVocabulary, 'attributes' | 'countInstallments' | 'collectorTitle'>
  >
> = {
  stage: 'stages',
  'task.kind': 'taskKinds',
  'approval.kind': 'approvalKinds',
  flag: 'flags',
};

/**
 * A code in words: the console's catalogue for platform codes, else the tenant's pack for
 * the codes it declares (上门催收 for its home-visit stage), else the code itself.
 */
export function codeName(
  lang: Lang,
  vocab: PackVocabulary | null,
  prefix: string,
  code: string,
): string {
  // The per-collector breakdown in the office's own word (按业务员) where the pack names it.
  if (prefix === 'group' && code === 'collector' && vocab?.collectorTitle) {
    return translate(lang, 'group.collectorAs', { name: vocab.collectorTitle[lang] });
  }
  if (hasMessage(`${prefix}.${code}`)) return translateCode(lang, prefix, code);
  const list = PACK_LISTS[prefix];
  const name = list ? vocab?.[list][code] : undefined;
  return name ? name[lang] : code;
}

export function registerHelpers(hbs: HB): void {
  hbs.registerHelper('t', function (key: unknown, options: HelperOptions) {
    return translate(root(options).lang, String(key), options.hash as Record<string, unknown>);
  });
  /** A code in words: {{code "task.kind" item.kind}}. */
  hbs.registerHelper('code', function (prefix: unknown, value: unknown, options: HelperOptions) {
    const { lang, vocab } = root(options);
    return codeName(lang, vocab ?? null, String(prefix), String(value ?? ''));
  });
  /** A pack rule's refusal in words: {{ruleText contact.rule contact.params}}. */
  hbs.registerHelper('ruleText', function (rule: unknown, params: unknown, options: HelperOptions) {
    return ruleText(root(options).lang, rule, params as Record<string, unknown> | null);
  });
  hbs.registerHelper('money', (value: unknown) => formatMoney(value));
  hbs.registerHelper('dateTime', function (value: unknown, options: HelperOptions) {
    return formatDateTime(value, root(options).timeZone);
  });
  hbs.registerHelper('date', (value: unknown) => (value ? String(value).slice(0, 10) : '—'));
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('not', (a: unknown) => !a);
  hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hbs.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hbs.registerHelper('json', (value: unknown) => JSON.stringify(value ?? null));
  hbs.registerHelper('urlencode', (value: unknown) => encodeURIComponent(String(value ?? '')));
  hbs.registerHelper('htmlLang', (lang: unknown) => (lang === 'en' ? 'en' : 'zh-CN'));
  hbs.registerHelper('csrfField', function (options: HelperOptions) {
    return new hbs.SafeString(
      `<input type="hidden" name="_csrf" value="${esc(root(options).csrf)}">`,
    );
  });

  hbs.registerHelper('field', function (form: FormState, name: string, options: HelperOptions) {
    const type = hashText(options, 'type') ?? 'text';
    const extra = ['inputmode', 'autocomplete', 'min', 'max', 'step', 'accept', 'placeholder']
      .map((attr) => (hashText(options, attr) ? ` ${attr}="${esc(hashText(options, attr))}"` : ''))
      .join('');
    const value =
      type === 'file' || type === 'password' ? '' : ` value="${esc(form.values[name] ?? '')}"`;
    return new hbs.SafeString(
      fieldHtml(form, name, options, `<input type="${esc(type)}" %ATTRS%${value}${extra}>`),
    );
  });

  hbs.registerHelper('textarea', function (form: FormState, name: string, options: HelperOptions) {
    return new hbs.SafeString(
      fieldHtml(
        form,
        name,
        options,
        `<textarea %ATTRS% rows="${esc(hashText(options, 'rows') ?? '3')}">${esc(form.values[name] ?? '')}</textarea>`,
      ),
    );
  });

  /**
   * A select; `options` is a list of codes shown through `prefix` ({{select form "kind"
   * codes=kinds prefix="task.kind"}}) or of {value, label} pairs (label shown as is).
   */
  hbs.registerHelper('select', function (form: FormState, name: string, options: HelperOptions) {
    const { lang, vocab } = root(options);
    const hash = options.hash as Record<string, unknown>;
    const prefix = hashText(options, 'prefix');
    const list = (hash.codes ?? hash.choices ?? []) as (
      string | { value: string; label: string }
    )[];
    const current = form.values[name] ?? hashText(options, 'selected') ?? '';
    const blank = hashText(options, 'blank');
    const items = list.map((item) => {
      const value = typeof item === 'string' ? item : item.value;
      const label =
        typeof item === 'string'
          ? prefix
            ? codeName(lang, vocab ?? null, prefix, item)
            : item
          : item.label;
      const selected = value === current ? ' selected' : '';
      return `<option value="${esc(value)}"${selected}>${esc(label)}</option>`;
    });
    if (blank) items.unshift(`<option value="">${esc(translate(lang, blank))}</option>`);
    return new hbs.SafeString(
      fieldHtml(form, name, options, `<select %ATTRS%>${items.join('')}</select>`),
    );
  });

  /** The form's problems that belong to no field, announced to screen readers. */
  hbs.registerHelper('formErrors', function (form: FormState, options: HelperOptions) {
    if (!form.general.length && !Object.keys(form.errors).length) return '';
    const lang = root(options).lang;
    const items = form.general.map((text) => `<li>${esc(text)}</li>`).join('');
    return new hbs.SafeString(
      `<div class="form-errors" role="alert" id="${esc(form.id)}-errors">` +
        `<p>${esc(translate(lang, 'form.hasErrors'))}</p>${items ? `<ul>${items}</ul>` : ''}</div>`,
    );
  });
}
