import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DISPUTE_KINDS,
  DISPUTE_OUTCOMES,
  DISPUTE_PARTIES,
  type DisputeKind,
  type DisputeOutcome,
  type DisputeParty,
} from '@qingshou/collection';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';

/** 异议: JSON, or multipart with up to 10 `files` (receipts, ID copies). */
export class RaiseDisputeBody {
  @ApiProperty({ description: 'the disputed account of this case' })
  @IsUUID()
  accountId!: string;

  @ApiProperty({ enum: DISPUTE_KINDS })
  @IsIn(DISPUTE_KINDS)
  kind!: DisputeKind;

  @ApiPropertyOptional({ enum: DISPUTE_PARTIES, default: 'debtor' })
  @IsOptional()
  @IsIn(DISPUTE_PARTIES)
  raisedBy?: DisputeParty;

  @ApiPropertyOptional({ example: '客户称3月5日已转账2,000.00元，提供银行回单' })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  note?: string;

  @ApiPropertyOptional({ type: 'array', items: { type: 'string', format: 'binary' } })
  @IsOptional()
  files?: unknown;
}

export class DecideDisputeBody {
  @ApiProperty({ enum: DISPUTE_OUTCOMES })
  @IsIn(DISPUTE_OUTCOMES)
  outcome!: DisputeOutcome;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  note?: string;

  @ApiPropertyOptional({ example: '核减罚息 320.00 元' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  adjustmentHint?: string;
}
