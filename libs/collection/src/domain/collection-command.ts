import { ActorCommand, ActorQuery } from '@qingshou/core';

/**
 * Case work depends on who asks, not only on which user: a collector sees only their own
 * cases (篇八). Collection commands and queries carry the viewer (core's ActorCommand);
 * the viewer, its meta and the visibility rule live in @qingshou/core (one definition).
 */
export type { ActorMeta, Viewer } from '@qingshou/core';
export { viewerOf } from '@qingshou/core';

export abstract class CollectionCommand extends ActorCommand {}

export abstract class CollectionQuery extends ActorQuery {}
