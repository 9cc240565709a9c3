import { Body, Controller, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorMetaOf, type Principal } from '@qingshou/core';
import { RecordedPayment, RecordPayment, ReversedPayment, ReversePayment } from '@qingshou/ledger';
import type { Response } from 'express';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { IdParam } from './common.dto';
import { fromInput } from './input-source';
import { RecordPaymentBody, ReversePaymentBody } from './payments.dto';

/** Both routes are idempotent: 201 when a row was written, 200 when it already existed. */
@ApiTags('ledger')
@ApiBearerAuth()
@Controller()
export class PaymentsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('accounts/:id/payments')
  @Permission('payment.record')
  @ApiResponse({ status: 201, description: 'recorded' })
  @ApiResponse({ status: 200, description: 'already recorded under this source/externalRef' })
  async record(
    @Param() params: IdParam,
    @Body() body: RecordPaymentBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RecordedPayment> {
    const meta = actorMetaOf(principal, correlationId);
    const payment = { ...body, accountId: params.id, source: body.source ?? 'api' };
    const result: RecordedPayment = await fromInput(
      'body',
      this.commands.execute(new RecordPayment(meta, payment)),
    );
    response.status(result.created ? 201 : 200);
    return result;
  }

  @Post('payments/:id/reverse')
  @Permission('payment.reverse')
  @ApiResponse({ status: 201, description: 'reversal row written' })
  @ApiResponse({ status: 200, description: 'the payment was already reversed' })
  async reverse(
    @Param() params: IdParam,
    @Body() body: ReversePaymentBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReversedPayment> {
    const meta = actorMetaOf(principal, correlationId);
    const result: ReversedPayment = await fromInput(
      'body',
      this.commands.execute(new ReversePayment(meta, { ...body, paymentId: params.id })),
    );
    response.status(result.created ? 201 : 200);
    return result;
  }
}
