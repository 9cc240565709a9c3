import Decimal from 'decimal.js';
import { InstallmentDue, DueComponent } from '../allocation/allocation.types';
import { LocalDate } from '../local-date';
import { roundFen, ZERO } from '../money';
import { dayCompare as compareDates } from './day-index';

/**
 * Mutable running balance of one installment while the calculator walks the timeline.
 * Penalty and compound interest accrue unrounded between events and are rounded to the fen
 * ("billed") only when money is applied, so each settled amount is a whole-fen figure and
 * rounding happens once per accrual period, never per day.
 */
export class InstallmentState {
  fees: Decimal = ZERO;
  penalty: Decimal = ZERO;
  compound: Decimal = ZERO;
  private penaltyAccrued: Decimal = ZERO;
  private compoundAccrued: Decimal = ZERO;

  constructor(
    readonly seq: number,
    readonly dueDate: LocalDate,
    public principal: Decimal,
    public interest: Decimal,
  ) {}

  isDue(on: LocalDate): boolean {
    return compareDates(this.dueDate, on) <= 0;
  }

  /**
   * Adds `days` of accrual on the bases in force now. 罚息 is charged on unpaid principal and
   * 复利 on unpaid contractual interest, both at the penalty rate; penalty and compound
   * interest themselves are not compounded (the PBOC rule compounds unpaid interest only).
   */
  accrue(days: number, penaltyAnnual: Decimal, basis: number, compound: boolean): void {
    if (days <= 0) return;
    this.penaltyAccrued = this.penaltyAccrued.plus(
      this.principal.mul(penaltyAnnual).mul(days).div(basis),
    );
    if (compound) {
      this.compoundAccrued = this.compoundAccrued.plus(
        this.interest.mul(penaltyAnnual).mul(days).div(basis),
      );
    }
  }

  bill(): void {
    this.penalty = this.penalty.plus(roundFen(this.penaltyAccrued));
    this.compound = this.compound.plus(roundFen(this.compoundAccrued));
    this.penaltyAccrued = ZERO;
    this.compoundAccrued = ZERO;
  }

  /** Penalty owed on the report date: billed remainder plus the unbilled accrual, to the fen. */
  penaltyOutstanding(): Decimal {
    return this.penalty.plus(roundFen(this.penaltyAccrued));
  }

  compoundOutstanding(): Decimal {
    return this.compound.plus(roundFen(this.compoundAccrued));
  }

  hasContractualArrears(): boolean {
    return !this.principal.plus(this.interest).isZero();
  }

  /** Before its due date an installment offers only its fees; the schedule is not prepaid. */
  toDue(on: LocalDate): InstallmentDue {
    if (!this.isDue(on)) {
      return { seq: this.seq, dueDate: this.dueDate, amounts: { fees: this.fees } };
    }
    return {
      seq: this.seq,
      dueDate: this.dueDate,
      amounts: {
        fees: this.fees,
        penalty: this.penalty,
        compound: this.compound,
        interest: this.interest,
        principal: this.principal,
      },
    };
  }

  settle(component: DueComponent, amount: Decimal): void {
    this[component] = this[component].minus(amount);
  }
}
