import { EntityManager } from '@mikro-orm/postgresql';
import type { PaymentView } from './record-payment.command';

const COLUMNS = `id, account_id, source, external_ref, paid_on, amount, reverses_payment_id, note`;

type Row = Record<string, string | null>;

export function toPaymentView(row: Row): PaymentView {
  return {
    id: String(row.id),
    accountId: String(row.account_id),
    source: String(row.source),
    externalRef: String(row.external_ref),
    paidOn: String(row.paid_on),
    amount: String(row.amount),
    reversesPaymentId: row.reverses_payment_id,
    note: row.note,
  };
}

export async function findPayment(
  em: EntityManager,
  tenantId: string,
  where: { id: string } | { source: string; externalRef: string } | { reverses: string },
): Promise<PaymentView | undefined> {
  const [clause, params] =
    'id' in where
      ? ['id = ?', [where.id]]
      : 'reverses' in where
        ? ['reverses_payment_id = ?', [where.reverses]]
        : ['source = ? and external_ref = ?', [where.source, where.externalRef]];
  const [row] = await em.execute<Row[]>(
    `select ${COLUMNS} from payments where tenant_id = ? and ${clause}`,
    [tenantId, ...params],
  );
  return row ? toPaymentView(row) : undefined;
}

/**
 * Inserts unless (source, external_ref) or the reversal target is already taken; returns
 * whether a row was written. ON CONFLICT waits for a concurrent writer of the same key and
 * then does nothing, so two simultaneous deliveries of one bank receipt produce one row.
 */
export async function insertPaymentIfNew(
  em: EntityManager,
  row: PaymentView & { tenantId: string; recordedBy: string; recordedAt: Date },
): Promise<boolean> {
  const inserted = await em.execute(
    `insert into payments (tenant_id, id, account_id, source, external_ref, paid_on, amount,
       reverses_payment_id, note, recorded_by, recorded_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict do nothing
     returning id`,
    [
      row.tenantId,
      row.id,
      row.accountId,
      row.source,
      row.externalRef,
      row.paidOn,
      row.amount,
      row.reversesPaymentId,
      row.note,
      row.recordedBy,
      row.recordedAt,
    ],
  );
  return inserted.length === 1;
}
