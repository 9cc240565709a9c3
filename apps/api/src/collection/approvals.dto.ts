import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import { APPROVAL_DECISIONS, APPROVAL_KINDS } from '@qingshou/collection';
import type { ApprovalDecision, ApprovalStatus } from '@qingshou/collection';
import { DATE, DATE_MESSAGE, PageQuery } from './common.dto';

export class RequestApprovalBody {
  @ApiProperty({
    example: 'visit-plan',
    description: `A platform kind (${APPROVAL_KINDS.join(', ')}) or one the tenant's pack declares`,
  })
  @Matches(/^[a-z][a-z0-9-]{0,47}$/, { message: 'must be an approval kind code' })
  kind!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: {
      visitOn: '2026-03-13',
      place: '客户经营地',
      staff: ['经理', '法务'],
      vehicle: '皖A-12345',
    },
  })
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class DecisionBody {
  @ApiProperty({ enum: APPROVAL_DECISIONS })
  @IsIn(APPROVAL_DECISIONS)
  decision!: ApprovalDecision;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export class ListApprovalsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'rejected'], default: 'pending' })
  @IsOptional()
  @IsIn(['pending', 'approved', 'rejected'])
  status?: ApprovalStatus;
}

export class EvaluatePromisesBody {
  @ApiProperty({
    example: '2026-03-11',
    description: 'promises due before this date and short are broken',
  })
  @Matches(DATE, { message: `asOf ${DATE_MESSAGE}` })
  asOf!: string;
}
