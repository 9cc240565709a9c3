import { bulletSchedule, BulletScheduleParams } from './bullet.schedule';
import { equalInstallmentSchedule } from './equal-installment.schedule';
import { equalPrincipalSchedule } from './equal-principal.schedule';
import { interestOnlySchedule } from './interest-only.schedule';
import { Installment, MonthlyScheduleParams, ScheduleError } from './schedule.types';
import { studentLoanSchedule, StudentLoanScheduleParams } from './student-loan.schedule';

export type RepaymentMethod =
  'equal-installment' | 'equal-principal' | 'bullet' | 'interest-only' | 'student-loan';

export type ScheduleSpec =
  | ({ method: 'equal-installment' } & MonthlyScheduleParams)
  | ({ method: 'equal-principal' } & MonthlyScheduleParams)
  | ({ method: 'interest-only' } & MonthlyScheduleParams)
  | ({ method: 'bullet' } & BulletScheduleParams)
  | ({ method: 'student-loan' } & StudentLoanScheduleParams);

export function generateSchedule(spec: ScheduleSpec): Installment[] {
  switch (spec.method) {
    case 'equal-installment':
      return equalInstallmentSchedule(spec);
    case 'equal-principal':
      return equalPrincipalSchedule(spec);
    case 'interest-only':
      return interestOnlySchedule(spec);
    case 'bullet':
      return bulletSchedule(spec);
    case 'student-loan':
      return studentLoanSchedule(spec);
  }
}

/** The names lenders put in the 还款方式 column of their exports. */
const METHOD_BY_ZH: Record<string, RepaymentMethod> = {
  等额本息: 'equal-installment',
  等额本金: 'equal-principal',
  到期一次还本付息: 'bullet',
  利随本清: 'bullet',
  一次还本付息: 'bullet',
  按月付息到期还本: 'interest-only',
  先息后本: 'interest-only',
  生源地信用助学贷款: 'student-loan',
};

export function repaymentMethodFromZh(label: string): RepaymentMethod {
  const method = METHOD_BY_ZH[label.trim().replace(/[，,、\s]/g, '')];
  if (!method) throw new ScheduleError(`unknown repayment method (还款方式): ${label}`);
  return method;
}
