import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
  ValidationError,
  validateSync,
} from 'class-validator';
import type { FieldProblem } from '@qingshou/core';
import { parseDocument } from 'yaml';
import { FIELD_PATH, FORBIDDEN_SEGMENTS, forbiddenSegment } from './path-rules';
import { TemplateRefusedError } from './template-errors';

/**
 * How a notice reaches its reader. 挂号信 (registered mail) is how 篇五's final notice goes
 * out; a notice board serves 篇三's public lists; `document` is a paper kept on file.
 */
export const NOTICE_CHANNELS = [
  'letter',
  'registered-mail',
  'sms',
  'email',
  'wechat',
  'notice-board',
  'document',
] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/**
 * What a template is for. A case letter (the default) is issued on a case from the ledger's
 * figures — nightly by the pack's rules, or by a person on the case page and in batches. A
 * plan agreement (分期还款协议书) is printed from the case page's 还款计划 panel with one
 * repayment plan's figures (`plan.*`), which no case letter has.
 */
export const TEMPLATE_PURPOSES = ['case-letter', 'plan-agreement'] as const;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];

const PATH_MESSAGE = 'each entry must be a field path such as debtor.name';

/**
 * A delivery-based deadline (篇五's final notice: 10 days from signed receipt; refused or
 * undeliverable → counting starts 3 days after the send date).
 */
export class DeliveryRule {
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1)
  @Max(366)
  periodDays!: number;

  @IsInt({ message: 'must be a whole number of days' })
  @Min(0)
  @Max(60)
  fallbackOffsetDays!: number;
}

/** What a user-input field holds: free text, a calendar date, an amount of yuan, a count. */
export const NOTICE_INPUT_TYPES = ['text', 'date', 'money', 'integer'] as const;
export type NoticeInputType = (typeof NOTICE_INPUT_TYPES)[number];

export class NoticeInputLabel {
  @IsString()
  @Length(1, 100)
  zh!: string;

  @IsString()
  @Length(1, 100)
  en!: string;
}

/** One field a template asks the issuing person for (front matter `input:`). */
export class NoticeInputField {
  @Matches(/^[a-z][a-zA-Z0-9]{0,39}$/, { message: 'must be a camelCase name such as visitDate' })
  name!: string;

  @IsIn(NOTICE_INPUT_TYPES, { message: `must be one of ${NOTICE_INPUT_TYPES.join(', ')}` })
  type!: NoticeInputType;

  @ValidateNested()
  @Type(() => NoticeInputLabel)
  label!: NoticeInputLabel;

  /** A required field must be given; an optional one is left out of the data when absent. */
  @IsOptional()
  @IsBoolean()
  required?: boolean;

  /** Longest text accepted (type text; default 500). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2000)
  maxLength?: number;
}

/** The front matter every notice template carries. */
export class NoticeFrontMatter {
  @IsString()
  @Length(1, 100)
  title!: string;

  @IsIn(NOTICE_CHANNELS, { message: `must be one of ${NOTICE_CHANNELS.join(', ')}` })
  channel!: NoticeChannel;

  /** Default case-letter; see TEMPLATE_PURPOSES. */
  @IsOptional()
  @IsIn(TEMPLATE_PURPOSES, {
    message: `must be one of ${TEMPLATE_PURPOSES.join(', ')} (plan-agreement: the 分期还款协议书 printed from the 还款计划 panel)`,
  })
  purpose?: TemplatePurpose;

  /** Checked before rendering; every missing one is named at once. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @Matches(FIELD_PATH, { each: true, message: PATH_MESSAGE })
  required: string[] = [];

  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,47}$/, { message: 'must name a layout in templates/layouts' })
  layout?: string;

  /** When present, the notice has a deadline counted from its delivery. */
  @IsOptional()
  @ValidateNested()
  @Type(() => DeliveryRule)
  delivery?: DeliveryRule;

  @IsOptional()
  @IsString()
  @Length(1, 500)
  description?: string;

  /** The letter carries a reply slip to be returned (篇一 对账单 回执). */
  @IsOptional()
  @IsBoolean()
  replySlip?: boolean;

