import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  CONTACT_PARTIES,
  LEGAL_STEPS,
  TASK_KINDS,
} from '@qingshou/collection';
import type { ContactChannel, ContactParty, LegalStep, TaskKind } from '@qingshou/collection';
import { IsYuanAmount } from '../http/yuan-amount';
import { CODE, CODE_MESSAGE, DATE, DATE_MESSAGE } from './common.dto';

/** JSON, or the text fields of a multipart form whose `file` part is the attachment. */
export class LogContactBody {
  @ApiProperty({ enum: CONTACT_CHANNELS })
  @IsIn(CONTACT_CHANNELS)
  channel!: ContactChannel;

  @ApiProperty({ enum: CONTACT_PARTIES })
  @IsIn(CONTACT_PARTIES)
  party!: ContactParty;

  @ApiPropertyOptional({ format: 'uuid', description: 'the related party (guarantor…) contacted' })
  @IsOptional()
  @IsUUID()
  relatedPartyId?: string;

  @ApiProperty({ example: 'promised-to-pay', description: `e.g. ${CONTACT_OUTCOMES.join(', ')}` })
  @Matches(CODE, { message: `outcomeCode ${CODE_MESSAGE}` })
  outcomeCode!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  notes?: string;

  @ApiPropertyOptional({ example: '2026-03-11T10:00:00+08:00', description: 'default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  attemptedAt?: string;

  @ApiPropertyOptional({ example: 'family-change', description: 'what the contact learned (篇六)' })
  @IsOptional()
  @Matches(CODE, { message: `overdueReasonCode ${CODE_MESSAGE}` })
  overdueReasonCode?: string;

  @ApiPropertyOptional({
    example: '2026-03-14',
    description: "下次跟进日期; default the result code's follow-up days",
  })
  @IsOptional()
  @Matches(DATE, { message: `nextFollowUpOn ${DATE_MESSAGE}` })
  nextFollowUpOn?: string;

  @ApiPropertyOptional({
    example: '1000.00',
    description: 'a promise made on this contact, saved with it or not at all',
  })
  @IsOptional()
  @IsYuanAmount()
  promiseAmount?: string;

  @ApiPropertyOptional({ example: '2026-03-20', description: 'with promiseAmount' })
  @IsOptional()
  @Matches(DATE, { message: `promiseDueOn ${DATE_MESSAGE}` })
  promiseDueOn?: string;

  // Documents the multipart part; the bytes arrive through multer, never in the JSON body.
  @ApiPropertyOptional({ type: 'string', format: 'binary', description: 'multipart only' })
  @IsOptional()
  file?: unknown;
}

export class RecordPromiseBody {
  @ApiProperty({ example: '1000.00' })
  @IsYuanAmount()
  amount!: string;

  @ApiProperty({ example: '2026-03-10' })
  @Matches(DATE, { message: `dueOn ${DATE_MESSAGE}` })
  dueOn!: string;

  @ApiPropertyOptional({ example: '2026-03-01', description: 'default today' })
  @IsOptional()
  @Matches(DATE, { message: `promisedOn ${DATE_MESSAGE}` })
  promisedOn?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  accountId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  notes?: string;
}

export class AddCostBody {
  @ApiProperty({ example: 'travel' })
  @Matches(CODE, { message: `category ${CODE_MESSAGE}` })
  category!: string;

  @ApiProperty({ example: '230.00' })
  @IsYuanAmount()
  amount!: string;

  @ApiPropertyOptional({ example: 'FP-2026-0311-07' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  voucherRef?: string;

  @ApiPropertyOptional({ example: '2026-03-11' })
  @IsOptional()
  @Matches(DATE, { message: `incurredOn ${DATE_MESSAGE}` })
  incurredOn?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  legalMatterId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  notes?: string;
}

export class LegalCostBody {
  @ApiProperty({ example: 'court-fee' })
  @Matches(CODE, { message: `category ${CODE_MESSAGE}` })
  category!: string;

  @ApiProperty({ example: '1250.00' })
  @IsYuanAmount()
  amount!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 128)
  voucherRef?: string;
}

export class LegalStepBody {
  @ApiProperty({ enum: LEGAL_STEPS })
  @IsIn(LEGAL_STEPS)
  step!: LegalStep;

  @ApiPropertyOptional({ example: '2026-04-02' })
  @IsOptional()
  @Matches(DATE, { message: `occurredOn ${DATE_MESSAGE}` })
  occurredOn?: string;

  @ApiPropertyOptional({ example: '某某市某某区人民法院' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  court?: string;

  @ApiPropertyOptional({ example: '(2026)某0102民初1234号' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  courtCaseNumber?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  lawyer?: string;

  @ApiPropertyOptional({ description: 'frozen, awarded or recovered', example: '52000.00' })
  @IsOptional()
  @IsYuanAmount()
  amount?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  details?: string;

  @ApiPropertyOptional({ type: LegalCostBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => LegalCostBody)
  cost?: LegalCostBody;
}

export class SettlementInKindBody {
  @ApiProperty({ example: '东方红LX904拖拉机一台' })
  @IsString()
  @Length(1, 500)
  asset!: string;

  @ApiProperty({ example: '86000.00' })
  @IsYuanAmount()
  appraisalValue!: string;

  @ApiPropertyOptional({ example: '2026-03-05' })
  @IsOptional()
  @Matches(DATE, { message: `appraisedOn ${DATE_MESSAGE}` })
  appraisedOn?: string;

  @ApiPropertyOptional({ example: '2026-03-20' })
  @IsOptional()
  @Matches(DATE, { message: `titleTransferOn ${DATE_MESSAGE}` })
  titleTransferOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  notes?: string;
}

export class CreateTaskBody {
  @ApiProperty({ enum: TASK_KINDS })
  @IsIn(TASK_KINDS)
  kind!: TaskKind;

  @ApiPropertyOptional({ example: '上门了解经营情况' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiProperty({ example: '2026-03-11T09:00:00+08:00' })
  @IsISO8601({ strict: true })
  dueAt!: string;

  @ApiPropertyOptional({ example: 16, description: 'SLA in working hours from now' })
  @IsOptional()
  @IsNumber()
  @Min(0.25)
  @Max(2000)
  slaWorkingHours?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  priority?: number;

  @ApiPropertyOptional({ format: 'uuid', description: "default: the case's assignee" })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ description: 'same key, same task' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  idempotencyKey?: string;
}

export class CompleteTaskBody {
  @ApiProperty({ enum: ['done', 'cancelled'] })
  @IsIn(['done', 'cancelled'])
  status!: 'done' | 'cancelled';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;

  /** Done needs the deliverable its kind names: a visit's result (met-debtor, not-at-home …). */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  result?: string;

  @ApiPropertyOptional({ description: 'The contact logged for a call task' })
  @IsOptional()
  @IsUUID()
  contactId?: string;

  @ApiPropertyOptional({ description: 'The notice issued for a letter task' })
  @IsOptional()
  @IsUUID()
  noticeId?: string;

  @ApiPropertyOptional({ description: 'The approval requested for an approval task' })
  @IsOptional()
  @IsUUID()
  approvalId?: string;

  @ApiPropertyOptional({ description: 'A document or a visit photo already uploaded' })
  @IsOptional()
  @IsUUID()
  attachmentId?: string;

  @ApiPropertyOptional({ description: 'Where a visit took place' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  address?: string;
}
