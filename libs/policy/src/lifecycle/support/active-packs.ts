import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Module } from '@nestjs/common';
import type { ResolvedPack } from '../../loader/resolved-pack';

/** The tenant's active installation: its digest and the resolved pack pinned with it. */
export interface ActivePack {
  readonly digest: string;
  readonly pack: ResolvedPack;
}

/** How many tenants' resolved packs stay parsed in memory. */
const CACHE_LIMIT = 64;

/**
 * The tenant's pinned pack: `pack_installations.resolved` of its active row, never the files
 * in policies/ (DESIGN §5). One small query per call checks which installation is active; the
 * resolved JSON is read and parsed again only when that installation's digest changes. The
 * engine's PinnedPacks and the pack vocabulary read through this one cache.
 */
@Injectable()
export class ActivePacks {
  private readonly cache = new Map<string, ActivePack>();

  async active(em: EntityManager, tenantId: string): Promise<ActivePack | null> {
    const [row] = await em.execute<{ digest: string }[]>(
      `select digest from pack_installations where tenant_id = ? and status = 'active'`,
      [tenantId],
    );
    if (!row) return null;
    const cached = this.cache.get(tenantId);
    if (cached?.digest === row.digest) return cached;
    const [full] = await em.execute<{ resolved: ResolvedPack | string }[]>(
      `select resolved from pack_installations where tenant_id = ? and status = 'active'`,
      [tenantId],
    );
    const resolved = typeof full.resolved === 'string' ? JSON.parse(full.resolved) : full.resolved;
    const active: ActivePack = { digest: row.digest, pack: resolved as ResolvedPack };
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(tenantId, active);
    return active;
  }
}

/**
 * ActivePacks alone, so the engine's port module can share the one cache without loading the
 * pack lib's command handlers (PolicyModule imports and re-exports it).
 */
@Module({ providers: [ActivePacks], exports: [ActivePacks] })
export class ActivePacksModule {}
