import { openCases, setClientReturnDates } from '@qingshou/collection';
import { performance } from 'node:perf_hooks';
import { ACCOUNT_STAGE as S } from '../staging/stage-tables';
import { addElapsed } from '../support/timings';
import { mergeAccounts } from './merge-accounts';
import { MergeContext, MergeResult } from './merge-context';

/**
 * One account-scoped case per card account handed over (委案), opened on 委案日期 (the
 * import date when the file has none), remembering the import. Which accounts get one is
 * collection's one rule (`openCases`): none for an account a live case covers or whose
 * debtor has a live debtor case, so a re-import of the batch opens nothing. An account the
 * client handed back (退案) and now hands over again does get a new case: a new batch is
 * exactly that decision (`reopenAfterEnd`).
 */
export async function mergeCases(ctx: MergeContext): Promise<MergeResult> {
  const merged = await mergeAccounts(ctx);
  const started = performance.now();
  // The stage is this transaction's TEMP table: the EntityManager runs on the same connection.
  const { count } = await openCases(
    ctx.em,
    ctx.tenantId,
    {
      scope: 'account',
      source: {
        sql: `select s.debtor_id, s.account_id, coalesce(s.case_opened_on, ?::date) as opened_on,
                s.case_id
              from ${S} s where not s.account_repeat`,
        params: [ctx.today],
      },
      reopenAfterEnd: true,
      importId: ctx.importId ?? null,
      now: ctx.now,
    },
    false,
  );
  // 退案日期 from the batch, on the cases it opened or already had open for these cards.
  await setClientReturnDates(
    ctx.em,
    ctx.tenantId,
    {
      sql: `select s.account_id, s.case_return_on as return_on from ${S} s
            where not s.account_repeat and s.case_return_on is not null`,
      params: [],
    },
    ctx.now,
  );
  addElapsed(ctx.timings, 'open cases', started);
  return {
    counts: { ...merged.counts, casesOpened: count },
    rejected: merged.rejected,
  };
}
