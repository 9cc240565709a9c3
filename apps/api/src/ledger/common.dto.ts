import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsLocalDate } from './ledger.validators';

export class IdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  id!: string;
}

export class AsOfQuery {
  @ApiPropertyOptional({ example: '2026-02-01', description: "default: the tenant's today" })
  @IsOptional()
  @IsLocalDate()
  asOf?: string;
}

export class DebtorQuery extends AsOfQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'true: ID numbers, phones and addresses whole (tenant-admin, manager, supervisor, legal, finance only; audited)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  reveal?: 'true' | 'false';
}
