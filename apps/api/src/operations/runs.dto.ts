import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class RequestRunBody {
  @ApiPropertyOptional({
    example: '2026-03-10',
    description:
      "the business date to run (a backfill: an earlier one); default today in the tenant's zone",
  })
  @IsOptional()
  @Matches(DATE, { message: 'asOf must be a date written YYYY-MM-DD' })
  asOf?: string;
}

export class ListRunsParams {
  @ApiPropertyOptional({ example: '2026-03-10' })
  @IsOptional()
  @Matches(DATE, { message: 'asOf must be a date written YYYY-MM-DD' })
  asOf?: string;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
