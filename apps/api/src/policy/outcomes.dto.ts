import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { KPI_INPUTS } from '@qingshou/outcomes';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'must be a date written YYYY-MM-DD';
const SLUG = /^[a-z][a-z0-9-]{0,47}$/;
const METRIC = /^[a-z][A-Za-z0-9]{0,47}$/;
const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;

export class AsOfQuery {
  @ApiPropertyOptional({ example: '2026-03-31', description: 'default: the business date today' })
  @IsOptional()
  @Matches(DATE, { message: `asOf ${DATE_MESSAGE}` })
  asOf?: string;
}

export class TargetsQuery extends AsOfQuery {
  @ApiPropertyOptional({
    example: 'school',
    description: 'tenant, collector, team or a group type',
  })
  @IsOptional()
  @Matches(SLUG, { message: 'groupType must be a slug such as village or school' })
  groupType?: string;
}

export class RatingsQuery extends TargetsQuery {}

export class SnapshotsQuery {
  @ApiProperty({ example: 'defaultRate' })
  @Matches(METRIC, { message: 'metric must be a metric name such as defaultRate' })
  metric!: string;

  @ApiPropertyOptional({ example: '2026-03-01' })
  @IsOptional()
  @Matches(DATE, { message: `from ${DATE_MESSAGE}` })
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31' })
  @IsOptional()
  @Matches(DATE, { message: `to ${DATE_MESSAGE}` })
  to?: string;

  @ApiPropertyOptional({ example: 'school' })
  @IsOptional()
  @Matches(SLUG, { message: 'groupType must be a slug such as village or school' })
  groupType?: string;
}

export class AsOfBody {
  @ApiPropertyOptional({ example: '2026-03-31', description: 'default: the business date today' })
  @IsOptional()
  @Matches(DATE, { message: `asOf ${DATE_MESSAGE}` })
  asOf?: string;
}

export class KpiInputBody {
  @ApiProperty({ enum: KPI_INPUTS })
  @IsIn(KPI_INPUTS)
  input!: string;

  @ApiPropertyOptional({ example: 'tenant', description: 'default tenant' })
  @IsOptional()
  @Matches(SLUG, { message: 'groupType must be a slug' })
  groupType?: string;

  @ApiPropertyOptional({ description: 'the group (or user, team); default: the tenant' })
  @IsOptional()
  @IsUUID('all', { message: 'groupId must be a uuid' })
  groupId?: string;

  @ApiProperty({ example: '2013-01-01' })
  @Matches(DATE, { message: `periodStart ${DATE_MESSAGE}` })
  periodStart!: string;

  @ApiProperty({ example: '2013-12-31' })
  @Matches(DATE, { message: `periodEnd ${DATE_MESSAGE}` })
  periodEnd!: string;

  @ApiProperty({ example: '100000000.00' })
  @Matches(AMOUNT, { message: 'amount must be yuan with at most 2 decimals' })
  amount!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class AttributeBody {
  @ApiProperty({ example: '村主任' })
  @IsString()
  @Length(1, 500)
  value!: string;
}

export class LaunchDriveBody {
  @ApiProperty({ example: 'npl-drive', description: "a drive id of the tenant's pack" })
  @Matches(SLUG, { message: 'drive must be a drive id of the pack' })
  drive!: string;

  @ApiProperty({ example: '2026-05-15', description: 'the first day of the first phase' })
  @Matches(DATE, { message: `launchDate ${DATE_MESSAGE}` })
  launchDate!: string;
}

export class PublishBody extends AsOfBody {
  @ApiProperty({ example: 'progress', description: "a publication id of the pack's drive" })
  @Matches(SLUG, { message: 'publication must be a publication id of the drive' })
  publication!: string;
}

export class DecisionBody {
  @ApiProperty({ enum: ['approved', 'rejected'] })
  @IsIn(['approved', 'rejected'])
  decision!: 'approved' | 'rejected';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class CompleteItemBody {
  @ApiPropertyOptional({ description: 'how many of the quantity are done; default all' })
  @IsOptional()
  @Matches(/^\d{1,6}$/, { message: 'done must be a whole number' })
  done?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;

  @ApiPropertyOptional({ description: "the item's result, when its task kind declares results" })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  result?: string;
}
