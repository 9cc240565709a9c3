import type { LocalizedText } from '@qingshou/policy';
import type { ReliefEffect } from './relief-terms';

/** An incentive of the pinned pack as it arrives from pack_installations.resolved (JSON). */
export interface PinnedIncentive {
  readonly id: string;
  readonly names: LocalizedText;
  readonly when: Record<string, unknown>;
  readonly effect: { waive?: string[]; interestAt?: string; rateOverride?: string };
  readonly approval?: { kind?: string; by?: string };
  readonly printOnNotices?: boolean;
}

/**
 * What the relief needs from an incentive. Settlement relief is keyed on `settledBefore`;
 * `accountType` may narrow it. Any other condition in `when` is a test the ledger cannot make
 * at settlement, so the incentive is reported as unsupported rather than guessed at.
 */
export interface IncentiveRule {
  readonly id: string;
  readonly names: LocalizedText;
  readonly deadline: string | null;
  readonly accountTypes: readonly string[] | null;
  readonly effect: ReliefEffect;
  readonly approvalKind: string | null;
  readonly printOnNotices: boolean;
  /** Why the relief cannot evaluate it; null when it can. */
  readonly unsupported: string | null;
}

interface Parsed {
  deadline: string | null;
  accountTypes: string[] | null;
  unsupported: string[];
}

function parseWhen(when: Record<string, unknown>, into: Parsed): void {
  for (const [key, value] of Object.entries(when)) {
    const args = (value ?? {}) as Record<string, unknown>;
    if (key === 'settledBefore' && typeof args.date === 'string') into.deadline = args.date;
    else if (key === 'accountType' && Array.isArray(args.in)) into.accountTypes = [...args.in];
    else if (key === 'all' && Array.isArray(value)) {
      value.forEach((part) => parseWhen(part as Record<string, unknown>, into));
    } else into.unsupported.push(key);
  }
}

export function incentiveRule(incentive: PinnedIncentive): IncentiveRule {
  const parsed: Parsed = { deadline: null, accountTypes: null, unsupported: [] };
  parseWhen(incentive.when ?? {}, parsed);
  const reasons = [
    ...(parsed.deadline ? [] : ['no settledBefore date']),
    ...parsed.unsupported.map((k) => `condition "${k}" is not evaluated at settlement`),
  ];
  return {
    id: incentive.id,
    names: incentive.names,
    deadline: parsed.deadline,
    accountTypes: parsed.accountTypes,
    effect: {
      waive: incentive.effect?.waive ?? [],
      ...(incentive.effect?.interestAt ? { interestAt: incentive.effect.interestAt } : {}),
      ...(incentive.effect?.rateOverride !== undefined
        ? { rateOverride: incentive.effect.rateOverride }
        : {}),
    },
    approvalKind: incentive.approval?.kind ?? null,
    printOnNotices: incentive.printOnNotices !== false,
    unsupported: reasons.length ? reasons.join('; ') : null,
  };
}
