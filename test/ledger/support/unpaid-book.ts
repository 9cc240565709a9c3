import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';

/** The business date every balance of the book is computed as of. */
export const AS_OF = '2026-12-08';

export interface Book {
  readonly ids: string[];
  /** Accounts with no receipt, reversal or fee (the set-based candidates). */
  readonly unpaid: string[];
  readonly cases: {
    /** Penalty exactly 0.015 over one piece. */
    tie: string;
    /** Penalty and compound exactly 0.015 each over one piece. */
    compoundTie: string;
    /** Penalty exactly 0.025 over three 1-day pieces. */
    tieOverPieces: string;
    dueToday: string;
    /** Principal 1,000.00, schedule 999.99: the calculator refuses it. */
    mismatch: string;
  };
  readonly accounts: Record<string, unknown>[];
  readonly installments: Record<string, unknown>[];
  readonly payments: Record<string, unknown>[];
  readonly fees: Record<string, unknown>[];
}

interface Terms {
  rate: string;
  markup: string;
  compound: boolean;
  basis: 360 | 365;
  own: string[];
}

/** A deterministic chunk (seeded PRNG) plus the hand-made rounding and refusal cases. */
export function generateBook(seed: number, count: number): Book {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]) => list[int(0, list.length - 1)];
  const book: Book = {
    ids: [],
    unpaid: [],
    cases: { tie: '', compoundTie: '', tieOverPieces: '', dueToday: '', mismatch: '' },
    accounts: [],
    installments: [],
    payments: [],
    fees: [],
  };
  const add = (terms: Terms, dues: [number, number, number][], principal?: number) => {
    const id = randomUUID();
    const total = dues.reduce((s, d) => s + d[1], 0);
    book.ids.push(id);
    book.accounts.push({
      id,
      ref: `U-${book.ids.length}`,
      principal: fen(principal ?? total),
      rate: terms.rate,
      markup: terms.markup,
      compound: terms.compound,
      basis: terms.basis,
      own: terms.own,
      start: day(dues[0][0] - 30),
      method: dues.length === 1 ? 'bullet' : 'equal-principal',
    });
    dues.forEach(([offset, p, i], k) =>
      book.installments.push({
        account_id: id,
        seq: k + 1,
        due: day(offset),
        principal: fen(p),
        interest: fen(i),
      }),
    );
    return id;
  };
  const plain: Terms = { rate: '0.036', markup: '0.5', compound: false, basis: 360, own: [] };
  book.cases.tie = add(plain, [[-1, 10000, 0]]);
  book.cases.compoundTie = add({ ...plain, compound: true }, [[-1, 10000, 10000]]);
  book.cases.tieOverPieces = add({ ...plain, rate: '0.02' }, [
    [-3, 10000, 0],
    [-2, 10000, 0],
    [-1, 10000, 0],
  ]);
  book.cases.dueToday = add(plain, [[0, 10000, 5000]]);
  book.cases.mismatch = add(plain, [[-40, 99999, 0]], 100000);
  book.unpaid.push(...book.ids);

  for (let n = 0; n < count; n++) {
    const terms: Terms = {
      rate: pick(['0', '0.036', '0.0435', '0.072', '0.15', '0.24']),
      markup: pick(['0', '0.3', '0.5', '0.333333']),
      compound: rnd() < 0.5,
      basis: rnd() < 0.3 ? 365 : 360,
      own: rnd() < 0.3 ? ['penaltyMarkup'] : [],
    };
    const installments = rnd() < 0.4 ? 1 : int(2, 12);
    const first = int(-500, 90);
    const total = int(100, 50_000_000);
    const dues: [number, number, number][] = [];
    for (let k = 0; k < installments; k++) {
      const share = Math.floor(total / installments);
      const p = k === installments - 1 ? total - share * (installments - 1) : share;
      dues.push([first + 30 * k, p, rnd() < 0.2 ? 0 : int(1, 500_000)]);
    }
    // Now and then an installment of nothing (a grace month) ahead of others.
    if (installments > 2 && rnd() < 0.1) {
      dues[installments - 1][1] += dues[0][1];
      dues[0] = [dues[0][0], 0, 0];
    }
    const id = add(terms, dues);
    const kind = rnd();
    const firstDue = Math.min(first, 0);
    if (kind < 0.12) {
      for (let r = int(1, 3); r > 0; r--)
        addPayment(book, id, int(firstDue - 10, 0), int(1, 80_000));
    } else if (kind < 0.16) {
      const receipt = addPayment(book, id, int(firstDue - 10, -1), int(1, 200_000));
      addPayment(book, id, 0, -Number(receipt.cents), receipt.id as string);
    } else if (kind < 0.2) {
      book.fees.push({
        id: randomUUID(),
        account_id: id,
        seq: rnd() < 0.5 ? 1 : null,
        fee_date: day(int(firstDue, 0)),
        amount: fen(int(100, 30_000)),
      });
    } else {
      book.unpaid.push(id);
    }
  }
  return book;
}

