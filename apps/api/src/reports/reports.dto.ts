import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class GenerateReportBody {
  @ApiProperty({ example: '2026-12-31' })
  @Matches(DATE, { message: 'asOf must be a date written YYYY-MM-DD' })
  asOf!: string;

  @ApiPropertyOptional({ enum: ['xlsx', 'html', 'pdf'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'html', 'pdf'], { message: 'format must be xlsx, html or pdf' })
  format?: 'xlsx' | 'html' | 'pdf';

  @ApiPropertyOptional({ enum: ['zh', 'en'], default: 'zh' })
  @IsOptional()
  @IsIn(['zh', 'en'], { message: 'lang must be zh or en' })
  lang?: 'zh' | 'en';
}

export class ReportsQuery {
  @ApiPropertyOptional({ example: 'annual-assessment' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,47}$/, { message: 'reportId must be a report id' })
  reportId?: string;
}

export class LegalHoldBody {
  @ApiProperty({ example: true })
  @IsBoolean({ message: 'hold must be true or false' })
  hold!: boolean;

  @ApiPropertyOptional({ example: '诉讼保全中' })
  @IsOptional()
  @IsString()
  @Length(1, 500, { message: 'reason must be 1–500 characters' })
  reason?: string;
}
