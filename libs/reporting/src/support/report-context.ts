import { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '@qingshou/core';
import type { ReportContext } from '../document/build-report';
import type { ReportData } from '../document/report-data';
import { ReportMasking } from '../document/report-masking';
import { pinnedPack, tenantTimeZone } from '@qingshou/outcomes';

/**
 * The tenant's pinned pack, zone and name: what every report of the tenant is built from.
 * `reveal`: the reader may read card and ID numbers whole (scheduled runs never do).
 */
export async function reportContext(
  em: EntityManager,
  tenantId: string,
  reveal = false,
): Promise<ReportContext> {
  const pack = await pinnedPack(em, tenantId);
  const timeZone = await tenantTimeZone(em, tenantId);
  const [tenant] = await em.execute<{ name: string }[]>(`select name from tenants where id = ?`, [
    tenantId,
  ]);
  return {
    tenantId,
    tenantName: tenant?.name ?? '',
    timeZone,
    pack,
    masking: new ReportMasking(reveal),
  };
}

export function packReport(ctx: ReportContext, reportId: string): ReportData {
  const report = ctx.pack.spec.reports.find((r) => r.id === reportId);
  if (!report) throw new NotFoundError('report of the pinned pack', reportId);
  return report;
}
