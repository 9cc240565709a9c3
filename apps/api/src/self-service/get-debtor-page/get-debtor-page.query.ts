/** What the debtor's page shows, for a verified session of this link. */
export class GetDebtorPage {
  constructor(
    readonly token: string,
    readonly sessionId: string | undefined,
    readonly ip: string,
    readonly correlationId: string,
  ) {}
}

export interface DebtorAccountLine {
  readonly accountId: string;
  /** 尾号1234: the contract's last four characters, nothing more. */
  readonly label: string;
  readonly principal: string;
  readonly interest: string;
  readonly penalty: string;
  readonly fees: string;
  readonly dueToday: string;
  readonly total: string;
}

export interface DebtorPageView {
  readonly caseId: string;
  readonly linkId: string;
  readonly maskedName: string;
  readonly officeName: string;
  readonly timeZone: string;
  readonly asOf: string;
  readonly accounts: readonly DebtorAccountLine[];
  readonly totals: Omit<DebtorAccountLine, 'accountId' | 'label'>;
  readonly notices: readonly { readonly sentOn: string; readonly title: string }[];
  readonly plan: {
    readonly status: string;
    readonly total: string;
    readonly instalments: readonly { seq: number; dueOn: string; amount: string; status: string }[];
  } | null;
  readonly actions: readonly string[];
  readonly rules: {
    readonly maxInstalments: number;
    readonly minDownPaymentShare: string;
    readonly minInstalment: string;
    readonly autoAgreePlansUpTo: string | null;
    readonly contactHours: { readonly start: string; readonly end: string };
    readonly disputeKinds: readonly string[];
  };
}
