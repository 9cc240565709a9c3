import { ActorMeta, CollectionQuery } from '@qingshou/collection';

/** An agency case's dates: 委案 (opened), 留案 (kept until), 退案 (back to the client). */
export interface CaseDates {
  readonly openedOn: string;
  /** 委案日期 + the pack's retentionDays; null: the pack declares none. */
  readonly retainUntil: string | null;
  /** The batch's 退案日期, else 委案日期 + returnAfterDays; null: neither. */
  readonly returnOn: string | null;
}

/** For the case page's 案件操作 panel (the same figures as the supervisor's pool). */
export class GetCaseDates extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
  ) {
    super(meta);
  }
}
