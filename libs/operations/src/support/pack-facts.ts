import { EntityManager } from '@mikro-orm/postgresql';

/** The bits of the tenant's pinned pack the run's own SQL needs; null when none is installed. */
export interface PackFacts {
  readonly ref: string;
  readonly caseScope: 'debtor' | 'account';
  /** Account types the pack collects; empty: every type. */
  readonly accountTypes: readonly string[];
}

export async function pinnedPackFacts(
  em: EntityManager,
  tenantId: string,
): Promise<PackFacts | null> {
  const [row] = await em.execute<
    {
      pack_id: string;
      version: string;
      case_scope: string | null;
      account_types: string[] | null;
    }[]
  >(
    `select pack_id, version, resolved->'spec'->>'caseScope' as case_scope,
            array(select jsonb_array_elements_text(coalesce(resolved->'spec'->'accountTypes', '[]'))) as account_types
     from pack_installations where tenant_id = ? and status = 'active'`,
    [tenantId],
  );
  if (!row) return null;
  return {
    ref: `${row.pack_id}@${row.version}`,
    caseScope: row.case_scope === 'per-debtor' ? 'debtor' : 'account',
    accountTypes: row.account_types ?? [],
  };
}

/** `{a,b}` for a uuid[]/text[] parameter (ids and slugs only: no quoting needed). */
export const pgArray = (values: readonly string[]) => `{${values.join(',')}}`;
