import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Req,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { actorMetaOf, type Principal } from '@qingshou/core';
import {
  ChangePassword,
  CreateUser,
  DisableUser,
  GetMe,
  Login,
  LoginResult,
  Logout,
  Me,
  PasswordChanged,
  SignedOut,
  SignOutEverywhere,
  TenantSessionPolicy,
  UpdateSessionPolicy,
  TenantProfile,
  UpdateTenantProfile,
} from '@qingshou/tenancy';
import type { Request } from 'express';
import { CorrelationId, CurrentPrincipal, Permission, Public } from '../auth/access.decorators';
import {
  AccessTokenResponse,
  ChangePasswordBody,
  CreateUserBody,
  LoginBody,
  SessionPolicyBody,
  SessionsEndedResponse,
  TenantProfileBody,
} from './identity.dto';

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

  /**
   * Ends the session of the bearer token: the same token is refused from now on. Public so
   * that an expired or already-ended token gets a quiet 204 rather than an error.
   */
  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(@Req() request: Request, @CorrelationId() correlationId: string): Promise<void> {
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (token) await this.commands.execute(new Logout(token, correlationId));
  }

  /** Every other session of the caller ends; the answer is a fresh token for this one. */
  @Post('me/password')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ type: AccessTokenResponse })
  @Permission('me.password')
  changePassword(
    @Body() body: ChangePasswordBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<PasswordChanged> {
    return this.commands.execute(
      new ChangePassword(
        actorMetaOf(principal, correlationId),
        body.currentPassword,
        body.newPassword,
      ),
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

  /** Disabled: no new login, and the user's live sessions end at once. */
  @Post('users/:id/disable')
  @HttpCode(204)
  @ApiBearerAuth()
  @Permission('user.manage')
  async disableUser(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<void> {
    await this.commands.execute(new DisableUser(actorMetaOf(principal, correlationId), id));
  }

  /** An admin ends every session of one user (a lost phone, a shared password). */
  @Post('users/:id/sign-out-everywhere')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ type: SessionsEndedResponse })
  @Permission('user.manage')
  signOutEverywhere(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<SignedOut> {
    return this.commands.execute(new SignOutEverywhere(actorMetaOf(principal, correlationId), id));
  }

  /** How long a session may sit idle and live at most; sessions started from now on. */
  @Put('tenant/session-policy')
  @ApiBearerAuth()
  @Permission('tenant-sessions.update')
  updateSessionPolicy(
    @Body() body: SessionPolicyBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<TenantSessionPolicy> {
    return this.commands.execute(
      new UpdateSessionPolicy(actorMetaOf(principal, correlationId), {
        idleMinutes: body.idleMinutes,
        absoluteHours: body.absoluteHours,
      }),
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
