import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsYuanAmount } from '../http/yuan-amount';
import { DATE, DATE_MESSAGE } from './common.dto';

/** 还款计划: the amounts as decimal strings; the pack's rules are checked by the handler. */
export class ProposePlanBody {
  @ApiProperty({ example: '13200.00', description: 'the arrears the plan covers' })
  @IsYuanAmount()
  arrears!: string;

  @ApiPropertyOptional({ example: '660.00', description: '罚息 on the arrears' })
  @IsOptional()
  @Matches(/^\d{1,16}(\.\d{1,2})?$/, { message: 'penalty must be an amount in yuan' })
  penalty?: string;

  @ApiPropertyOptional({ example: '660.00', description: 'penalty waived while the plan is kept' })
  @IsOptional()
  @Matches(/^\d{1,16}(\.\d{1,2})?$/, { message: 'waiver must be an amount in yuan' })
  waiver?: string;

  @ApiPropertyOptional({ example: '1200.00', description: '首付' })
  @IsOptional()
  @Matches(/^\d{1,16}(\.\d{1,2})?$/, { message: 'downPayment must be an amount in yuan' })
  downPayment?: string;

  @ApiProperty({ example: 12, description: 'instalments after the down payment' })
  @IsInt()
  @Min(1)
  @Max(360)
  count!: number;

  @ApiPropertyOptional({
    example: '2026-03-02',
    description: 'the down payment day; default today',
  })
  @IsOptional()
  @Matches(DATE, { message: `startOn ${DATE_MESSAGE}` })
  startOn?: string;

  @ApiProperty({ example: '2026-04-02' })
  @Matches(DATE, { message: `firstDueOn ${DATE_MESSAGE}` })
  firstDueOn!: string;

  @ApiPropertyOptional({ example: 1, description: '每期间隔: months between instalments' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  intervalMonths?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  notes?: string;
}
