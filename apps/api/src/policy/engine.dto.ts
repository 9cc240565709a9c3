import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID, Matches } from 'class-validator';
import { InstallPackBody } from './packs.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class EvaluateBody {
  @ApiPropertyOptional({
    example: '2026-03-10',
    description: "default: today in the tenant's zone",
  })
  @IsOptional()
  @Matches(DATE, { message: 'asOf must be a date written YYYY-MM-DD' })
  asOf?: string;

  @ApiPropertyOptional({ description: 'only these open cases; default all' })
  @IsOptional()
  @IsArray({ message: 'caseIds must be a list' })
  @ArrayMaxSize(10000, { message: 'caseIds must have at most 10000 entries' })
  @IsUUID('all', { each: true, message: 'each case id must be a UUID' })
  caseIds?: string[];
}

export class DryRunBody extends InstallPackBody {
  @ApiPropertyOptional({
    example: '2026-03-10',
    description: "default: today in the tenant's zone",
  })
  @IsOptional()
  @Matches(DATE, { message: 'asOf must be a date written YYYY-MM-DD' })
  asOf?: string;
}
