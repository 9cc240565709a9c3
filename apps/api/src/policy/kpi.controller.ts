import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { actorMetaOf, type Principal } from '@qingshou/core';
import {
  GetKpiSnapshots,
  GetTargets,
  KpiSnapshotResult,
  KpiInputName,
  KpiSnapshotsView,
  RecordedKpiInput,
  RecordKpiInput,
  SnapshotKpis,
  TargetsView,
} from '@qingshou/outcomes';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { AsOfBody, KpiInputBody, SnapshotsQuery, TargetsQuery } from './outcomes.dto';

/** Who reads targets and trends: the people assessed on them and those who check them. */
export const KPI_READERS = ['tenant-admin', 'manager', 'supervisor', 'finance', 'auditor'] as const;

/** The caller as the handlers decide access: who, with which roles. */
const meta = (principal: Principal, correlationId: string) => actorMetaOf(principal, correlationId);

/** Targets of the tenant's pack judged as of a date, and the daily KPI snapshots. */
@ApiTags('targets')
@ApiBearerAuth()
@Controller()
export class KpiController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('targets')
  @Permission('kpi.read')
  targets(
    @Query() query: TargetsQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<TargetsView> {
    return this.queries.execute(
      new GetTargets(meta(principal, correlationId), query.asOf, query.groupType),
    );
  }

  @Get('kpi/snapshots')
  @Permission('kpi.read')
  snapshots(
    @Query() query: SnapshotsQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<KpiSnapshotsView> {
    return this.queries.execute(
      new GetKpiSnapshots(
        meta(principal, correlationId),
        query.metric,
        query.from,
        query.to,
        query.groupType,
      ),
    );
  }

  /** The daily run snapshots every tenant; a manager may run a date by hand (idempotent). */
  @Post('kpi/snapshots')
  @HttpCode(200)
  @Permission('kpi.snapshot')
  snapshot(
    @Body() body: AsOfBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<KpiSnapshotResult> {
    return this.commands.execute(new SnapshotKpis(meta(principal, correlationId), body.asOf));
  }

  /** Figures no ledger holds: deposit balance (个贷率), group recovery plans. */
  @Post('kpi/inputs')
  @Permission('kpi.input')
  input(
    @Body() body: KpiInputBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RecordedKpiInput> {
    return this.commands.execute(
      new RecordKpiInput(meta(principal, correlationId), {
        ...body,
        input: body.input as KpiInputName,
      }),
    );
  }
}
