import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { LedgerTerms, PackTermsSource, type TenantTerms } from '@qingshou/ledger';
import { InstallationTermsRow, tenantTermsOf } from './terms-of-installation';

/** How many tenants' terms stay in memory. */
const CACHE_LIMIT = 256;

/**
 * The ledger's PackTermsSource: the tenant's pinned packs (pack_installations, never the
 * files in policies/), every installation it ever pinned, so a balance prices each day on
 * the terms in force that day. One small query per call checks which installations exist;
 * their terms are read from the snapshots again only when that list changes (an install or
 * an upgrade), so the daily run's thousand chunks cost one cheap query each.
 */
@Injectable()
export class PackLedgerTerms extends PackTermsSource implements OnModuleInit {
  private readonly cache = new Map<string, { signature: string; terms: TenantTerms }>();

  constructor(private readonly registry: LedgerTerms) {
    super();
  }

  onModuleInit(): void {
    this.registry.use(this);
  }

  async termsOf(em: EntityManager, tenantId: string): Promise<TenantTerms> {
    const [head] = await em.execute<{ signature: string | null; time_zone: string }[]>(
      `select t.time_zone,
              (select string_agg(p.id::text || ':' || p.digest, ',' order by p.installed_at, p.id)
               from pack_installations p where p.tenant_id = t.id) as signature
       from tenants t where t.id = ?`,
      [tenantId],
    );
    if (!head?.signature) return { periods: [] };
    const signature = `${head.time_zone}|${head.signature}`;
    const cached = this.cache.get(tenantId);
    if (cached?.signature === signature) return cached.terms;
    const rows = await em.execute<InstallationTermsRow[]>(
      `select pack_id, version, installed_at,
              resolved->'spec'->'interest' as interest,
              resolved->'spec'->'calendar'->'dayCountBasis' as day_count_basis,
              resolved->'spec'->'classification' as classification
       from pack_installations where tenant_id = ? order by installed_at, id`,
      [tenantId],
    );
    const terms = tenantTermsOf(rows, head.time_zone);
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(tenantId, { signature, terms });
    return terms;
  }
}
