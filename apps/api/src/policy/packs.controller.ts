import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ActorMeta, ForbiddenError, Principal } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import {
  AvailablePack,
  GetCurrentPack,
  InstallationView,
  InstalledPack,
  InstallPack,
  ListAvailablePacks,
  ListPackInstallations,
  PackChangePreview,
  PreviewPackChange,
  tenantIdBySlug,
  UpgradedPack,
  UpgradePack,
} from '@qingshou/policy';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { InstallPackBody, PackDiffBody, UpgradePackBody } from './packs.dto';

/**
 * Policy packs: what is available, what a tenant runs, install, preview and upgrade.
 * A tenant admin acts on its own tenant only; a platform admin on any.
 */
@ApiTags('policy packs')
@ApiBearerAuth()
@Controller()
export class PacksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly tx: TenantTx,
  ) {}

  /** The tenant a slug names, if the caller may manage it; refused before any lookup otherwise. */
  private async target(principal: Principal, slug: string): Promise<string> {
    if (principal.roles.includes('platform-admin')) return tenantIdBySlug(this.tx, slug);
    if (principal.tenantSlug !== slug) {
      throw new ForbiddenError("A tenant admin manages only its own tenant's pack");
    }
    return principal.tenantId;
  }

  /** The caller's viewer, acting on `tenantId` (a platform admin's may be another tenant). */
  private meta(principal: Principal, tenantId: string, correlationId: string): ActorMeta {
    return { tenantId, actorId: principal.userId, correlationId, roles: principal.roles };
  }

  @Get('packs/available')
  @Permission('pack.list-available')
  available(
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<AvailablePack[]> {
    return this.queries.execute(
      new ListAvailablePacks(this.meta(principal, principal.tenantId, correlationId), true),
    );
  }

  @Get('packs/current')
  @Permission('pack.read-current')
  async current(
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Query('tenant') tenant?: string,
  ): Promise<InstallationView> {
    const tenantId = tenant ? await this.target(principal, tenant) : principal.tenantId;
    return this.queries.execute(new GetCurrentPack(this.meta(principal, tenantId, correlationId)));
  }

  /** A query with a body: 200, writes nothing. */
  @Post('packs/diff')
  @HttpCode(200)
  @Permission('pack.diff')
  async diff(
    @Body() body: PackDiffBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<PackChangePreview> {
    const tenantId = body.tenant ? await this.target(principal, body.tenant) : principal.tenantId;
    return this.queries.execute(
      new PreviewPackChange(
        this.meta(principal, tenantId, correlationId),
        body.pack,
        body.version,
        body.params ?? {},
      ),
    );
  }

  @Get('tenants/:slug/packs')
  @Permission('pack.read-installed')
  async history(
    @Param('slug') slug: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<InstallationView[]> {
    const tenantId = await this.target(principal, slug);
    return this.queries.execute(
      new ListPackInstallations(this.meta(principal, tenantId, correlationId)),
    );
  }

  @Post('tenants/:slug/packs')
  @Permission('pack.install')
  async install(
    @Param('slug') slug: string,
    @Body() body: InstallPackBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<InstalledPack> {
    const tenantId = await this.target(principal, slug);
    return this.commands.execute(
      new InstallPack(
        this.meta(principal, tenantId, correlationId),
        principal.tenantId,
        body.pack,
        body.version,
        body.params ?? {},
      ),
    );
  }

  @Post('tenants/:slug/packs/upgrade')
  @Permission('pack.upgrade')
  async upgrade(
    @Param('slug') slug: string,
    @Body() body: UpgradePackBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<UpgradedPack> {
    const tenantId = await this.target(principal, slug);
    return this.commands.execute(
      new UpgradePack(
        this.meta(principal, tenantId, correlationId),
        principal.tenantId,
        body.pack,
        body.version,
        body.params ?? {},
        body.basedOn,
      ),
    );
  }
}
