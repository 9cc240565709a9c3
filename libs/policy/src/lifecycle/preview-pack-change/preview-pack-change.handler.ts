import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { PackLoader } from '../../loader/pack-loader';
import { diffPacks, PackDiff } from '../pack-diff';
import { activeInstallation } from '../support/installations';
import { PreviewPackChange } from './preview-pack-change.query';

export interface PackChangePreview extends PackDiff {
  /** The installation the preview compares with; pass it to the upgrade as `basedOn`. */
  readonly basedOn: string | null;
}

/** Writes nothing: loads the candidate, diffs it against the pinned snapshot. */
@QueryHandler(PreviewPackChange)
export class PreviewPackChangeHandler implements IQueryHandler<
  PreviewPackChange,
  PackChangePreview
> {
  constructor(
    private readonly tx: TenantTx,
    private readonly loader: PackLoader,
  ) {}

  async execute(query: PreviewPackChange): Promise<PackChangePreview> {
    requirePermission(viewerOf(query), 'pack.diff');
    const candidate = this.loader.loadForTenant(query.packId, query.version, query.params);
    const current = await this.tx.run(query.tenantId, (em) =>
      activeInstallation(em, query.tenantId),
    );
    return { basedOn: current?.id ?? null, ...diffPacks(current?.resolved ?? null, candidate) };
  }
}
