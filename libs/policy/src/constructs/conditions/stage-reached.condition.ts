import { RefTo } from '../../schema/field-decorators';
import { Required } from '../../schema/rules';
import { wrapShorthand } from '../../registry/registry.types';
import { defineCondition } from '../condition-definition';
import { slug } from '../sql/sql-values';
import { CASES_OF } from '../sql/subject-row';

export class StageReachedArgs {
  @Required()
  @RefTo('stage')
  stage!: string;
}

/** The case stands in the stage or moved into it at some point (case_stage_history). */
export const stageReachedCondition = defineCondition({
  args: StageReachedArgs,
  summary: { zh: '案件曾进入某阶段', en: 'The case has been in the stage at some point' },
  example: 'stageReached: legal',
  normalize: (v: unknown) => wrapShorthand('stage', v),
  facts: ['stage', 'history'],
  judge: (a, { facts }) =>
    facts.stage === a.stage || facts.history.some((row) => row.to === a.stage),
  sql: (a) => `(exists (select 1 from cases c where c.tenant_id = k.tenant_id
        and c.debtor_id = s.debtor_id and c.stage = ${slug(a.stage)})
      or exists (select 1 from case_stage_history h where h.tenant_id = k.tenant_id
        and h.case_id in ${CASES_OF} and h.to_stage = ${slug(a.stage)}))`,
});
