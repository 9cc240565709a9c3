import { FieldProblem, ValidationFailedError } from '@qingshou/core';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_LENGTH = { min: 10, max: 256 };

/** zxcvbn's 0–4 score; 3 means "safely unguessable" against an online attacker and then some. */
const MIN_SCORE = 3;

/** Who the password belongs to: a password made from these is refused. */
export interface PasswordOwner {
  readonly username: string;
  readonly displayName?: string;
  readonly tenantSlug?: string;
}

// Built once: ranking the dictionaries is the slow part of the estimator.
let estimator: ZxcvbnFactory | null = null;
const zxcvbn = () =>
  (estimator ??= new ZxcvbnFactory({
    dictionary,
    graphs: adjacencyGraphs,
    useLevenshteinDistance: true,
  }));

/** The estimator's warning as the reason a person reads (Chinese first, then English). */
const WHY: Record<string, string> = {
  userInputs: '与用户名或姓名相近（too close to the username or name）',
  simpleRepeat: '是重复的字符（repeated characters）',
  extendedRepeat: '是重复的片段（a repeated pattern）',
  sequences: '是连续的字符，如 123456、abcdef（a sequence like 123456 or abcdef）',
  keyPattern: '是键盘上相邻的按键（neighbouring keys on the keyboard）',
  topTen: '是最常见的密码之一（one of the most common passwords）',
  topHundred: '是很常见的密码（a very common password）',
  common: '是常见的密码（a common password）',
  similarToCommon: '与常见密码相近（close to a common password）',
};

/**
 * Why this password must not be set (empty when it may). Used wherever a password is set:
 * CreateUser, CreateTenant's admin, the CLI, and any password change; the estimator
 * (zxcvbn-ts with the common dictionaries) catches common, sequential, repeated and
 * owner-derived passwords rather than a hand-kept list.
 */
export function passwordProblems(password: string, owner: PasswordOwner): FieldProblem[] {
  const path = 'password';
  if (password.length > PASSWORD_LENGTH.max) {
    return [
      {
        path,
        reason: `密码不能超过 ${PASSWORD_LENGTH.max} 个字符（password must be at most ${PASSWORD_LENGTH.max} characters）`,
      },
    ];
  }
  if (password.length < PASSWORD_LENGTH.min) {
    return [
      {
        path,
        reason: `密码至少需要 ${PASSWORD_LENGTH.min} 个字符（password must be at least ${PASSWORD_LENGTH.min} characters）`,
      },
    ];
  }
  const inputs = [owner.username, owner.displayName, owner.tenantSlug].filter(
    (v): v is string => !!v && v.trim().length > 0,
  );
  const result = zxcvbn().check(password, inputs);
  if (result.score >= MIN_SCORE) return [];
  const why = WHY[result.feedback.warning ?? ''] ?? '太容易被猜到（too easy to guess）';
  return [
    {
      path,
      reason: `密码太弱：${why}。请换一个更长、不含用户名、没有规律的密码（password too weak; choose a longer one without the username or an obvious pattern）`,
    },
  ];
}

/** Refuses a weak password with 400 naming the field (problem+json on the API, the form in the console). */
export function assertStrongPassword(password: string, owner: PasswordOwner): void {
  const problems = passwordProblems(password, owner);
  if (problems.length > 0) {
    throw new ValidationFailedError('密码不符合要求（password refused）', problems);
  }
}
