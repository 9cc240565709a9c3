import { ArrayNotEmpty } from 'class-validator';
import { RefTo } from '../../schema/field-decorators';
import { Bool, Optional, Required, Slug } from '../../schema/rules';
import type { RelativeProblem } from '../../registry/registry.types';
import { validationContext } from '../../schema/validation-context';
import { defineCondition } from '../condition-definition';
import { slug, slugs } from '../sql/sql-values';
import { ACCOUNTS_OF, CASES_OF } from '../sql/subject-row';

export class AttributeArgs {
  @Required()
  @RefTo('attribute')
  key!: string;

  @Optional()
  @ArrayNotEmpty({ message: 'must list at least one value' })
  @Slug({ each: true })
  in?: string[];

  /** true: the attribute has been recorded; false: not yet. */
  @Optional()
  @Bool()
  set?: boolean;

  refine(): RelativeProblem[] {
    if ((this.in === undefined) === (this.set === undefined)) {
      return [{ path: '', reason: 'needs exactly one of "in" or "set"' }];
    }
    const allowed = validationContext()?.attributeValues.get(this.key);
    const bad = allowed && this.in ? this.in.filter((v) => !allowed.has(v)) : [];
    return bad.length
      ? [
          {
            path: 'in',
            reason: `attribute "${this.key}" has no value ${bad.map((v) => `"${v}"`).join(', ')}`,
          },
        ]
      : [];
  }
}

/**
 * A recorded assessment attribute of the attribute's subject (pack `attributes`): the
 * debtor, the subject's accounts, or the debtor's cases.
 */
export const attributeCondition = defineCondition({
  args: AttributeArgs,
  summary: { zh: '客户情况（属性）取值', en: 'An assessment attribute has one of the values' },
  example: 'attribute: { key: cash-position, in: [good] }',
  facts: ['attributes'],
  needs: (a) => [`attribute:${a.key}`],
  judge: (a, ctx) => {
    const attributes = ctx.facts.attributes;
    if (!attributes) return ctx.extensions?.attribute?.(ctx.facts, a, ctx.asOf) ?? false;
    const values = attributes.get(a.key) ?? [];
    const wanted = a.in;
    if (wanted !== undefined) return values.some((v) => wanted.includes(v));
    return values.length > 0 === (a.set ?? true);
  },
  sql: (a, o) => {
    const subject = o.attributeSubjects.get(String(a.key)) ?? 'debtor';
    const target =
      subject === 'account'
        ? `v.subject = 'account' and v.subject_id in ${ACCOUNTS_OF}`
        : subject === 'case'
          ? `v.subject = 'case' and v.subject_id in ${CASES_OF}`
          : `v.subject = 'debtor' and v.subject_id = s.debtor_id`;
    const values = a.in !== undefined ? ` and v.value in ${slugs(a.in)}` : '';
    const found = `exists (select 1 from attribute_values v where v.tenant_id = k.tenant_id
        and ${target} and v.key = ${slug(a.key)}${values})`;
    return a.set === false ? `not ${found}` : found;
  },
});
