import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RELATED_PARTY_KINDS } from '@qingshou/ledger';
import type { DebtorKind, RelatedPartyKind } from '@qingshou/ledger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';

const KINDS = ['person', 'organisation'] as const;

export class RegisterDebtorBody {
  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS)
  kind!: DebtorKind;

  @ApiProperty({ example: '孙桂英' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({
    example: '11010519670523465X',
    description:
      'person: 居民身份证号码 (GB 11643, 18 digits or legacy 15); organisation: 统一社会信用代码 (GB 32100). Stored normalised.',
  })
  @IsString()
  @Length(1, 40)
  idNumber!: string;

  @ApiPropertyOptional({ example: ['18908695986'], type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 32, { each: true })
  phones?: string[];

  @ApiPropertyOptional({ example: '上海市徐汇区漕溪北路88号' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  address?: string;
}

export class AddRelatedPartyBody {
  @ApiProperty({ enum: RELATED_PARTY_KINDS })
  @IsIn(RELATED_PARTY_KINDS)
  kind!: RelatedPartyKind;

  @ApiPropertyOptional({ example: '配偶' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  relation?: string;

  @ApiPropertyOptional({ enum: KINDS, default: 'person' })
  @IsOptional()
  @IsIn(KINDS)
  partyType?: DebtorKind;

  @ApiProperty({ example: '刘丽' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 40)
  idNumber?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 32)
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500)
  address?: string;

  @ApiPropertyOptional({ description: 'the account this party stands behind' })
  @IsOptional()
  @IsUUID('all')
  accountId?: string;
}

export class AddGroupMemberBody {
  @ApiProperty({ example: 'village', description: 'declared by the policy pack' })
  @Matches(/^[a-z][a-z0-9-]{0,31}$/, { message: 'type must be a lowercase slug such as village' })
  type!: string;

  @ApiProperty({ example: 'qianying' })
  @IsString()
  @Length(1, 64)
  code!: string;

  @ApiProperty({ example: '前营村' })
  @IsString()
  @Length(1, 200)
  name!: string;
}

export class CreatedIdResponse {
  @ApiProperty()
  id!: string;
}
