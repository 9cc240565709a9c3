import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { IsYuanAmount } from '../http/yuan-amount';
import { IsLocalDate } from './ledger.validators';

export class RecordPaymentBody {
  @ApiPropertyOptional({ example: 'bank-feed', default: 'api' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  source?: string;

  @ApiProperty({
    example: 'LS6696256969',
    description: '银行流水号: a repeat with the same source and externalRef records nothing new',
  })
  @IsString()
  @Length(1, 128)
  externalRef!: string;

  @ApiProperty({ example: '2026-03-22' })
  @IsLocalDate()
  paidOn!: string;

  @ApiProperty({
    example: '246.61',
    description: 'positive; undo with POST /payments/{id}/reverse',
  })
  @IsYuanAmount({ signed: true })
  amount!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class ReversePaymentBody {
  @ApiProperty({ example: '银行退票' })
  @IsString()
  @Length(1, 500)
  reason!: string;

  @ApiPropertyOptional({ description: "default: the tenant's today" })
  @IsOptional()
  @IsLocalDate()
  reversedOn?: string;

  @ApiPropertyOptional({ description: "the bank's reference for the reversal" })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  externalRef?: string;
}
