import { IsOptional, Matches } from 'class-validator';
import { LocalizedText } from './common.schema';
import { Bool, CAMEL, Nested, NestedList, OneOf, Optional, Required, Slug, Text } from './rules';
import { PARAMETER_TYPES, ParameterType } from './value-kinds';

/** One value of an enum parameter or attribute, with its labels. */
export class CodeLabel {
  @Required()
  @Slug()
  code!: string;

  @Required()
  @Text(200)
  zh!: string;

  @Required()
  @Text(200)
  en!: string;
}

/**
 * A knob the tenant may turn at install: `legalReferralDpd: 90`. Either a default or
 * `required: true` (the tenant must give it, e.g. a drive's launch date). Defaults, bounds
 * and enum values are checked by the loader against the type.
 */
export class ParameterSpec {
  @Required()
  @Matches(CAMEL, { message: 'must be camelCase: a letter, then letters and digits' })
  name!: string;

  @Required()
  @OneOf(PARAMETER_TYPES)
  type!: ParameterType;

  @IsOptional()
  default?: unknown;

  @Optional()
  @Bool()
  required?: boolean;

  @IsOptional()
  min?: number | string;

  @IsOptional()
  max?: number | string;

  @Optional()
  @NestedList(() => CodeLabel, 100)
  values?: CodeLabel[];

  @Optional()
  @Nested(() => LocalizedText)
  names?: LocalizedText;

  @Required()
  @Nested(() => LocalizedText)
  description!: LocalizedText;
}
