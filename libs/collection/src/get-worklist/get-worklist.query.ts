import { ActorMeta, CollectionQuery } from '../domain/collection-command';
import type { Page } from '../domain/cursor';
import type { WorklistItem } from '../domain/read-models';

/** Narrowing the day's list (议题 11 §9: 100+ tasks on a phone need a filter). */
export interface WorklistFilters {
  /** One task kind (call, visit, or a pack's own). */
  readonly kind?: string;
  /** `overdue`: due before today; `today`: due today. */
  readonly due?: 'overdue' | 'today';
  /** The case's days past due, inclusive bounds. */
  readonly minDpd?: number;
  readonly maxDpd?: number;
}

/**
 * My open tasks due today or overdue, in the tenant's time zone, highest priority first
 * (篇八: the collector starts from the system's prompts each day).
 */
export class GetWorklist extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly cursor?: string,
    readonly limit?: number,
    readonly filters: WorklistFilters = {},
  ) {
    super(meta);
  }
}

/** A page of the worklist with the count across every page (共 N 项, issue 11 §9). */
export interface WorklistPage extends Page<WorklistItem> {
  /** Tasks matching the same filters, on all pages. */
  readonly total: number;
  /** Of those, due before the tenant's today. */
  readonly overdueTotal: number;
}
