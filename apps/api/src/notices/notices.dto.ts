import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isLocalDate } from '@qingshou/calendar';
import { DELIVERY_STATUSES } from '@qingshou/notices';
import type { DeliveryStatus } from '@qingshou/notices';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateBy,
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

/** The letter a person asks for: a template of the pinned pack for a case, and its input. */
class CaseLetterFields {
  @ApiProperty({
    format: 'uuid',
    description: "the case; its debtor and accounts are the letter's",
  })
  @IsUUID('all', { message: 'must be a UUID' })
  caseId!: string;

  @ApiProperty({
    example: 'leasing-dealer-arrears/final-notice',
    description: "`<pack>/<template>` of the tenant's pinned pack",
  })
  @IsString()
  @Length(1, 200)
  templateId!: string;

  @ApiPropertyOptional({
    example: '2026-09-21',
    description: "the letter's date; amounts are the ledger's as of it (default today)",
  })
  @IsOptional()
  @IsLocalDate()
  letterDate?: string;

  @ApiPropertyOptional({
    example: 'debtor',
    description: 'debtor (default) or a related party kind of the debtor, e.g. guarantor',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,47}$/, { message: 'must be debtor or a related party kind' })
  recipient?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'only the fields the template declares as user input (front matter `input:`); amounts, params and the delivery rule come from the ledger and the pack',
  })
  @IsOptional()
  @RawJson()
  @IsObject()
  input?: Record<string, unknown>;
}

export class IssueNoticeBody extends CaseLetterFields {
  @ApiProperty({
    example: 'final-notice:2026-09-21',
    description: 'same key for the same case → the same letter (or hold), never a second one',
  })
  @Matches(/^[\x21-\x7e]{1,200}$/, {
    message: 'must be 1–200 printable ASCII characters without spaces',
  })
  idempotencyKey!: string;
}

export class RecordDeliveryBody {
  @ApiProperty({ enum: DELIVERY_STATUSES })
  @IsIn(DELIVERY_STATUSES, { message: `must be one of ${DELIVERY_STATUSES.join(', ')}` })
  status!: DeliveryStatus;

  @ApiProperty({ example: '2026-09-23', description: 'the day it was sent, signed for, refused…' })
  @IsLocalDate()
  on!: string;
}

/**
 * Either a case's letter (caseId + templateId [+ letterDate, recipient, input]) rendered as it
 * would be issued, or — for the roles that try pack changes — a template draft's own source
 * with sample data. Not both.
 */
export class PreviewNoticeBody {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  caseId?: string;

  @ApiPropertyOptional({ example: 'leasing-dealer-arrears/final-notice' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  templateId?: string;

  @ApiPropertyOptional({ example: '2026-09-21' })
  @IsOptional()
  @IsLocalDate()
  letterDate?: string;

  @ApiPropertyOptional({ example: 'debtor' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,47}$/, { message: 'must be debtor or a related party kind' })
  recipient?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @RawJson()
  @IsObject()
  input?: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'a template draft, front matter included (notice.preview-source roles only)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 65536)
  templateSource?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: "the draft's sample data (with templateSource only)",
  })
  @IsOptional()
  @RawJson()
  @IsObject()
  data?: Record<string, unknown>;
}
