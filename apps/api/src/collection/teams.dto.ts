import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';

export class TeamMemberBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId!: string;

  @ApiProperty({ enum: ['lead', 'member'] })
  @IsIn(['lead', 'member'])
  role!: 'lead' | 'member';
}

export class CreateTeamBody {
  @ApiProperty({ example: '电催一组' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ type: [TeamMemberBody] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TeamMemberBody)
  members?: TeamMemberBody[];
}
