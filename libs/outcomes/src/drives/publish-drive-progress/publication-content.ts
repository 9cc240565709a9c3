import { EntityManager } from '@mikro-orm/postgresql';
import { maskIdNumber } from '@qingshou/ledger';
import { MetricCalculator } from '../../kpi/metrics/metric-calculator';
import { ACCOUNT_STATE_CTES, K_CTE, kParams } from '../../kpi/sql/account-state.sql';
import { conditionOptions } from '../../kpi/sql/select-subjects';
import { compileCondition, subjectsCte } from '../../kpi/sql/subject-condition.sql';
import type { PinnedPack } from '../../kpi/support/pinned-pack';
import { LiveDriveFigures } from '../get-drive-progress/drive-figures';
import { driveProgress } from '../get-drive-progress/drive-progress';

type ReportData = PinnedPack['spec']['reports'][number];

interface Ctx {
  readonly tenantId: string;
  readonly timeZone: string;
  readonly pack: PinnedPack;
}

/**
 * What a publication stores: a list report (恶意欠贷名单) lists the drive's debtors for whom
 * the report's condition holds — names, masked ID numbers, villages, arrears — and any
 * other report stores the drive's progress as of the date.
 */
export async function publicationContent(
  em: EntityManager,
  calculator: MetricCalculator,
  ctx: Ctx,
  report: ReportData,
  driveId: string,
  asOf: string,
): Promise<Record<string, unknown>> {
  if (!report.list || !['debtors', 'cases', 'accounts'].includes(report.list.of)) {
    const figures = new LiveDriveFigures(calculator);
    const progress = await driveProgress(em, figures, ctx, driveId, asOf);
    return { kind: 'progress', report: report.id, names: report.names, progress };
  }
  const compiled = compileCondition(
    report.list.when ?? { dpd: { min: 0 } },
    conditionOptions(ctx.pack),
  );
  const rows = await em.execute<Record<string, unknown>[]>(
    `with ${K_CTE}, ${ACCOUNT_STATE_CTES}, ${subjectsCte('debtor')}
     select s.debtor_id, d.name, d.id_number, s.overdue_amount::text as overdue_amount, s.dpd,
            coalesce((select jsonb_agg(jsonb_build_object('type', g.type, 'code', g.code, 'name', g.name)
                                       order by g.type, g.code)
                      from debtor_group_members m
                      join debtor_groups g on g.tenant_id = m.tenant_id and g.id = m.group_id
                      where m.tenant_id = k.tenant_id and m.debtor_id = s.debtor_id), '[]') as groups
     from subj s cross join k
     join debtors d on d.tenant_id = k.tenant_id and d.id = s.debtor_id
     where s.debtor_id in (select dc.debtor_id from drive_cases dc
                           where dc.tenant_id = k.tenant_id and dc.drive_id = ?::uuid)
       and ${compiled.sql}
     order by d.name, s.debtor_id`,
    [
      ...kParams({
        tenantId: ctx.tenantId,
        asOf,
        periodStart: asOf,
        timeZone: ctx.timeZone,
        thresholdDays: 0,
        accountTypes: ctx.pack.spec.accountTypes,
        groupType: '',
      }),
      driveId,
    ],
  );
  return {
    kind: 'list',
    report: report.id,
    names: report.names,
    problems: compiled.problems,
    rows: rows.map((r) => ({
      debtorId: r.debtor_id,
      name: r.name,
      idNumberMasked: maskIdNumber(String(r.id_number)),
      groups: r.groups,
      overdueAmount: r.overdue_amount,
      dpd: Number(r.dpd),
    })),
  };
}