function addPayment(
  book: Book,
  accountId: string,
  offset: number,
  cents: number,
  reverses: string | null = null,
): Record<string, unknown> {
  const row = {
    id: randomUUID(),
    account_id: accountId,
    ref: `P-${book.payments.length + 1}`,
    paid_on: day(offset),
    amount: fen(cents),
    cents,
    reverses,
    n: book.payments.length,
  };
  book.payments.push(row);
  return row;
}

/** The book's rows, as the superuser (past RLS), into the tenant's ledger tables. */
export async function insertBook(owner: Client, tenantId: string, book: Book): Promise<void> {
  const debtor = randomUUID();
  await owner.query(
    `insert into debtors (tenant_id, id, kind, name, id_number, created_at, created_by)
     values ($1, $2, 'person', '测试借款人', '11010519491231002X', now(), 'test')`,
    [tenantId, debtor],
  );
  await owner.query(
    `insert into accounts (tenant_id, id, debtor_id, type, source, external_ref, principal,
       annual_rate, day_count_basis, penalty_markup, compound_enabled, own_terms, start_date,
       repayment_method, created_at, created_by)
     select $1, a.id, $2, 'loan', 'unpaid-test', a.ref, a.principal, a.rate, a.basis, a.markup,
       a.compound, a.own, a.start, a.method, now(), 'test'
     from jsonb_to_recordset($3::jsonb) as a(id uuid, ref text, principal numeric, rate numeric,
       basis int, markup numeric, compound boolean, own text[], start date, method text)`,
    [tenantId, debtor, JSON.stringify(book.accounts)],
  );
  await owner.query(
    `insert into installments (tenant_id, account_id, seq, due_date, principal, interest)
     select $1, i.account_id, i.seq, i.due, i.principal, i.interest
     from jsonb_to_recordset($2::jsonb) as i(account_id uuid, seq int, due date,
       principal numeric, interest numeric)`,
    [tenantId, JSON.stringify(book.installments)],
  );
  await owner.query(
    `insert into payments (tenant_id, id, account_id, source, external_ref, paid_on, amount,
       reverses_payment_id, recorded_by, recorded_at)
     select $1, p.id, p.account_id, 'unpaid-test', p.ref, p.paid_on, p.amount, p.reverses,
       'test', now() + (p.n || ' ms')::interval
     from jsonb_to_recordset($2::jsonb) as p(id uuid, account_id uuid, ref text, paid_on date,
       amount numeric, reverses uuid, n int)`,
    [tenantId, JSON.stringify(book.payments)],
  );
  await owner.query(
    `insert into account_fees (tenant_id, id, account_id, seq, kind, fee_date, amount,
       recorded_by, recorded_at)
     select $1, f.id, f.account_id, f.seq, 'late-fee', f.fee_date, f.amount, 'test', now()
     from jsonb_to_recordset($2::jsonb) as f(id uuid, account_id uuid, seq int, fee_date date,
       amount numeric)`,
    [tenantId, JSON.stringify(book.fees)],
  );
}

function day(offset: number): string {
  const d = new Date(`${AS_OF}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

function fen(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
