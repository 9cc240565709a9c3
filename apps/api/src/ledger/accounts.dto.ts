import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCOUNT_TYPES, REPAYMENT_METHODS } from '@qingshou/ledger';
import type { AccountRepaymentMethod, AccountType, ScheduleInput } from '@qingshou/ledger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AMOUNT, AMOUNT_MESSAGE, IsLocalDate, RATE, RATE_MESSAGE } from './ledger.validators';

const MONTHLY = ['equal-installment', 'equal-principal', 'interest-only', 'bullet'];

export class InstallmentBody {
  @ApiPropertyOptional({ description: 'default: position in the list, from 1' })
  @IsOptional()
  @IsInt()
  @Min(1)
  seq?: number;

  @ApiProperty({ example: '2026-01-31' })
  @IsLocalDate()
  dueDate!: string;

  @ApiProperty({ example: '1000.00' })
  @Matches(AMOUNT, { message: `principal ${AMOUNT_MESSAGE}` })
  principal!: string;

  @ApiProperty({ example: '50.00' })
  @Matches(AMOUNT, { message: `interest ${AMOUNT_MESSAGE}` })
  interest!: string;
}

/** One shape for every method; each method's fields are required only for that method. */
export class ScheduleBody {
  @ApiProperty({ enum: REPAYMENT_METHODS, description: "'given': the installments as listed" })
  @IsIn(REPAYMENT_METHODS)
  method!: AccountRepaymentMethod;

  @ApiPropertyOptional({ description: 'monthly methods and bullet', example: 12 })
  @ValidateIf((o: ScheduleBody) => MONTHLY.includes(o.method))
  @IsInt()
  @Min(1)
  @Max(600)
  termMonths?: number;

  @ApiPropertyOptional({ description: 'default: startDate + 1 month' })
  @IsOptional()
  @IsLocalDate()
  firstDueDate?: string;

  @ApiPropertyOptional({ enum: ['maturity', 'monthly'], default: 'maturity' })
  @IsOptional()
  @IsIn(['maturity', 'monthly'])
  interestPayment?: 'maturity' | 'monthly';

  @ApiPropertyOptional({ description: 'bullet: interest by actual days at the day-count basis' })
  @IsOptional()
  @IsBoolean()
  interestByActualDays?: boolean;

  @ApiPropertyOptional({ description: 'student-loan: 贴息截止日', example: '2020-08-31' })
  @ValidateIf((o: ScheduleBody) => o.method === 'student-loan')
  @IsLocalDate()
  subsidyEndDate?: string;

  @ApiPropertyOptional({ description: 'student-loan: 本金宽限期 (years)', example: 3 })
  @ValidateIf((o: ScheduleBody) => o.method === 'student-loan')
  @IsInt()
  @Min(0)
  @Max(20)
  graceYears?: number;

  @ApiPropertyOptional({ description: 'student-loan: 最后还款日', example: '2035-12-20' })
  @ValidateIf((o: ScheduleBody) => o.method === 'student-loan')
  @IsLocalDate()
  finalDueDate?: string;

  @ApiPropertyOptional({ type: [InstallmentBody], description: "method 'given'" })
  @ValidateIf((o: ScheduleBody) => o.method === 'given')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1200)
  @ValidateNested({ each: true })
  @Type(() => InstallmentBody)
  installments?: InstallmentBody[];

  toInput(): ScheduleInput {
    switch (this.method) {
      case 'given':
        return { method: 'given', installments: this.installments ?? [] };
      case 'student-loan':
        return {
          method: 'student-loan',
          subsidyEndDate: this.subsidyEndDate as string,
          graceYears: this.graceYears as number,
          finalDueDate: this.finalDueDate as string,
        };
      case 'bullet':
        return {
          method: 'bullet',
          termMonths: this.termMonths as number,
          firstDueDate: this.firstDueDate,
          interestPayment: this.interestPayment,
          interestByActualDays: this.interestByActualDays,
        };
      default:
        return {
          method: this.method,
          termMonths: this.termMonths as number,
          firstDueDate: this.firstDueDate,
        };
    }
  }
}

export class RegisterAccountBody {
  @ApiProperty()
  @IsUUID('all', { message: 'debtorId must be a UUID' })
  debtorId!: string;

  @ApiProperty({ enum: ACCOUNT_TYPES })
  @IsIn(ACCOUNT_TYPES)
  type!: AccountType;

  @ApiProperty({ example: 'core-banking', description: 'externalRef is unique within a source' })
  @IsString()
  @Length(1, 64)
  source!: string;

  @ApiProperty({ example: 'NX200900000' })
  @IsString()
  @Length(1, 128)
  externalRef!: string;

  @ApiProperty({ example: '100000.00' })
  @Matches(AMOUNT, { message: `principal ${AMOUNT_MESSAGE}` })
  principal!: string;

  @ApiProperty({ example: '6%' })
  @Matches(RATE, { message: `annualRate ${RATE_MESSAGE}` })
  annualRate!: string;

  @ApiPropertyOptional({
    enum: [360, 365],
    description:
      "The pack's day-count basis; give it only where the pack lets an account set its own (else 360)",
  })
  @IsOptional()
  @IsIn([360, 365])
  dayCountBasis?: 360 | 365;

  @ApiPropertyOptional({
    example: '50%',
    description:
      "罚息 markup: penalty rate = rate × (1 + markup). The pack's; give it only where the pack lets an account set its own (else 0)",
  })
  @IsOptional()
  @Matches(RATE, { message: `penaltyMarkup ${RATE_MESSAGE}` })
  penaltyMarkup?: string;

  @ApiPropertyOptional({
    description:
      "复利 on overdue interest. The pack's; give it only where the pack lets an account set its own (else off)",
  })
  @IsOptional()
  @IsBoolean()
  compoundInterest?: boolean;

  @ApiProperty({ example: '2025-12-01' })
  @IsLocalDate()
  startDate!: string;

  @ApiProperty({ type: ScheduleBody })
  @IsObject()
  @ValidateNested()
  @Type(() => ScheduleBody)
  schedule!: ScheduleBody;
}

export class InstallmentResponse {
  @ApiProperty() seq!: number;
  @ApiProperty() dueDate!: string;
  @ApiProperty() principal!: string;
  @ApiProperty() interest!: string;
}

export class RegisteredAccountResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ type: [InstallmentResponse] }) installments!: InstallmentResponse[];
}

export class BalanceResponse {
  @ApiProperty() accountId!: string;
  @ApiProperty({ example: 'CNY' }) currency!: string;
  @ApiProperty({ example: '2026-02-01' }) asOf!: string;
  @ApiProperty({ example: '100000.00' }) overduePrincipal!: string;
  @ApiProperty({ example: '500.00' }) overdueInterest!: string;
  @ApiProperty({ example: '0.00' }) dueToday!: string;
  @ApiProperty({ example: '775.00' }) penaltyInterest!: string;
  @ApiProperty({ example: '0.00' }) compoundInterest!: string;
  @ApiProperty({ example: '0.00' }) fees!: string;
  @ApiProperty({ example: '101275.00' }) totalDue!: string;
  @ApiProperty({ example: '100000.00' }) outstandingPrincipal!: string;
  @ApiProperty({ example: '0.00' }) overpayment!: string;
  @ApiProperty({ example: 31 }) dpd!: number;
  @ApiProperty({ example: 'M2' }) agingBucket!: string;
  @ApiProperty({ example: 'special-mention' }) loanClass!: string;
}
