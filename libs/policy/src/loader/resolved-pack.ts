import type { NoticeInputField, TemplatePurpose } from '@qingshou/notices';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { PackSpec } from '../schema/pack.schema';
import type { ParamValue } from './params';

/** A class's data without its methods: what a pack is once it has been through JSON. */
export type PlainData<T> = T extends (infer U)[]
  ? PlainData<U>[]
  : T extends object
    ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: PlainData<T[K]> }
    : T;

export type PackData = PlainData<PackSpec>;

/** A notice template as pinned in the snapshot: front matter plus the handlebars body. */
export interface ResolvedTemplate {
  readonly name: string;
  /** The pack that provided it (a child's template overrides its base's). */
  readonly pack: string;
  readonly title: string;
  readonly channel: string;
  readonly required: readonly string[];
  readonly replySlip: boolean;
  readonly layout?: string;
  readonly body: string;
  /**
   * The fields a person issuing the letter types (front matter `input:`, printed as
   * `input.<name>`); absent when the template asks for none (so digests of packs without
   * any stay as they were).
   */
  readonly input?: readonly NoticeInputField[];
  /**
   * Front matter `purpose:`, kept only when it is not the default case-letter (so digests of
   * packs without a plan agreement stay as they were). Read it through templatePurpose().
   */
  readonly purpose?: Exclude<TemplatePurpose, 'case-letter'>;
}

/** What a template is for: a case letter unless it declares otherwise. */
export function templatePurpose(template: Pick<ResolvedTemplate, 'purpose'>): TemplatePurpose {
  return template.purpose ?? 'case-letter';
}

/**
 * The templates issued on a case (nightly, on the case page, in batches): every one but the
 * plan agreement, which needs a plan's figures and is printed from the 还款计划 panel.
 */
export function caseLetterTemplates<T extends Pick<ResolvedTemplate, 'purpose'>>(
  templates: Readonly<Record<string, T>>,
): Record<string, T> {
  return Object.fromEntries(
    Object.entries(templates).filter(([, t]) => templatePurpose(t) === 'case-letter'),
  );
}

/** The pack's 分期还款协议书 (at most one: the loader refuses a second), or undefined. */
export function planAgreementTemplate(
  pack: Pick<ResolvedPack, 'templates'>,
): ResolvedTemplate | undefined {
  return Object.values(pack.templates).find((t) => templatePurpose(t) === 'plan-agreement');
}

/**
 * What the engine runs and what an installation pins: the merged pack with parameters
 * substituted and defaults filled, its templates, and the values it was resolved with.
 * Plain JSON: stored as is in pack_installations.resolved.
 */
export interface ResolvedPack {
  readonly id: string;
  readonly version: string;
  /** The packs this one builds on, nearest first: ['test-ladder@1.0.0']. */
  readonly extendsChain: readonly string[];
  /** Every parameter's effective value. */
  readonly params: Readonly<Record<string, ParamValue>>;
  /** What the tenant chose; the rest are defaults. */
  readonly overrides: Readonly<Record<string, ParamValue>>;
  /** Required parameters without a value: only when validating, never in an installation. */
  readonly unresolved: readonly string[];
  readonly spec: PackData;
  readonly templates: Readonly<Record<string, ResolvedTemplate>>;
  /** sha256 of the canonical JSON of everything above: equal digests, equal behaviour. */
  readonly digest: string;
}

export function digestOf(pack: Omit<ResolvedPack, 'digest'>): string {
  const { id, version, extendsChain, params, overrides, unresolved, spec, templates } = pack;
  const text =
    canonicalize({ id, version, extendsChain, params, overrides, unresolved, spec, templates }) ??
    '';
  return createHash('sha256').update(text).digest('hex');
}

/** "12 stages, 3 rules, 2 targets, 1 incentive, 4 templates": the CLI's one-line summary. */
export function summarizePack(pack: ResolvedPack): string {
  const spec = pack.spec;
  const counts: [number, string][] = [
    [spec.stages.length, 'stage'],
    [spec.rules.length, 'rule'],
    [spec.reminders.length, 'reminder'],
    [spec.routines.length, 'routine'],
    [spec.targets.length, 'target'],
    [spec.incentives.length, 'incentive'],
    [spec.ratings.length, 'rating'],
    [spec.flags.length, 'flag'],
    [spec.drives.length, 'drive'],
    [spec.reports.length, 'report'],
    [spec.parameters.length, 'parameter'],
    [Object.keys(pack.templates).length, 'template'],
  ];
  return counts
    .filter(([n], i) => n > 0 || i === 0)
    .map(([n, word]) => `${n} ${word}${n === 1 ? '' : 's'}`)
    .join(', ');
}
