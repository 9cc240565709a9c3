import type { DpdBand, LoanClass } from '@qingshou/ledger';
import { monthsInArrearsSql, overdueInstallmentsSql } from '@qingshou/ledger';
import { loanClassSql } from '@qingshou/outcomes';

/**
 * Each row-level report column as one SQL expression over a list row: `s` (the subject:
 * debtor or account, from the KPI subjects CTE, so amounts and DPD are the same figures the
 * metrics use), `d` (the debtor), `lc` (the subject's live — else latest — case) and `k`
 * (tenant, as-of date, period start, time zone). "In period" columns count from the start
 * of the report's period to the as-of date. A column with no source comes out empty and
 * is named in the report's notes.
 */
const ACCOUNTS_OF = `(select a.id from accounts a where a.tenant_id = k.tenant_id
  and a.debtor_id = s.debtor_id and (s.account_id is null or a.id = s.account_id))`;
const CASES_OF = `(select c.id from cases c where c.tenant_id = k.tenant_id and c.debtor_id = s.debtor_id)`;
/** One channel's count in the office's words: calls and visits 次, letters 份, texts 条. */
const CHANNEL_COUNT_ZH = `case x.channel when 'call' then '电话' || count(*) || '次'
  when 'visit' then '上门' || count(*) || '次' when 'letter' then '函件' || count(*) || '份'
  when 'sms' then '短信' || count(*) || '条' when 'wechat' then '微信' || count(*) || '次'
  else x.channel || count(*) || '次' end`;
/** Channels in the office's order: 电话, 上门, 函件, 短信, 微信. */
const CHANNEL_RANK = `min(case x.channel when 'call' then 1 when 'visit' then 2 when 'letter' then 3
  when 'sms' then 4 when 'wechat' then 5 else 6 end)`;
const CHANNEL_ZH = `case x.channel when 'call' then '电话' when 'sms' then '短信' when 'letter' then '信函'
  when 'visit' then '外访' when 'wechat' then '微信' else x.channel end`;

/** 账龄 by days past due where the ledger has no bucket for the account. */
const DPD_BAND_ZH = `case when s.dpd <= 0 then '未逾期' when s.dpd <= 30 then '1-30天'
  when s.dpd <= 60 then '31-60天' when s.dpd <= 90 then '61-90天' when s.dpd <= 180 then '91-180天'
  when s.dpd <= 360 then '181-360天' else '360天以上' end`;

/**
 * A figure of the debtor's latest plan signed by the report's date (还款计划台账): the plan
 * is the overlay on the ledger, so its total and what was paid under it are its own.
 */
const latestPlan = (expression: string) => `(select ${expression} from repayment_plans rp
  where rp.tenant_id = k.tenant_id and rp.case_id in ${CASES_OF} and rp.agreed_on <= k.as_of
  order by rp.agreed_on desc, rp.proposed_at desc limit 1)`;

/** A pack code and its Chinese words (the pack's overdue causes). */
export interface CodeWords {
  readonly code: string;
  readonly zh: string;
}

/** 五级分类 as the regulator's words; the console says them the same (loanClass.* keys). */
const LOAN_CLASS_WORDS: readonly CodeWords[] = [
  { code: 'pass', zh: '正常' },
  { code: 'special-mention', zh: '关注' },
  { code: 'substandard', zh: '次级' },
  { code: 'doubtful', zh: '可疑' },
  { code: 'loss', zh: '损失' },
];

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The code's words where the pack names it, else the code. */
function inWords(expression: string, words: readonly CodeWords[]): string {
  if (words.length === 0) return expression;
  const arms = words.map((w) => `when ${literal(w.code)} then ${literal(w.zh)}`).join(' ');
  return `(select case r.code ${arms} else r.code end from (select ${expression} as code) r)`;
}

