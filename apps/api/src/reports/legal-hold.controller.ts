import { Body, Controller, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { actorMetaOf, type Principal } from '@qingshou/core';
import { type LegalHoldView, SetLegalHold } from '@qingshou/reporting';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { LegalHoldBody } from './reports.dto';

/** PUT /cases/{id}/legal-hold: retention leaves a held case whole. */
@ApiTags('retention')
@ApiBearerAuth()
@Controller('cases')
export class LegalHoldController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':id/legal-hold')
  @Permission('legal-hold.set')
  set(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: LegalHoldBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<LegalHoldView> {
    return this.commands.execute(
      new SetLegalHold(actorMetaOf(principal, correlationId), id, body.hold, body.reason),
    );
  }
}
