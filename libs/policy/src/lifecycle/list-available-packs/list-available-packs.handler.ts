import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { PackLoader } from '../../loader/pack-loader';
import { summarizePack } from '../../loader/resolved-pack';
import { AvailablePack, ListAvailablePacks } from './list-available-packs.query';

/** Validates every pack on the way: a broken pack is listed with its problems, not hidden. */
@QueryHandler(ListAvailablePacks)
export class ListAvailablePacksHandler implements IQueryHandler<
  ListAvailablePacks,
  AvailablePack[]
> {
  constructor(private readonly loader: PackLoader) {}

  async execute(query: ListAvailablePacks): Promise<AvailablePack[]> {
    requirePermission(viewerOf(query), 'pack.list-available');
    const registry = this.loader.registry;
    const packs: AvailablePack[] = [];
    for (const id of registry.ids()) {
      const header = registry.header(id);
      if (!header || (!query.includeTest && header.audience === 'test')) continue;
      const result = this.loader.load(id, undefined, { mode: 'validate' });
      packs.push({
        id,
        version: header.version,
        names: header.names ?? null,
        description: header.description ?? null,
        audience: header.audience,
        extends: header.extends ?? null,
        valid: result.ok,
        problems: result.ok ? [] : result.problems,
        parameters: result.ok
          ? result.pack.spec.parameters.map((p) => ({
              name: p.name,
              type: p.type,
              default: p.default ?? null,
              required: p.required === true,
              description: p.description,
            }))
          : [],
        summary: result.ok ? summarizePack(result.pack) : null,
      });
    }
    return packs;
  }
}