export function listColumnSql(
  column: string,
  groupType: string | null,
  bands: readonly DpdBand<LoanClass>[] | undefined,
  reasons: readonly CodeWords[] = [],
  stages: readonly CodeWords[] = [],
): string | null {
  switch (column) {
    case 'debtorName':
      return 'd.name';
    case 'debtorIdMasked':
      return 'd.id_number';
    case 'accountRef':
      return `(select string_agg(a.external_ref, '、' order by a.external_ref) from accounts a
               where a.tenant_id = k.tenant_id and a.id in ${ACCOUNTS_OF})`;
    case 'accountType':
      return `(select string_agg(distinct a.type, '、') from accounts a
               where a.tenant_id = k.tenant_id and a.id in ${ACCOUNTS_OF})`;
    case 'group': {
      const filter = groupType ? `and g.type = '${groupType}'` : '';
      return `(select string_agg(g.name, '、' order by g.type, g.code) from debtor_group_members m
               join debtor_groups g on g.tenant_id = m.tenant_id and g.id = m.group_id
               where m.tenant_id = k.tenant_id and m.debtor_id = s.debtor_id ${filter})`;
    }
    case 'collector':
    case 'responsiblePerson':
      return `(select u.display_name from users u where u.tenant_id = k.tenant_id and u.id = lc.assignee_id)`;
    case 'principal':
      return `(select sum(a.principal) from accounts a where a.tenant_id = k.tenant_id and a.id in ${ACCOUNTS_OF})`;
    case 'outstandingPrincipal':
      return 's.outstanding_principal';
    case 'overdueAmount':
    case 'contributionArrears':
      return 's.overdue_amount';
    case 'penaltyInterest':
      return `(select sum(b.penalty_interest) from account_balances b
               where b.tenant_id = k.tenant_id and b.account_id in ${ACCOUNTS_OF})`;
    case 'dpd':
      return 's.dpd';
    case 'consecutiveOverdue':
    case 'cumulativeOverdue': {
      // 连续/累计逾期期数 as of the report date, the subject's worst account (the ledger's
      // definition, overdueInstallmentsSql).
      const count = column === 'consecutiveOverdue' ? 'consecutive' : 'cumulative';
      return `(select coalesce(max(t.${count}), 0) from ${overdueInstallmentsSql(ACCOUNTS_OF)} t)`;
    }
    case 'agingBucket':
      // 账龄 from the ledger's bucket (the pack's buckets), else the DPD band it falls in.
      return `coalesce((select b.aging_bucket from account_balances b
               where b.tenant_id = k.tenant_id and b.account_id in ${ACCOUNTS_OF}
               order by b.dpd desc limit 1), ${DPD_BAND_ZH})`;
    case 'loanClass':
      return inWords(loanClassSql('s.dpd', bands), LOAN_CLASS_WORDS);
    case 'planTotal':
      return latestPlan('rp.total');
    case 'planDownPayment':
      return latestPlan('rp.down_payment');
    case 'planCount':
      return latestPlan('rp.instalment_count');
    case 'planPaid':
      return latestPlan(`(select coalesce(sum(i.paid), 0) from plan_instalments i
        where i.tenant_id = rp.tenant_id and i.plan_id = rp.id)`);
    case 'planOverdue':
      return latestPlan(`(select count(*) from plan_instalments i
        where i.tenant_id = rp.tenant_id and i.plan_id = rp.id and i.due_on < k.as_of
          and i.status <> 'kept')`);
    case 'planStatus':
      return latestPlan(`case rp.status when 'active' then '履行中' when 'kept' then '已履行'
        when 'broken' then '已违约' when 'proposed' then '待生效' else '已取消' end`);
    case 'stage':
      // The stage as the pack names it (逾期7日送达逾期催收函), not its id (demand-letter).
      return inWords('lc.stage', stages);
    case 'status':
      return 'lc.status';
    case 'reasonCode':
      // The cause the latest contact found (issue 11 §3: stored on each contact), else the
      // case's own (set at opening, or by a contact before causes were stored on contacts).
      return inWords(
        `coalesce((select x.overdue_reason_code from contact_attempts x
                   where x.tenant_id = k.tenant_id and x.case_id in ${CASES_OF}
                     and x.overdue_reason_code is not null
                     and (x.attempted_at at time zone k.tz)::date <= k.as_of
                   order by x.attempted_at desc limit 1), lc.overdue_reason_code)`,
        reasons,
      );
    case 'measures':
      // 催收措施 as the office writes it: each channel with its count (电话3次、上门1次、函件1份).
      // Ties in the office's order; nothing logged in the period says so, not a blank cell.
      return `coalesce((select string_agg(t.words, '、' order by t.n desc, t.rank) from (
                 select ${CHANNEL_COUNT_ZH} as words, count(*) as n, ${CHANNEL_RANK} as rank
                 from contact_attempts x
                 where x.tenant_id = k.tenant_id and x.case_id in ${CASES_OF}
                   and (x.attempted_at at time zone k.tz)::date between k.period_start and k.as_of
                 group by x.channel) t), '本期未催收')`;
    case 'method':
      // 清收方式: the channel the case was last worked through.
      return `(select ${CHANNEL_ZH} from contact_attempts x
               where x.tenant_id = k.tenant_id and x.case_id in ${CASES_OF}
                 and (x.attempted_at at time zone k.tz)::date <= k.as_of
               order by x.attempted_at desc limit 1)`;
    case 'deadline':
      // 清收期限: the earliest open task's due day on the debtor's cases, else the promise's.
      return `(select to_char(min(t.due_at) at time zone k.tz, 'YYYY-MM-DD') from tasks t
               where t.tenant_id = k.tenant_id and t.case_id in ${CASES_OF}
                 and t.status not in ('done', 'cancelled'))`;
    case 'monthsStopped':
      // 停缴月数: the monthly contributions due and still unpaid, from the contribution ledger.
      return monthsInArrearsSql(ACCOUNTS_OF);
    case 'phase':
      return `(select p.names->>'zh' from drive_phases p where p.tenant_id = k.tenant_id
                 and k.as_of between p.starts_on and p.ends_on order by p.seq limit 1)`;
    case 'lastContactAt':
      // Never contacted is said (未联系), not left blank.
      return `coalesce((select to_char(max(x.attempted_at) at time zone k.tz, 'YYYY-MM-DD HH24:MI')
               from contact_attempts x where x.tenant_id = k.tenant_id and x.case_id in ${CASES_OF}
                 and (x.attempted_at at time zone k.tz)::date <= k.as_of), '未联系')`;
    case 'contacts':
    case 'visits':
      return `(select count(*) from contact_attempts x
               where x.tenant_id = k.tenant_id and x.case_id in ${CASES_OF}
                 ${column === 'visits' ? "and x.channel = 'visit'" : ''}
                 and (x.attempted_at at time zone k.tz)::date between k.period_start and k.as_of)`;
    case 'promises':
      return `(select count(*) from promises p where p.tenant_id = k.tenant_id
                 and p.case_id in ${CASES_OF} and p.promised_on between k.period_start and k.as_of)`;
    case 'repayments':
    case 'recoveredAmount':
      return `(select coalesce(sum(p.amount), 0) from payments p where p.tenant_id = k.tenant_id
                 and p.account_id in ${ACCOUNTS_OF} and p.paid_on between k.period_start and k.as_of)`;
    case 'costs':
      return `(select coalesce(sum(x.amount), 0) from case_costs x where x.tenant_id = k.tenant_id
                 and x.case_id in ${CASES_OF} and x.incurred_on between k.period_start and k.as_of)`;
    case 'flags':
      return `(select string_agg(f.flag, '、' order by f.flag) from pack_flags f
               where f.tenant_id = k.tenant_id and f.cleared_on is null
                 and ((f.subject = 'debtor' and f.subject_id = s.debtor_id)
                   or (f.subject = 'account' and f.subject_id = s.account_id)))`;
    default:
      return null;
  }
}

/** The numeric columns that are amounts in yuan (the others count days or contacts). */
export const MONEY_COLUMNS = new Set([
  'planTotal',
  'planDownPayment',
  'planPaid',
  'principal',
  'outstandingPrincipal',
  'overdueAmount',
  'contributionArrears',
  'penaltyInterest',
  'repayments',
  'recoveredAmount',
  'costs',
]);

export const NUMERIC_COLUMNS = new Set([
  'planTotal',
  'planDownPayment',
  'planPaid',
  'planCount',
  'planOverdue',
  'principal',
  'outstandingPrincipal',
  'overdueAmount',
  'contributionArrears',
  'penaltyInterest',
  'dpd',
  'consecutiveOverdue',
  'cumulativeOverdue',
  'monthsStopped',
  'contacts',
  'visits',
  'promises',
  'repayments',
  'recoveredAmount',
  'costs',
]);
