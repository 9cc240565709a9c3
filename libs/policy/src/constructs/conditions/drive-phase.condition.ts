import { ArrayNotEmpty } from 'class-validator';
import { RefTo } from '../../schema/field-decorators';
import { Required, Slug } from '../../schema/rules';
import type { RelativeProblem } from '../../registry/registry.types';
import { validationContext } from '../../schema/validation-context';
import { defineCondition } from '../condition-definition';
import { slug, slugs } from '../sql/sql-values';

export class DrivePhaseArgs {
  @Required()
  @RefTo('drive')
  drive!: string;

  @Required()
  @ArrayNotEmpty({ message: 'must list at least one value' })
  @Slug({ each: true })
  phase!: string[];

  refine(): RelativeProblem[] {
    const phases = validationContext()?.drivePhases.get(this.drive);
    const unknown = phases ? this.phase.filter((p) => !phases.has(p)) : [];
    return unknown.length
      ? [
          {
            path: 'phase',
            reason: `drive "${this.drive}" has no phase ${unknown.map((p) => `"${p}"`).join(', ')}`,
          },
        ]
      : [];
  }
}

/** The phase, on the date, of the tenant's latest launched drive of that key. */
export const drivePhaseCondition = defineCondition({
  args: DrivePhaseArgs,
  summary: { zh: '专项活动处于某阶段', en: 'A drive is in one of the phases' },
  example: 'drivePhase: { drive: npl-drive, phase: [collection] }',
  facts: ['drivePhases'],
  judge: (a, ctx) => {
    const phases = ctx.facts.drivePhases;
    if (!phases) return ctx.extensions?.drivePhase?.(ctx.facts, a, ctx.asOf) ?? false;
    const current = phases.get(a.drive);
    return current !== undefined && a.phase.includes(current);
  },
  sql: (a) => `exists (select 1 from drives dr join drive_phases ph
        on ph.tenant_id = dr.tenant_id and ph.drive_id = dr.id
        where dr.tenant_id = k.tenant_id and dr.drive_key = ${slug(a.drive)}
          and ph.phase_key in ${slugs(a.phase)} and k.as_of between ph.starts_on and ph.ends_on)`,
});
