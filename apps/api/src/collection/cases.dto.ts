import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import {
  CASE_SCOPES,
  CASE_SORTS,
  CASE_STATUSES,
  CLOSE_OUTCOMES,
  LOAN_CLASSES,
  PAUSE_REASONS,
} from '@qingshou/collection';
import type {
  CaseScope,
  CaseSort,
  CaseStatus,
  CloseOutcome,
  LoanClass,
  PauseReason,
  SortDirection,
} from '@qingshou/collection';
import {
  AMOUNT,
  AMOUNT_MESSAGE,
  CODE,
  CODE_MESSAGE,
  DATE,
  DATE_MESSAGE,
  PageQuery,
} from './common.dto';

export class OpenCaseBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  debtorId!: string;

  @ApiProperty({
    enum: CASE_SCOPES,
    description: 'a case per debtor, or per account (pack setting)',
  })
  @IsIn(CASE_SCOPES)
  scope!: CaseScope;

  @ApiPropertyOptional({ format: 'uuid', description: 'required for an account case' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  priority?: number;

  @ApiPropertyOptional({ example: 'business-cash-flow' })
  @IsOptional()
  @Matches(CODE, { message: `overdueReasonCode ${CODE_MESSAGE}` })
  overdueReasonCode?: string;

  @ApiPropertyOptional({ example: 'daily-calls' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  stage?: string;

  @ApiPropertyOptional({ example: 'microloan-overdue@1.0.0' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  packVersion?: string;
}

export class AssignCaseBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  assigneeId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ description: '交接 note; required when the case changes hands' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  handoverNote?: string;
}

export class PauseCaseBody {
  @ApiProperty({ enum: PAUSE_REASONS })
  @IsIn(PAUSE_REASONS)
  reason!: PauseReason;

  @ApiPropertyOptional({ example: '2026-03-11', description: 'default today' })
  @IsOptional()
  @Matches(DATE, { message: `fromOn ${DATE_MESSAGE}` })
  fromOn?: string;

  @ApiProperty({ example: '2026-03-20', description: 'last paused day, inclusive' })
  @Matches(DATE, { message: `untilOn ${DATE_MESSAGE}` })
  untilOn!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  notes?: string;
}

export class NotesBody {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  notes?: string;
}

export class CloseCaseBody {
  @ApiProperty({ enum: CLOSE_OUTCOMES })
  @IsIn(CLOSE_OUTCOMES)
  outcome!: CloseOutcome;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;
}

export class BlacklistBody {
  @ApiProperty({ example: '长期逾期, 催收完毕后列入黑名单 (篇六)' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

const csv = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

export class SearchCasesQuery extends PageQuery {
  @ApiPropertyOptional({ description: `comma-separated: ${CASE_STATUSES.join(', ')}` })
  @IsOptional()
  @Transform(csv)
  @IsIn(CASE_STATUSES, { each: true })
  status?: CaseStatus[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  stage?: string;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  dpdMin?: number;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  dpdMax?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'debtor group (village, school, dealer…)' })
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional({ example: '1000.00' })
  @IsOptional()
  @Matches(AMOUNT, { message: `amountMin ${AMOUNT_MESSAGE}` })
  amountMin?: string;

  @ApiPropertyOptional({ example: '50000.00' })
  @IsOptional()
  @Matches(AMOUNT, { message: `amountMax ${AMOUNT_MESSAGE}` })
  amountMax?: string;

  @ApiPropertyOptional({ example: 'school', description: 'any debtor group of this type' })
  @IsOptional()
  @Matches(CODE, { message: `groupType ${CODE_MESSAGE}` })
  groupType?: string;

  @ApiPropertyOptional({ enum: LOAN_CLASSES, description: '五级分类 (worst of the accounts)' })
  @IsOptional()
  @IsIn(LOAN_CLASSES)
  loanClass?: LoanClass;

  @ApiPropertyOptional({ example: 'no-contact-7d', description: 'live pack flag, or blacklist' })
  @IsOptional()
  @Matches(CODE, { message: `flag ${CODE_MESSAGE}` })
  flag?: string;

  @ApiPropertyOptional({ example: 'village-cadre', description: 'recorded pack attribute' })
  @IsOptional()
  @Matches(CODE, { message: `attrKey ${CODE_MESSAGE}` })
  attrKey?: string;

  @ApiPropertyOptional({ description: 'value of attrKey (exact)' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  attrValue?: string;

  @ApiPropertyOptional({ example: '2026-03-20', description: 'an open task due on or before' })
  @IsOptional()
  @Matches(DATE, { message: `dueBefore ${DATE_MESSAGE}` })
  dueBefore?: string;

  @ApiPropertyOptional({
    description: 'name (contains), contract/card number, phone or ID number (exact)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: CASE_SORTS })
  @IsOptional()
  @IsIn(CASE_SORTS)
  sort?: CaseSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'] })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  direction?: SortDirection;
}
