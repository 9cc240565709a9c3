import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@qingshou/core';
import { actorMetaOf, type Principal } from '@qingshou/core';
import { CreatedTenant, CreateTenant } from '@qingshou/tenancy';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { CreateTenantBody } from './tenants.dto';

@ApiTags('platform')
@ApiBearerAuth()
@Controller('tenants')
export class TenantsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @Permission('tenant.create')
  create(
    @Body() body: CreateTenantBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<CreatedTenant> {
    return this.commands.execute(
      new CreateTenant(
        actorMetaOf(principal, correlationId),
        body.slug,
        body.name,
        body.kind,
        body.timeZone ?? this.config.DEFAULT_TIME_ZONE,
        body.admin,
      ),
    );
  }
}
