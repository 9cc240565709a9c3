import type { UploadedFile } from '@qingshou/collection';

export type DebtorAction = 'promise' | 'plan' | 'dispute' | 'callback';

/** What the debtor typed, as text; the handler checks it and words every refusal in Chinese. */
export interface DebtorActInput {
  /** promise: 承诺金额 and 承诺日期. */
  readonly amount?: string;
  readonly dueOn?: string;
  /** plan: 首付, 期数, 首期还款日. */
  readonly downPayment?: string;
  readonly count?: string;
  readonly firstDueOn?: string;
  /** dispute: which account, which kind, what the debtor says, the documents. */
  readonly accountId?: string;
  readonly kind?: string;
  readonly note?: string;
  readonly files?: readonly UploadedFile[];
  /** callback: 日期 and 时间 (HH:mm) in the office's zone, inside its contact hours. */
  readonly date?: string;
  readonly time?: string;
}

/**
 * The debtor acts on their own case: each action goes through the console's own command
 * (RecordPromise, ProposePlan + AgreePlan, RaiseDispute, CreateTask) under the actor
 * `debtor-self:<link>`, once this handler has decided the link, the session and the pack allow it.
 */
export class DebtorAct {
  constructor(
    readonly token: string,
    readonly sessionId: string | undefined,
    readonly ip: string,
    readonly correlationId: string,
    readonly action: DebtorAction,
    readonly input: DebtorActInput,
  ) {}
}

export type DebtorActResult =
  | { readonly ok: true; readonly outcome: string }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> }
  /** No usable session or link: the page says the link is not valid (one answer). */
  | null;