  /**
   * The only fields a person issuing the letter types (printed as `input.<name>`); every
   * other field comes from the ledger, the case and the pack. Names are unique.
   */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => NoticeInputField)
  input?: NoticeInputField[];
}

/** Layouts and partials in /templates: a description and the fields they print. */
export class SharedTemplateFrontMatter {
  @IsOptional()
  @IsString()
  @Length(1, 500)
  description?: string;

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @Matches(FIELD_PATH, { each: true, message: PATH_MESSAGE })
  required?: string[];
}

export interface SplitTemplate {
  /** The YAML between the fences, or null when the file has none. */
  readonly yaml: string | null;
  readonly body: string;
  /** Lines before the body, to report body line numbers as file line numbers. */
  readonly bodyLineOffset: number;
}

const FENCE = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

export function splitFrontMatter(source: string): SplitTemplate {
  const text = source.replace(/^\uFEFF/, '');
  const match = FENCE.exec(text);
  if (!match) return { yaml: null, body: text, bodyLineOffset: 0 };
  const offset = match[0].split('\n').length - 1;
  return { yaml: match[1] ?? '', body: text.slice(match[0].length), bodyLineOffset: offset };
}

function flatten(errors: ValidationError[], parent: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ path, reason }));
    return own.concat(flatten(error.children ?? [], path));
  });
}

/** Keys such as __proto__ never reach class-transformer, which would assign them. */
function forbiddenKeys(value: unknown, path: string): FieldProblem[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => {
    const here = `${path}.${key}`;
    if (FORBIDDEN_SEGMENTS.has(key)) return [{ path: here, reason: 'is not an allowed key' }];
    return forbiddenKeys((value as Record<string, unknown>)[key], here);
  });
}

function parseYaml(yaml: string, template: string): unknown {
  const doc = parseDocument(yaml, { uniqueKeys: true, prettyErrors: true, strict: true });
  if (doc.errors.length > 0) {
    throw new TemplateRefusedError(
      template,
      doc.errors.map((e) => ({ path: 'frontMatter', reason: e.message.split('\n')[0] })),
    );
  }
  // Aliases could expand a small file into a huge object; front matter never needs them.
  return doc.toJS({ maxAliasCount: 0 });
}

/** Two input fields of one name would print one and silently drop the other. */
function duplicateInputNames(instance: object): FieldProblem[] {
  const input = (instance as { input?: unknown }).input;
  if (!Array.isArray(input)) return [];
  const seen = new Set<string>();
  return input.flatMap((field: { name?: unknown }, i) => {
    const name = String(field?.name);
    if (!seen.has(name)) {
      seen.add(name);
      return [];
    }
    return [{ path: `frontMatter.input[${i}].name`, reason: `"${name}" is declared twice` }];
  });
}

/** Parses and validates front matter against `type`; every problem is named by its path. */
export function readFrontMatter<T extends object>(
  type: new () => T,
  yaml: string | null,
  template: string,
): T {
  const raw = yaml === null || yaml.trim() === '' ? {} : parseYaml(yaml, template);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new TemplateRefusedError(template, [
      { path: 'frontMatter', reason: 'must be a mapping of keys to values' },
    ]);
  }
  const problems = forbiddenKeys(raw, 'frontMatter');
  if (problems.length === 0) {
    const instance = plainToInstance(type, raw);
    const errors = validateSync(instance, {
      whitelist: true,
      forbidNonWhitelisted: true,
      validationError: { target: false, value: false },
    });
    problems.push(...flatten(errors, 'frontMatter'));
    problems.push(...duplicateInputNames(instance));
    const required = (instance as { required?: unknown }).required;
    if (Array.isArray(required)) {
      required.forEach((path, i) => {
        const bad = typeof path === 'string' ? forbiddenSegment(path.split('.')) : undefined;
        if (bad) problems.push({ path: `frontMatter.required[${i}]`, reason: `names ${bad}` });
      });
    }
    if (problems.length === 0) return instance;
  }
  throw new TemplateRefusedError(template, problems);
}
