/**
 * How a written value names a debtor group of a type, for every group type (村 village, 学校
 * school, 单位 employer…): by its code (V01) or, when no group has that code, by its name
 * (前营村) — an office writes names, the ledger keeps codes, and a group must not be made twice
 * (the co-op's sample import once put a second 前营村 beside V01 前营村). Both sides compared
 * trimmed. `dg` is the debtor_groups alias; `type` and `value` are SQL expressions.
 */
export function groupMatchSql(type: string, value: string): string {
  return `dg.type = ${type} and (dg.code = btrim(${value}) or dg.name = btrim(${value}))`;
}

/** Among the matches, the code's own group first, then the oldest. */
export function groupMatchOrderSql(value: string): string {
  return `(dg.code = btrim(${value})) desc, dg.created_at, dg.id`;
}
