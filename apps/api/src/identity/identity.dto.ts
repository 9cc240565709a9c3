import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { ROLES } from '@qingshou/core';
import type { Role } from '@qingshou/core';

export class LoginBody {
  @ApiProperty({ example: 'demo-leasing' })
  @IsString()
  @Length(2, 63)
  tenant!: string;

  @ApiProperty({ example: 'admin' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @Length(1, 256)
  password!: string;
}

/** PUT /tenant/session-policy: the bounds are the handler's (and the table's checks). */
export class SessionPolicyBody {
  @ApiProperty({ example: 30, description: 'minutes a session may sit unused (1–1440)' })
  @IsInt()
  idleMinutes!: number;

  @ApiProperty({ example: 12, description: 'hours a session may live at most (1–168)' })
  @IsInt()
  absoluteHours!: number;
}

/** POST /me/password: the strength rule (and its length limits) is the handler's, in Chinese. */
export class ChangePasswordBody {
  @ApiProperty()
  @IsString()
  @Length(1, 1024)
  currentPassword!: string;

  @ApiProperty({ example: 'a new long passphrase nobody guesses' })
  @IsString()
  @Length(1, 1024)
  newPassword!: string;
}

export class SessionsEndedResponse {
  @ApiProperty({ description: 'how many live sessions were ended' })
  sessionsEnded!: number;
}

export class AccessTokenResponse {
  @ApiProperty()
  accessToken!: string;

  @ApiProperty({ description: 'seconds' })
  expiresIn!: number;
}

export class CreateUserBody {
  @ApiProperty({ example: 'zhang.lei' })
  @Matches(/^[a-z0-9][a-z0-9._-]{1,63}$/, {
    message: 'username must be 2–64 lowercase letters, digits, dots, dashes or underscores',
  })
  username!: string;

  @ApiProperty({ example: '张磊' })
  @IsString()
  @Length(1, 64)
  displayName!: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: '密码至少需要 10 个字符（password must be at least 10 characters）' })
  @MaxLength(256, { message: '密码不能超过 256 个字符（password must be at most 256 characters）' })
  password!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each role must be one of: ${ROLES.join(', ')}` })
  roles!: Role[];
}

/** PUT /tenant/profile: what the office's notices print about it; null clears a field. */
export class TenantProfileBody {
  @ApiProperty({ example: '河北省石家庄市裕华区槐安东路100号', nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(1, 200)
  address!: string | null;

  @ApiProperty({ example: '0311-85551234', nullable: true })
  @ValidateIf((_, v) => v !== null)
  @Matches(/^[0-9+() -]{3,32}$/, {
    message: 'must be a phone number: digits, +, (, ), - and spaces',
  })
  phone!: string | null;

  @ApiProperty({ example: '王会计', nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(1, 50)
  contactPerson!: string | null;
}
