import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { ActivePacks } from '../support/active-packs';
import { GetPackVocabulary, LocalizedName, PackVocabulary } from './get-pack-vocabulary.query';

type Named = { names?: { zh: string; en?: string } };

/** A code without a name of its own keeps its code, in both languages. */
function namesOf<T extends Named>(items: readonly T[], code: (item: T) => string) {
  const out: Record<string, LocalizedName> = {};
  for (const item of items) {
    const id = code(item);
    out[id] = { zh: item.names?.zh ?? id, en: item.names?.en ?? item.names?.zh ?? id };
  }
  return out;
}

@QueryHandler(GetPackVocabulary)
export class GetPackVocabularyHandler implements IQueryHandler<GetPackVocabulary, PackVocabulary> {
  constructor(
    private readonly tx: TenantTx,
    private readonly packs: ActivePacks,
  ) {}

  async execute(query: GetPackVocabulary): Promise<PackVocabulary> {
    requirePermission(viewerOf(query), 'pack.read-current');
    const active = await this.tx.run(query.tenantId, (em) => this.packs.active(em, query.tenantId));
    const spec = active?.pack.spec;
    if (!spec) return { stages: {}, taskKinds: {}, approvalKinds: {}, flags: {} };
    return {
      stages: namesOf(spec.stages, (s) => s.id),
      taskKinds: namesOf(spec.taskKinds, (k) => k.code),
      approvalKinds: namesOf(spec.approvals, (a) => a.kind),
      flags: namesOf(spec.flags, (f) => f.id),
      countInstallments: spec.classification?.countInstallments === true,
      ...(spec.collectorTitle ? { collectorTitle: spec.collectorTitle } : {}),
      attributes: Object.fromEntries(
        spec.attributes
          .filter((a) => a.type === 'enum')
          .map((a) => [
            a.key,
            {
              name: { zh: a.names.zh, en: a.names.en },
              values: Object.fromEntries(
                (a.values ?? []).map((v) => [v.code, { zh: v.zh, en: v.en }]),
              ),
            },
          ]),
      ),
    };
  }
}
