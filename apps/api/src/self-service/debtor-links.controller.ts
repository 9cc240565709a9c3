import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@qingshou/core';
import { IsIn } from 'class-validator';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { actorMeta } from '../collection/actor-meta';
import {
  IssueDebtorLink,
  IssueDebtorLinkResult,
  type LinkChannel,
  RevokeDebtorLink,
} from '@qingshou/self-service';

export class IssueDebtorLinkBody {
  @ApiProperty({ enum: ['sms', 'console'], description: 'sms: sent to the phone on file now' })
  @IsIn(['sms', 'console'])
  channel!: Extract<LinkChannel, 'sms' | 'console'>;
}

/** 自助链接 of a case: issued (SMS or shown once) and revoked by whoever works the case. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id/debtor-links')
export class DebtorLinksController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Permission('case.work')
  issue(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: IssueDebtorLinkBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<IssueDebtorLinkResult> {
    return this.commands.execute(
      new IssueDebtorLink(actorMeta(principal, correlationId), id, body.channel),
    );
  }

  @Delete(':linkId')
  @HttpCode(204)
  @Permission('case.work')
  async revoke(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('linkId', ParseUUIDPipe) linkId: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<void> {
    await this.commands.execute(
      new RevokeDebtorLink(actorMeta(principal, correlationId), id, linkId),
    );
  }
}
