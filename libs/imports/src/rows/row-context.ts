import type { FieldValue, RowError } from '../support/tabular';

/** Where a canonical field came from in this file: its header as the user sees it. */
export type HeaderOf = (field: string) => string;

/**
 * One record under domain validation: collects every problem of the row (like the ledger's
 * InputCheck does for a command) so the report names each bad cell, not just the first.
 */
export class RowCheck {
  readonly errors: RowError[] = [];

  constructor(
    readonly rowNumber: number,
    readonly record: Readonly<Record<string, FieldValue>>,
    private readonly headerOf: HeaderOf,
  ) {}

  get ok(): boolean {
    return this.errors.length === 0;
  }

  fail(field: string, reason: string, reasonZh: string, value?: FieldValue): void {
    const cell = value === undefined ? this.record[field] : value;
    this.errors.push({
      row: this.rowNumber,
      column: this.headerOf(field),
      field,
      value: cell === null || cell === undefined ? '' : String(cell),
      reason,
      reasonZh,
    });
  }

  text(field: string): string | null {
    const value = this.record[field];
    return value === null || value === undefined || value === '' ? null : String(value);
  }

  /** A value the mapping marks optional but this row needs. */
  need(field: string, what: string): string | null {
    const value = this.text(field);
    if (value === null) this.fail(field, `${what} is required`, `缺少${what}`);
    return value;
  }

  integer(field: string): number | null {
    const value = this.record[field];
    return typeof value === 'number' ? value : null;
  }
}
