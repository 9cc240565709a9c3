import { IsArray, IsOptional, Matches } from 'class-validator';
import { Bool, Int, OneOf, Optional, Required } from './rules';

/** What the debtor may do on their own page (issue 16 §3); each lands through the console's command. */
export const SELF_SERVICE_ACTIONS = ['promise', 'plan', 'dispute', 'callback'] as const;
export type SelfServiceAction = (typeof SELF_SERVICE_ACTIONS)[number];

/** How the link reaches the debtor: a QR code printed on the letter, or an SMS. */
export const SELF_SERVICE_CHANNELS = ['letter-qr', 'sms'] as const;
export type SelfServiceChannel = (typeof SELF_SERVICE_CHANNELS)[number];

/** What an employer (单位, the housing fund's 欠缴单位) proves itself with. */
export const EMPLOYER_PROOFS = ['credit-code', 'none'] as const;

const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;

/**
 * 自助页面 (issue 16 §3–4): the debtor opens a signed, expiring link, proves who they are with
 * what the office holds (the last characters of the ID number — or of the unified credit code
 * for an employer — and a one-time code to the phone on file) and sees the balance and the
 * notices; the pack says how long a link lives and what the debtor may do. Without this block
 * (or with `enabled: false`) no link is issued. Messages carry Chinese and English.
 */
export class SelfServiceSpec {
  @IsOptional()
  @Bool()
  enabled = false;

  /** 链接有效天数: days a link lives from its issue. */
  @Required()
  @Int(1, 90)
  linkDays!: number;

  /** 核验位数: how many last characters of the ID number the debtor types. */
  @IsOptional()
  @Int(4, 8)
  idDigits = 4;

  /** 单位核验: an employer types the last `idDigits` characters of its 统一社会信用代码. */
  @IsOptional()
  @OneOf(EMPLOYER_PROOFS)
  employers: (typeof EMPLOYER_PROOFS)[number] = 'none';

  /** 可办事项: promise (承诺还款), plan (还款计划), dispute (异议), callback (预约回电). */
  @Required()
  @IsArray({ message: '必须是列表 (must be a list)' })
  @OneOf(SELF_SERVICE_ACTIONS, { each: true })
  actions!: SelfServiceAction[];

  /**
   * 自动同意上限: a plan the debtor proposes whose total is at most this is agreed at once
   * (the debtor signs on the page); above it, or without it, the plan waits for the office.
   */
  @Optional()
  @Matches(AMOUNT, {
    message: '必须是金额，如 "5000.00" (must be an amount in yuan like "5000.00")',
  })
  autoAgreePlansUpTo?: string;

  /** 送达渠道: how links reach debtors. */
  @Required()
  @IsArray({ message: '必须是列表 (must be a list)' })
  @OneOf(SELF_SERVICE_CHANNELS, { each: true })
  channels!: SelfServiceChannel[];

  /** 验证码有效分钟. */
  @IsOptional()
  @Int(1, 15)
  codeMinutes = 5;

  /** 错误次数上限: wrong answers before the link locks. */
  @IsOptional()
  @Int(3, 10)
  maxWrongTries = 5;

  /** 锁定分钟. */
  @IsOptional()
  @Int(5, 1440)
  lockMinutes = 30;
}
