import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { actorMetaOf, type Principal } from '@qingshou/core';
import {
  GenerateReport,
  GetReportFile,
  ListReports,
  type ReportFile,
  type ReportRunView,
  type ReportsView,
} from '@qingshou/reporting';
import type { Response } from 'express';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { attachmentDisposition } from './content-disposition';
import { GenerateReportBody, ReportsQuery } from './reports.dto';

const meta = (principal: Principal, correlationId: string) => actorMetaOf(principal, correlationId);

/** The pinned pack's reports: catalogue, on-demand generation, downloads. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Permission('report.read')
  list(
    @Query() query: ReportsQuery,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<ReportsView> {
    return this.queries.execute(new ListReports(meta(principal, correlationId), query.reportId));
  }

  @Get('runs/:id/download')
  @Permission('report.read')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/html')
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res() response: Response,
  ): Promise<void> {
    const file: ReportFile = await this.queries.execute(
      new GetReportFile(meta(principal, correlationId), id),
    );
    response.status(200);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
    response.setHeader('Content-Length', String(file.content.length));
    response.setHeader('ETag', `"${file.sha256}"`);
    // A report names debtors: never kept by a shared cache; HTML never sniffed as script.
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.end(file.content);
  }

  /** 201: generated now and stored; download it from runs/{id}/download. */
  @Post(':reportId')
  @Permission('report.run')
  generate(
    @Param('reportId') reportId: string,
    @Body() body: GenerateReportBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<ReportRunView> {
    return this.commands.execute(
      new GenerateReport(
        meta(principal, correlationId),
        reportId,
        body.asOf,
        body.format ?? 'xlsx',
        body.lang ?? 'zh',
      ),
    );
  }
}
