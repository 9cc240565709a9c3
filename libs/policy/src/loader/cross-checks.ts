import { dec } from '@qingshou/ledger';
import { MERGED_LISTS } from './merge';
import { PackProblem } from './problem';
import { PLAN_AGREEMENT_FIELDS, SUPPLIED_TEMPLATE_FIELDS } from '../registry/vocabularies';
import type { PackSpec } from '../schema/pack.schema';
import { templatePurpose, type ResolvedTemplate } from './resolved-pack';

/** Ids must be unique within a list: `stages[4].id: duplicate id "legal" (also stages[2])`. */
function uniqueIn(
  items: readonly unknown[] | undefined,
  key: string,
  path: string,
  out: PackProblem[],
): void {
  const seen = new Map<unknown, number>();
  (items ?? []).forEach((item, i) => {
    const id = (item as Record<string, unknown> | null)?.[key];
    if (id === undefined) return;
    const first = seen.get(id);
    if (first !== undefined) {
      out.push({
        path: `${path}[${i}].${key}`,
        reason: `duplicate ${key} "${String(id)}" (also ${path}[${first}])`,
      });
    } else {
      seen.set(id, i);
    }
  });
}

export function duplicateIdProblems(spec: PackSpec): PackProblem[] {
  const out: PackProblem[] = [];
  const record = spec as unknown as Record<string, unknown[] | undefined>;
  for (const [section, key] of Object.entries(MERGED_LISTS))
    uniqueIn(record[section], key, section, out);
  uniqueIn(spec.reasonCodes?.codes, 'code', 'reasonCodes.codes', out);
  uniqueIn(spec.contactRules?.resultCodes, 'code', 'contactRules.resultCodes', out);
  spec.parameters?.forEach((p, i) => uniqueIn(p.values, 'code', `parameters[${i}].values`, out));
  spec.attributes?.forEach((a, i) => uniqueIn(a.values, 'code', `attributes[${i}].values`, out));
  spec.drives?.forEach((d, i) => {
    uniqueIn(d.phases, 'id', `drives[${i}].phases`, out);
    uniqueIn(d.publications, 'id', `drives[${i}].publications`, out);
    d.phases?.forEach((p, j) =>
      uniqueIn(p.deliverables, 'id', `drives[${i}].phases[${j}].deliverables`, out),
    );
  });
  (spec.groupTypes ?? []).forEach((g, i) => {
    if (['tenant', 'collector', 'team', 'batch', 'step'].includes(g)) {
      out.push({
        path: `groupTypes[${i}]`,
        reason: `"${g}" is a built-in breakdown; pick another group type`,
      });
    }
  });
  return out;
}

const SUPPLIED = new Set<string>(SUPPLIED_TEMPLATE_FIELDS);
const PLAN_FIELDS = new Set<string>(PLAN_AGREEMENT_FIELDS);
const isPlanField = (field: string) => field.startsWith('plan.');
/** `plan.` inside a mustache of the body (`{{money plan.total}}`, `{{#each plan.instalments}}`). */
const PLAN_IN_BODY = /\{\{[^}]*?(?<![\w.])(plan\.[\w.]+)/;

function fieldProblem(field: string, template: ResolvedTemplate): string | null {
  if (templatePurpose(template) === 'plan-agreement') {
    return PLAN_FIELDS.has(field)
      ? null
      : `"${field}" is not a field the plan agreement supplies (see PLAN_AGREEMENT_FIELDS in docs/policy-packs.md)`;
  }
  if (isPlanField(field)) {
    return `"${field}" is a repayment plan's field: only a template with purpose: plan-agreement prints it (模板 ${template.name} 是案件通知书，不能使用还款计划字段)`;
  }
  return SUPPLIED.has(field)
    ? null
    : `"${field}" is not a field the engine supplies (see SUPPLIED_TEMPLATE_FIELDS in docs/policy-packs.md)`;
}

/**
 * A template may require only what its purpose supplies — a case letter the engine's fields
 * (SUPPLIED_TEMPLATE_FIELDS), a plan agreement the plan's (PLAN_AGREEMENT_FIELDS) — plus the
 * pack's own parameters and the user-input fields it declares (`input.<name>`, required
 * ones only: an optional field may be absent); anything else would fail at render time. A
 * pack has at most one plan agreement: the plan panel prints that one.
 */
export function templateFieldProblems(
  templates: Readonly<Record<string, ResolvedTemplate>>,
  parameterNames: ReadonlySet<string>,
): PackProblem[] {
  const out: PackProblem[] = [];
  let agreement: string | undefined;
  for (const template of Object.values(templates)) {
    const file = `templates/${template.name}.hbs`;
    if (templatePurpose(template) === 'plan-agreement') {
      if (agreement) {
        out.push({
          path: `${file}:purpose`,
          reason: `only one template may be the plan agreement (also templates/${agreement}.hbs)`,
        });
      }
      agreement ??= template.name;
    } else {
      const used = PLAN_IN_BODY.exec(template.body)?.[1];
      if (used) out.push({ path: file, reason: fieldProblem(used, template)! });
    }
    const inputs = new Set(
      (template.input ?? []).filter((f) => f.required).map((f) => `input.${f.name}`),
    );
    template.required.forEach((field, i) => {
      const param = /^params\.(.+)$/.exec(field)?.[1];
      const path = `${file}:required[${i}]`;
      if (param) {
        if (!parameterNames.has(param))
          out.push({ path, reason: `parameter "${param}" is not declared` });
      } else if (field.startsWith('input.')) {
        if (!inputs.has(field))
          out.push({
            path,
            reason: `"${field}" is not a required field of the template's input declaration`,
          });
      } else {
        const reason = fieldProblem(field, template);
        if (reason) out.push({ path, reason });
      }
    });
  }
  return out;
}

/**
 * 自助页面 rules that lean on other blocks: a debtor may propose a plan only where the pack
 * agrees plans, and a plan agreed at once may not be one the office must approve first.
 */
export function selfServiceProblems(spec: PackSpec): PackProblem[] {
  const self = spec.selfService;
  if (!self) return [];
  const out: PackProblem[] = [];
  if (self.actions?.includes('plan') && !spec.plans) {
    out.push({
      path: 'selfService.actions',
      reason: '可办"还款计划"须有 plans: 规则 (plan needs a plans: block)',
    });
  }
  const auto = self.autoAgreePlansUpTo;
  const above = spec.plans?.approvalAbove;
  if (auto !== undefined && above !== undefined && dec(auto).gt(above)) {
    out.push({
      path: 'selfService.autoAgreePlansUpTo',
      reason: `不得高于 plans.approvalAbove ${above} (must not exceed the approval threshold)`,
    });
  }
  return out;
}
