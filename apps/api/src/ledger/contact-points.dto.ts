import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ADDRESS_STATUSES,
  ADDRESS_SUBTYPES,
  CONTACT_POINT_KINDS,
  PHONE_STATUSES,
  PHONE_SUBTYPES,
} from '@qingshou/ledger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';

const SUBTYPES = [...PHONE_SUBTYPES, ...ADDRESS_SUBTYPES];
const STATUSES = [...new Set([...PHONE_STATUSES, ...ADDRESS_STATUSES])];

export class CaseContactPointParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  pointId!: string;
}

export class CaseContactsQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'true: phones and addresses whole for tenant-admin, manager, supervisor, legal, finance (audited); the case’s assignee always sees them whole (audited)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  reveal?: 'true' | 'false';
}

/** A phone or address found while working the case (issue 11 §2). */
export class AddContactPointBody {
  @ApiProperty({ enum: CONTACT_POINT_KINDS })
  @IsIn(CONTACT_POINT_KINDS)
  kind!: 'phone' | 'address';

  @ApiProperty({
    enum: SUBTYPES,
    description: '手机/住宅电话/单位电话; 家庭住址/单位地址/经营场所/户籍地址',
  })
  @IsIn(SUBTYPES)
  subtype!: string;

  @ApiProperty({ example: '0571-8765 4321' })
  @IsString()
  @Length(1, 300)
  value!: string;

  @ApiPropertyOptional({ enum: ['collector', 'debtor'], default: 'collector' })
  @IsOptional()
  @IsIn(['collector', 'debtor'])
  source?: 'collector' | 'debtor';

  @ApiPropertyOptional({ enum: STATUSES, default: 'valid' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a related party of the debtor' })
  @IsOptional()
  @IsUUID('all')
  relatedPartyId?: string;
}

export class SetContactPointStatusBody {
  @ApiProperty({
    enum: STATUSES,
    description: '有效/空号/停机/非本人/未核实; 有效/查无此人/已搬离',
  })
  @IsIn(STATUSES)
  status!: string;
}
