/**
 * The contact panel's vocabulary (issue 11 §2). Codes are stored; the console names them
 * in Chinese through its catalogue (contactPoint.subtype.mobile → 手机 …).
 */
export const CONTACT_POINT_KINDS = ['phone', 'address'] as const;
export type ContactPointKind = (typeof CONTACT_POINT_KINDS)[number];

/** 手机 / 住宅电话 / 单位电话 */
export const PHONE_SUBTYPES = ['mobile', 'home-phone', 'work-phone'] as const;
/** 家庭住址 / 单位地址 / 经营场所 / 户籍地址 */
export const ADDRESS_SUBTYPES = ['home', 'work', 'business', 'hukou'] as const;

/** 合同 / 导入 / 催收员新增 / 债务人告知 */
export const CONTACT_POINT_SOURCES = ['contract', 'import', 'collector', 'debtor'] as const;
export type ContactPointSource = (typeof CONTACT_POINT_SOURCES)[number];

/** 有效 / 空号 / 停机 / 非本人 / 未核实 */
export const PHONE_STATUSES = ['valid', 'empty', 'suspended', 'not-owner', 'unverified'] as const;
/** 有效 / 查无此人 / 已搬离 */
export const ADDRESS_STATUSES = ['valid', 'unknown-person', 'moved'] as const;

export type ContactPointSubtype =
  (typeof PHONE_SUBTYPES)[number] | (typeof ADDRESS_SUBTYPES)[number];
export type ContactPointStatus =
  (typeof PHONE_STATUSES)[number] | (typeof ADDRESS_STATUSES)[number];

export function subtypesOf(kind: ContactPointKind): readonly string[] {
  return kind === 'phone' ? PHONE_SUBTYPES : ADDRESS_SUBTYPES;
}

export function statusesOf(kind: ContactPointKind): readonly string[] {
  return kind === 'phone' ? PHONE_STATUSES : ADDRESS_STATUSES;
}

/** 失联: the platform flag (lost-contact) MarkDebtorUnreachable sets in pack_flags (subject: the debtor). */
export const UNREACHABLE_FLAG = 'lost-contact';

/** A mainland mobile number; any other phone reads as a landline (住宅电话) until told. */
export function phoneSubtypeOf(phone: string): (typeof PHONE_SUBTYPES)[number] {
  return /^(\+?86)?1[3-9]\d{9}$/.test(phone) ? 'mobile' : 'home-phone';
}
