import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

export class InstallPackBody {
  @ApiProperty({ example: 'microloan-overdue', description: 'a pack id from GET /packs/available' })
  @Matches(/^[a-z][a-z0-9-]{1,47}$/, {
    message: 'pack must be a pack id (lowercase letters, digits, dashes)',
  })
  pack!: string;

  @ApiPropertyOptional({
    example: '^1.0.0',
    description: 'a version or range; default: the version in policies/',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  version?: string;

  @ApiPropertyOptional({
    example: { legalReferralDpd: 60, amnestyDate: '2026-08-01' },
    description: "overrides of the pack's parameter defaults, checked against their types",
  })
  @IsOptional()
  @IsObject({ message: 'params must be an object of parameter values' })
  params?: Record<string, unknown>;
}

export class UpgradePackBody extends InstallPackBody {
  @ApiProperty({ description: 'the installation the diff compared with (its basedOn)' })
  @IsUUID('all', { message: 'basedOn must be the installation id the diff returned' })
  basedOn!: string;
}

export class PackDiffBody extends InstallPackBody {
  @ApiPropertyOptional({
    example: 'demo-microloan',
    description: 'platform admins: the tenant to compare with',
  })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'tenant must be a tenant slug' })
  tenant?: string;
}
