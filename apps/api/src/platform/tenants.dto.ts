import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { TENANT_KINDS } from '@qingshou/tenancy';
import type { TenantKind } from '@qingshou/tenancy';

export class TenantAdminBody {
  @ApiProperty({ example: 'admin' })
  @Matches(/^[a-z0-9][a-z0-9._-]{1,63}$/, {
    message: 'username must be 2–64 lowercase letters, digits, . _ -',
  })
  username!: string;

  @ApiProperty({ example: '系统管理员' })
  @IsString()
  @Length(1, 64)
  displayName!: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: '密码至少需要 10 个字符（password must be at least 10 characters）' })
  @MaxLength(256, { message: '密码不能超过 256 个字符（password must be at most 256 characters）' })
  password!: string;
}

export class CreateTenantBody {
  @ApiProperty({ example: 'demo-leasing' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, {
    message: 'slug must be 2–63 lowercase letters, digits or dashes',
  })
  slug!: string;

  @ApiProperty({ example: '某某农机租赁有限公司' })
  @IsString()
  @Length(1, 128)
  name!: string;

  @ApiProperty({ enum: TENANT_KINDS.filter((k) => k !== 'platform') })
  @IsIn(TENANT_KINDS.filter((k) => k !== 'platform'), {
    message: `kind must be one of: ${TENANT_KINDS.filter((k) => k !== 'platform').join(', ')}`,
  })
  kind!: TenantKind;

  @ApiPropertyOptional({ example: 'Asia/Shanghai' })
  @IsOptional()
  @IsIn(Intl.supportedValuesOf('timeZone'), { message: 'timeZone must be an IANA time zone' })
  timeZone?: string;

  @ApiPropertyOptional({ type: TenantAdminBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => TenantAdminBody)
  admin?: TenantAdminBody;
}
