import {
  addDays,
  addMonths,
  dec,
  generateSchedule,
  type Installment,
  parseLocalDate,
} from '@qingshou/ledger';
import { mobile, personName, residentId, socialCreditCode } from './identities';
import type {
  DemoAccount,
  DemoDebtor,
  DemoGroup,
  DemoPayment,
  DemoPortfolio,
  DemoRelatedParty,
} from './portfolio.types';
import { Prng } from './prng';

/** [min dpd, max dpd, weight]: how the overdue part of a book spreads over the DPD buckets. */
export type DpdBuckets = readonly (readonly [number, number, number])[];

export const TYPICAL_BUCKETS: DpdBuckets = [
  [1, 30, 45],
  [31, 60, 20],
  [61, 90, 12],
  [91, 180, 13],
  [181, 360, 10],
];

/** 0 (current) with probability `currentShare`, else a DPD drawn from the buckets. */
export function drawDpd(rng: Prng, currentShare: number, buckets = TYPICAL_BUCKETS): number {
  const current = rng.chance(currentShare);
  const [min, max] = rng.weighted(buckets.map((b) => [b, b[2]] as const));
  const dpd = rng.int(min, max);
  return current ? 0 : dpd;
}

/** The date `dpd` days before today, moved back to day 28 when later in the month. */
export function overdueAnchor(today: string, dpd: number): string {
  const target = addDays(today, -dpd);
  const { day } = parseLocalDate(target);
  return day > 28 ? `${target.slice(0, 8)}28` : target;
}

/** The first date after today that falls on `day` (1–28) of a month. */
export function nextOnDay(today: string, day: number): string {
  const candidate = `${today.slice(0, 8)}${String(day).padStart(2, '0')}`;
  return candidate > today ? candidate : addMonths(candidate, 1);
}

export interface MonthlyTerms {
  readonly principal: string;
  readonly annualRate: string;
  readonly termMonths: number;
  readonly method: 'equal-installment' | 'equal-principal' | 'interest-only';
  /** 0: current; else days past due of the first unpaid installment. */
  readonly dpd: number;
  /** The longest history to generate, in installments already due (default the term). */
  readonly maxElapsed?: number;
}

export interface LoanShape {
  readonly startDate: string;
  readonly schedule: Installment[];
  readonly payments: DemoPayment[];
  readonly scheduleParams: Record<string, unknown>;
}

/**
 * A monthly loan whose installments due so far were paid on their due dates, except — when
 * dpd > 0 — the one that fell due `dpd` days ago and everything after it (sometimes with a
 * part payment), so the ledger itself yields that DPD. The number of random draws does not
 * depend on today, so amounts stay identical from day to day.
 */
export function monthlyLoan(rng: Prng, today: string, terms: MonthlyTerms): LoanShape {
  const maxElapsed = Math.min(terms.maxElapsed ?? terms.termMonths, terms.termMonths);
  const day = rng.int(1, 28);
  const elapsedDraw = rng.next();
  const partial = rng.chance(0.2);
  const partialDay = rng.int(1, 20);
  let startDate: string;
  let paidThrough: number;
  if (terms.dpd === 0) {
    const unpaid = 1 + Math.floor(elapsedDraw * Math.min(maxElapsed, terms.termMonths - 1));
    startDate = addMonths(nextOnDay(today, day), -unpaid);
    paidThrough = unpaid - 1;
  } else {
    const first = 1 + Math.floor(elapsedDraw * maxElapsed);
    startDate = addMonths(overdueAnchor(today, terms.dpd), -first);
    paidThrough = first - 1;
  }
  const schedule = generateSchedule({
    method: terms.method,
    principal: terms.principal,
    annualRate: terms.annualRate,
    termMonths: terms.termMonths,
    startDate,
  });
  const payments = paidInstallments(schedule, paidThrough);
  const missed = schedule[paidThrough];
  if (terms.dpd > 2 && partial && missed) payments.push(partPayment(missed, terms.dpd, partialDay));
  return {
    startDate,
    schedule,
    payments,
    scheduleParams: { method: terms.method, termMonths: terms.termMonths },
  };
}

/** One installment: principal (and interest) due on a date — a receivable or a card debt. */
export function singleDue(
  rng: Prng,
  today: string,
  principal: string,
  dpd: number,
  opts: { interest?: string; leadMonths: number; aheadDays?: [number, number] },
): LoanShape {
  const ahead = opts.aheadDays ?? [1, 120];
  const aheadDraw = rng.int(ahead[0], ahead[1]);
  const partial = rng.chance(0.25);
  const partialDay = rng.int(1, 25);
  const dueDate = dpd === 0 ? addDays(today, aheadDraw) : overdueAnchor(today, dpd);
  const schedule: Installment[] = [
    { seq: 1, dueDate, principal, interest: opts.interest ?? '0.00' },
  ];
  const payments: DemoPayment[] = [];
  if (dpd > 2 && partial) payments.push(partPayment(schedule[0], dpd, partialDay));
  return {
    startDate: addMonths(dueDate, -opts.leadMonths),
    schedule,
    payments,
    scheduleParams: { method: 'given' },
  };
}

