import { IsOptional } from 'class-validator';
import { RefTo } from '../../schema/field-decorators';
import { Bool, Required } from '../../schema/rules';
import { wrapShorthand } from '../../registry/registry.types';
import { defineCondition } from '../condition-definition';
import { slug } from '../sql/sql-values';
import { ACCOUNTS_OF } from '../sql/subject-row';

export class FlagArgs {
  @Required()
  @RefTo('flag')
  id!: string;

  /** true: the flag is set; false: it is not. */
  @IsOptional()
  @Bool()
  set: boolean = true;
}

/** A flag set on the debtor or on one of the subject's (the case's) accounts. */
export const flagCondition = defineCondition({
  args: FlagArgs,
  summary: { zh: '标记已设置（或未设置）', en: 'A flag is set (or, with set: false, not set)' },
  example: 'flag: credit-hold   # or flag: { id: credit-hold, set: false }',
  normalize: (v: unknown) => wrapShorthand('id', v),
  facts: ['flags'],
  // Args from a stored snapshot may lack the default: absent `set` means set.
  judge: (a, { facts }) => facts.flags.has(a.id) === ((a.set as boolean | undefined) ?? true),
  sql: (a) => {
    const found = `exists (select 1 from pack_flags f where f.tenant_id = k.tenant_id
        and f.flag = ${slug(a.id)} and f.cleared_on is null
        and ((f.subject = 'debtor' and f.subject_id = s.debtor_id)
          or (f.subject = 'account' and f.subject_id in ${ACCOUNTS_OF})))`;
    return a.set === false ? `not ${found}` : found;
  },
});
