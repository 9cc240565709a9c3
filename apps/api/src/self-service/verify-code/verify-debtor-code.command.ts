/** Step 2: the one-time code; right → a short session bound to this link and case. */
export class VerifyDebtorCode {
  constructor(
    readonly token: string,
    readonly code: string,
    readonly ip: string,
    readonly correlationId: string,
  ) {}
}

/** The session id for the page's cookie; null for any refusal (one answer for all). */
export type VerifyDebtorCodeResult = { readonly sessionId: string } | null;