/** 利随本清: one bullet at maturity; overdue ones matured `dpd` days ago. */
export function bulletLoan(
  rng: Prng,
  today: string,
  terms: { principal: string; annualRate: string; termMonths: number; dpd: number },
): LoanShape {
  const aheadDraw = rng.int(1, terms.termMonths * 30 - 1);
  const partial = rng.chance(0.35);
  const partialDay = rng.int(1, 60);
  const maturity = terms.dpd === 0 ? addDays(today, aheadDraw) : overdueAnchor(today, terms.dpd);
  const { day } = parseLocalDate(maturity);
  const safe = day > 28 ? `${maturity.slice(0, 8)}28` : maturity;
  const startDate = addMonths(safe, -terms.termMonths);
  const schedule = generateSchedule({
    method: 'bullet',
    principal: terms.principal,
    annualRate: terms.annualRate,
    termMonths: terms.termMonths,
    startDate,
    interestPayment: 'maturity',
  });
  const payments: DemoPayment[] = [];
  if (terms.dpd > 2 && partial) payments.push(partPayment(schedule[0], terms.dpd, partialDay));
  return {
    startDate,
    schedule,
    payments,
    scheduleParams: { method: 'bullet', termMonths: terms.termMonths, interestPayment: 'maturity' },
  };
}

/** Installments 1..n paid in full on their due dates. */
export function paidInstallments(schedule: readonly Installment[], n: number): DemoPayment[] {
  return schedule.slice(0, n).map((row) => ({
    paidOn: row.dueDate,
    amount: dec(row.principal).plus(row.interest).toFixed(2),
  }));
}

/** A part payment (a fifth to a half of the missed installment) some days after it fell due. */
function partPayment(missed: Installment, dpd: number, dayDraw: number): DemoPayment {
  const share = 0.2 + (dayDraw % 7) * 0.05;
  const amount = dec(missed.principal).plus(missed.interest).mul(share).toDecimalPlaces(2);
  const after = Math.min(dayDraw, dpd - 1);
  return { paidOn: addDays(missed.dueDate, after), amount: amount.toFixed(2) };
}

/** Collects groups, debtors and accounts with ids drawn from the tenant's stream. */
export class PortfolioBuilder {
  readonly groups: DemoGroup[] = [];
  readonly debtors: DemoDebtor[] = [];
  readonly accounts: DemoAccount[] = [];
  private readonly idNumbers = new Set<string>();
  private readonly refs = new Set<string>();

  constructor(
    readonly rng: Prng,
    readonly today: string,
  ) {}

  group(type: string, code: string, name: string): DemoGroup {
    const group = { id: this.rng.uuid(), type, code, name };
    this.groups.push(group);
    return group;
  }

  person(opts: {
    regions: readonly string[];
    born: [number, number];
    address: string;
    groups?: readonly DemoGroup[];
    attributes?: Record<string, string>;
    relatedParties?: DemoRelatedParty[];
    name?: string;
  }): DemoDebtor {
    const debtor: DemoDebtor = {
      id: this.rng.uuid(),
      kind: 'person',
      name: opts.name ?? personName(this.rng),
      idNumber: residentId(this.rng, opts.regions, opts.born[0], opts.born[1], this.idNumbers),
      phones: [mobile(this.rng)],
      address: opts.address,
      groupIds: (opts.groups ?? []).map((g) => g.id),
      attributes: opts.attributes,
      relatedParties: opts.relatedParties,
    };
    this.debtors.push(debtor);
    return debtor;
  }

  organisation(opts: {
    name: string;
    region: string;
    address: string;
    groups?: readonly DemoGroup[];
  }): DemoDebtor {
    const debtor: DemoDebtor = {
      id: this.rng.uuid(),
      kind: 'organisation',
      name: opts.name,
      idNumber: socialCreditCode(this.rng, opts.region, this.idNumbers),
      phones: [mobile(this.rng)],
      address: opts.address,
      groupIds: (opts.groups ?? []).map((g) => g.id),
      relatedParties: [
        {
          kind: 'emergency-contact',
          relation: '财务负责人',
          name: personName(this.rng),
          phone: mobile(this.rng),
        },
      ],
    };
    this.debtors.push(debtor);
    return debtor;
  }

  relative(kind: DemoRelatedParty['kind'], relation: string): DemoRelatedParty {
    return { kind, relation, name: personName(this.rng), phone: mobile(this.rng) };
  }

  account(
    debtor: DemoDebtor,
    opts: Omit<
      DemoAccount,
      'id' | 'debtorId' | 'startDate' | 'schedule' | 'payments' | 'scheduleParams' | 'method'
    > & {
      method?: DemoAccount['method'];
    },
    shape: LoanShape,
  ): DemoAccount {
    if (this.refs.has(opts.externalRef)) throw new Error(`duplicate demo ref ${opts.externalRef}`);
    this.refs.add(opts.externalRef);
    const method = (opts.method ?? shape.scheduleParams.method) as DemoAccount['method'];
    const account: DemoAccount = {
      ...opts,
      id: this.rng.uuid(),
      debtorId: debtor.id,
      method,
      startDate: shape.startDate,
      schedule: shape.schedule,
      payments: shape.payments,
      scheduleParams: shape.scheduleParams,
    };
    this.accounts.push(account);
    return account;
  }

  build(): DemoPortfolio {
    return { groups: this.groups, debtors: this.debtors, accounts: this.accounts };
  }
}
