import { Body, Controller, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { actorMetaOf, type Principal } from '@qingshou/core';
import {
  CreateUser,
  GetMe,
  Login,
  LoginResult,
  Me,
  TenantProfile,
  UpdateTenantProfile,
} from '@qingshou/tenancy';
import type { Request } from 'express';
import { CorrelationId, CurrentPrincipal, Permission, Public } from '../auth/access.decorators';
import { AccessTokenResponse, CreateUserBody, LoginBody, TenantProfileBody } from './identity.dto';

@ApiTags('identity')
@Controller()
export class IdentityController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenResponse })
  login(
    @Body() body: LoginBody,
    @Req() request: Request,
    @CorrelationId() correlationId: string,
  ): Promise<LoginResult> {
    const ip = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    return this.commands.execute(
      new Login(body.tenant, body.username, body.password, ip, correlationId),
    );
  }

  @Get('me')
  @ApiBearerAuth()
  @Permission('me.read')
  me(
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<Me> {
    return this.queries.execute(new GetMe(actorMetaOf(principal, correlationId)));
  }

  @Post('users')
  @ApiBearerAuth()
  @Permission('user.create')
  createUser(
    @Body() body: CreateUserBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ id: string }> {
    return this.commands.execute(
      new CreateUser(
        actorMetaOf(principal, correlationId),
        body.username,
        body.displayName,
        body.password,
        body.roles,
      ),
    );
  }

  /** The office's letterhead on its notices: address, phone, person to contact. */
  @Put('tenant/profile')
  @ApiBearerAuth()
  @Permission('tenant-profile.update')
  updateTenantProfile(
    @Body() body: TenantProfileBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<TenantProfile> {
    const meta = actorMetaOf(principal, correlationId);
    return this.commands.execute(
      new UpdateTenantProfile(meta, {
        address: body.address,
        phone: body.phone,
        contactPerson: body.contactPerson,
      }),
    );
  }
}
