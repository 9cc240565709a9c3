import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isLocalDate } from '@qingshou/calendar';
import { DELIVERY_STATUSES } from '@qingshou/notices';
import type { DeliveryStatus } from '@qingshou/notices';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';

function IsLocalDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isLocalDate',
    validator: {
      validate: (value: unknown) => isLocalDate(value),
      defaultMessage: () => 'must be a calendar date written YYYY-MM-DD',
    },
  });
}

/**
 * Template data is passed on as parsed (after the validation pipe has stripped `__proto__`,
 * `prototype` and `constructor` keys) instead of being rebuilt key by key by
 * class-transformer: it is stored as the exact data the notice was rendered from.
 */
const RawJson = () => Transform(({ obj, key }) => (obj as Record<string, unknown>)[key]);

export class NoticeIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  id!: string;
}

export class DeliveryRuleBody {
  @ApiProperty({ example: 10 })
  @IsInt()
  @Min(1)
  @Max(366)
  periodDays!: number;

  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(0)
  @Max(60)
  fallbackOffsetDays!: number;
}

export class IssueNoticeBody {
  @ApiProperty({ example: 'leasing-dealer/final-notice' })
  @IsString()
  @Length(1, 200)
  templateId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  debtorId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  caseId?: string;

  @ApiProperty({
    example: 'final-notice:case-123:2026-09-21',
    description: 'same key → same notice',
  })
  @Matches(/^[\x21-\x7e]{1,200}$/, {
    message: 'must be 1–200 printable ASCII characters without spaces',
  })
  idempotencyKey!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'fields the template prints',
  })
  @RawJson()
  @IsObject()
  data!: Record<string, unknown>;

  @ApiPropertyOptional({ type: DeliveryRuleBody, description: "overrides the template's rule" })
  @IsOptional()
  @ValidateNested()
  @Type(() => DeliveryRuleBody)
  deliveryRule?: DeliveryRuleBody;
}

export class RecordDeliveryBody {
  @ApiProperty({ enum: DELIVERY_STATUSES })
  @IsIn(DELIVERY_STATUSES, { message: `must be one of ${DELIVERY_STATUSES.join(', ')}` })
  status!: DeliveryStatus;

  @ApiProperty({ example: '2026-09-23', description: 'the day it was sent, signed for, refused…' })
  @IsLocalDate()
  on!: string;
}

export class PreviewNoticeBody {
  @ApiPropertyOptional({ description: 'a template file, front matter included' })
  @IsOptional()
  @IsString()
  @Length(1, 65536)
  templateSource?: string;

  @ApiPropertyOptional({ example: 'leasing-dealer/final-notice' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  templateId?: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @RawJson()
  @IsObject()
  data!: Record<string, unknown>;
}
