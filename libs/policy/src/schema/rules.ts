import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

/**
 * Short decorators with the messages pack authors read: the path names the field, so the
 * reason never repeats it ("must be ≥ 0", not "min must not be less than 0").
 */
export const SLUG = /^[a-z][a-z0-9-]{0,47}$/;
export const CAMEL = /^[a-z][A-Za-z0-9]{0,47}$/;

const compose =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };

export const Required = () => IsDefined({ message: 'is required' });
export const Optional = () => IsOptional();

export const Slug = (options: { each?: boolean } = {}) =>
  compose(
    ...(options.each ? [IsArray({ message: 'must be a list' })] : []),
    Matches(SLUG, {
      each: options.each,
      message: options.each
        ? 'each entry must be a slug: lowercase letters, digits and dashes'
        : 'must be a slug: lowercase letters, digits and dashes, starting with a letter',
    }),
  );

export const Text = (max = 200) =>
  compose(
    IsString({ message: 'must be a text' }),
    Length(1, max, { message: `must be 1–${max} characters` }),
  );

export const OneOf = (values: readonly (string | number)[], options: { each?: boolean } = {}) =>
  compose(
    ...(options.each ? [IsArray({ message: 'must be a list' })] : []),
    IsIn(values as (string | number)[], {
      each: options.each,
      message: `${options.each ? 'each entry ' : ''}must be one of: ${values.join(', ')}`,
    }),
  );

export const Int = (min?: number, max?: number) =>
  compose(
    IsInt({ message: 'must be an integer' }),
    ...(min === undefined ? [] : [Min(min, { message: `must be ≥ ${min}` })]),
    ...(max === undefined ? [] : [Max(max, { message: `must be ≤ ${max}` })]),
  );

export const Bool = () => IsBoolean({ message: 'must be true or false' });

/** A nested object validated as `cls`. */
export const Nested = (cls: () => new () => object) =>
  compose(ValidateNested({ message: 'must be an object' }), Type(cls));

/** A list of objects validated as `cls`. */
export const NestedList = (cls: () => new () => object, max = 500) =>
  compose(
    IsArray({ message: 'must be a list' }),
    ArrayMaxSize(max, { message: `must have at most ${max} entries` }),
    ValidateNested({ each: true, message: 'each entry must be an object' }),
    Type(cls),
  );

/** A list of texts, each 1–max characters. */
export const Texts = (max = 200) =>
  compose(
    IsArray({ message: 'must be a list' }),
    IsString({ each: true, message: 'each entry must be a text' }),
    Length(1, max, { each: true, message: `each entry must be 1–${max} characters` }),
  );
