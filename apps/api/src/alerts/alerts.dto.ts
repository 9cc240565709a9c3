import { ApiPropertyOptional } from '@nestjs/swagger';
import { ALERT_STATES } from '@qingshou/collection';
import type { AlertState } from '@qingshou/collection';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '../collection/common.dto';

export class ListAlertsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ALERT_STATES, default: 'open' })
  @IsOptional()
  @IsIn(ALERT_STATES)
  state?: AlertState;
}

export class AcknowledgeAlertBody {
  @ApiPropertyOptional({ example: '已督促外访员今日上午完成外访' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}
