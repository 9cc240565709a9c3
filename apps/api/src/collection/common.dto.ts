import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** Amounts travel as strings: yuan with at most two decimals, never a JSON number. */
export const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;
export const AMOUNT_MESSAGE = 'must be an amount in yuan such as 1000.00 (at most 2 decimals)';
export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const DATE_MESSAGE = 'must be a date written YYYY-MM-DD';
export const CODE = /^[a-z][a-z0-9-]{0,47}$/;
export const CODE_MESSAGE = 'must be a code: lowercase letters, digits and dashes';

export class PageQuery {
  @ApiPropertyOptional({ description: 'opaque; the nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 512)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
