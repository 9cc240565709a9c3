import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AcknowledgeAlert,
  AcknowledgeAlertResult,
  AlertSummary,
  ListAlerts,
  Page,
} from '@qingshou/collection';
import type { Principal } from '@qingshou/core';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { actorMeta } from '../collection/actor-meta';
import { AcknowledgeAlertBody, ListAlertsQuery } from './alerts.dto';

/** SLA breaches for supervisors (篇八: start calling within 2 working hours…). */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
export class AlertsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Permission('alert.read')
  list(
    @Query() query: ListAlertsQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<Page<AlertSummary>> {
    return this.queries.execute(
      new ListAlerts(actorMeta(principal, correlationId), query.state, query.cursor, query.limit),
    );
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Permission('alert.acknowledge')
  acknowledge(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AcknowledgeAlertBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<AcknowledgeAlertResult> {
    return this.commands.execute(
      new AcknowledgeAlert(actorMeta(principal, correlationId), id, body.note),
    );
  }
}
