import { addDays, dec, formatMoney, type LocalDate } from '@qingshou/ledger';

export interface JudgedInstalment {
  readonly seq: number;
  readonly dueOn: LocalDate;
  readonly amount: string;
}

export interface Receipt {
  readonly paidOn: LocalDate;
  /** A reversal is negative: it takes the money back on its own day. */
  readonly amount: string;
}

export interface PlanJudgement {
  readonly instalments: {
    seq: number;
    paid: string;
    status: 'pending' | 'kept' | 'missed';
    keptOn: LocalDate | null;
  }[];
  readonly status: 'active' | 'kept' | 'broken';
  /** The day after the grace of the first instalment still short then. */
  readonly brokenOn: LocalDate | null;
  /** The day the receipts reached the plan's total. */
  readonly keptOn: LocalDate | null;
  readonly missedSeq: number | null;
}

/**
 * A plan as of `asOf`: receipts (from the plan's start, oldest first) fill the instalments in
 * order. Instalment i is kept on the first day the running receipts reach the sum of the
 * amounts through i; it is missed when that has not happened by its due day + grace, and
 * the plan breaks the next day — a date fixed by the ledger, not by when the run looked.
 */
export function judgePlan(
  instalments: readonly JudgedInstalment[],
  receipts: readonly Receipt[],
  graceDays: number,
  asOf: LocalDate,
): PlanJudgement {
  const sorted = [...receipts]
    .filter((r) => r.paidOn <= asOf)
    .sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0));
  const receivedBy = (day: LocalDate) =>
    sorted.filter((r) => r.paidOn <= day).reduce((s, r) => s.plus(r.amount), dec('0'));
  const total = receivedBy(asOf);
  let cumulative = dec('0');
  let brokenOn: LocalDate | null = null;
  let missedSeq: number | null = null;
  const out: PlanJudgement['instalments'] = [];
  for (const i of instalments) {
    const before = cumulative;
    cumulative = cumulative.plus(i.amount);
    const paid = total.lte(before)
      ? dec('0')
      : total.gte(cumulative)
        ? dec(i.amount)
        : total.minus(before);
    let keptOn: LocalDate | null = null;
    let running = dec('0');
    for (const r of sorted) {
      running = running.plus(r.amount);
      if (running.gte(cumulative)) {
        keptOn = r.paidOn;
        break;
      }
    }
    const deadline = addDays(i.dueOn, graceDays);
    const missed =
      brokenOn === null && addDays(deadline, 1) <= asOf && receivedBy(deadline).lt(cumulative);
    if (missed) {
      brokenOn = addDays(deadline, 1);
      missedSeq = i.seq;
    }
    out.push({
      seq: i.seq,
      paid: formatMoney(paid),
      status:
        keptOn !== null && (brokenOn === null || keptOn < brokenOn)
          ? 'kept'
          : missed
            ? 'missed'
            : 'pending',
      keptOn: keptOn !== null && (brokenOn === null || keptOn < brokenOn) ? keptOn : null,
    });
  }
  const allKept = brokenOn === null && out.every((i) => i.status === 'kept');
  return {
    instalments: out,
    status: brokenOn !== null ? 'broken' : allKept ? 'kept' : 'active',
    brokenOn,
    keptOn: allKept ? (out[out.length - 1]?.keptOn ?? null) : null,
    missedSeq,
  };
}
