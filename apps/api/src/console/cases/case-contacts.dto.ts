import {
  ADDRESS_STATUSES,
  ADDRESS_SUBTYPES,
  PHONE_STATUSES,
  PHONE_SUBTYPES,
} from '@qingshou/ledger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

const SUBTYPES = [...PHONE_SUBTYPES, ...ADDRESS_SUBTYPES] as string[];

/** A phone as people type it: digits with spaces or dashes (the handler normalises it). */
export const PHONE_AS_TYPED = /^\+?[\d\s-]{5,25}$/;
export const PHONE_REASON = '请填写 5–20 位数字的电话号码（可含空格或短横线）';

export function isPhoneSubtype(subtype: string): boolean {
  return (PHONE_SUBTYPES as readonly string[]).includes(subtype);
}

/**
 * 新增电话/地址 on the contact panel. The subtype says whether it is a phone or an address
 * (手机 … 户籍地址); `owner` is the debtor (empty) or one of its related parties. Reasons are
 * in Chinese: the console shows them at the field as they are.
 */
export class AddContactPointBody {
  @IsIn(SUBTYPES, { message: '请选择类型' })
  subtype!: string;

  @IsString({ message: '请填写号码或地址' })
  @Length(4, 300, { message: '请填写 4–300 个字' })
  value!: string;

  @IsOptional()
  @IsIn(['collector', 'debtor'], { message: '请选择来源' })
  source?: 'collector' | 'debtor';

  @IsOptional()
  @Matches(/^(debtor|[0-9a-f-]{36})$/, { message: '请选择联系人' })
  owner?: string;
}

/** 标记状态 of one phone or address. */
export class SetContactPointStatusBody {
  @IsIn([...new Set([...PHONE_STATUSES, ...ADDRESS_STATUSES])], { message: '请选择状态' })
  status!: string;
}
