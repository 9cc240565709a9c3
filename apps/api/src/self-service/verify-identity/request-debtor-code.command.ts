/**
 * Step 1 of the debtor's page: the last characters of the ID number (or credit code) typed;
 * when they match, a one-time code goes to the phone on file. The answer is the same whether
 * the link exists, matched or not — the page always moves on to the code.
 */
export class RequestDebtorCode {
  constructor(
    readonly token: string,
    readonly idTail: string,
    readonly ip: string,
    readonly correlationId: string,
  ) {}
}
