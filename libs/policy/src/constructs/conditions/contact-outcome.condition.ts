import { ArrayNotEmpty } from 'class-validator';
import { ValueOrParam } from '../../schema/field-decorators';
import { OneOf, Required } from '../../schema/rules';
import { listShorthand } from '../../registry/registry.types';
import { CONTACT_OUTCOMES } from '../../registry/vocabularies';
import { defineCondition } from '../condition-definition';
import { withinDays } from '../judge-helpers';
import { int, slugs } from '../sql/sql-values';
import { CASES_OF } from '../sql/subject-row';

export class ContactOutcomeArgs {
  @Required()
  @ArrayNotEmpty({ message: 'must list at least one value' })
  @OneOf(CONTACT_OUTCOMES, { each: true })
  in!: string[];

  /** Look at contacts of the last N days; default: the latest contact only. */
  @ValueOrParam('integer', { min: 1 })
  withinDays?: number;
}

/** Contacts are dated by their local day in the tenant's zone; the latest breaks ties by id. */
export const contactOutcomeCondition = defineCondition({
  args: ContactOutcomeArgs,
  summary: {
    zh: '联系结果属于（最近一次或 N 天内）',
    en: 'Contact outcome (latest, or within N days) is one of',
  },
  example: 'contactOutcome: { in: [refused, stalling], withinDays: 7 }',
  normalize: listShorthand,
  facts: ['contacts'],
  judge: (a, { facts, asOf }) => {
    const days = a.withinDays;
    if (days === undefined) {
      const latest = facts.contacts[0];
      return latest !== undefined && a.in.includes(latest.outcome);
    }
    return facts.contacts.some((c) => withinDays(c.on, asOf, days) && a.in.includes(c.outcome));
  },
  sql: (a) => {
    if (a.withinDays === undefined) {
      return `(select x.outcome_code from contact_attempts x where x.tenant_id = k.tenant_id
          and x.case_id in ${CASES_OF} order by x.attempted_at desc, x.id limit 1) in ${slugs(a.in)}`;
    }
    return `exists (select 1 from contact_attempts x where x.tenant_id = k.tenant_id
        and x.case_id in ${CASES_OF} and x.outcome_code in ${slugs(a.in)}
        and (x.attempted_at at time zone k.tz)::date > k.as_of - ${int(a.withinDays)}
        and (x.attempted_at at time zone k.tz)::date <= k.as_of)`;
  },
});
