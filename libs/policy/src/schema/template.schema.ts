import { ArrayMaxSize, IsArray, IsOptional, IsString } from 'class-validator';
import { NOTICE_CHANNELS } from '../registry/vocabularies';
import { Bool, OneOf, Optional, Required, Text } from './rules';

/**
 * The front matter of templates/<name>.hbs:
 *   ---
 *   title: 逾期催收函
 *   channel: letter
 *   required: [debtor.name, account.overdueAmount]
 *   ---
 * `required` names fields the engine must supply; each must be one it can.
 */
export class TemplateFrontMatter {
  @Required()
  @Text(200)
  title!: string;

  @Required()
  @OneOf(NOTICE_CHANNELS)
  channel!: string;

  @IsOptional()
  @IsArray({ message: 'must be a list of field names' })
  @ArrayMaxSize(100, { message: 'must list at most 100 fields' })
  @IsString({ each: true, message: 'each entry must be a field name' })
  required: string[] = [];

  /** The letter carries a reply slip to return (篇一 对账单). */
  @IsOptional()
  @Bool()
  replySlip: boolean = false;

  /** A shared layout under the repository's templates/ (letterhead). */
  @Optional()
  @Text(100)
  layout?: string;
}
