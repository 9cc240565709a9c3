import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock, localDateOf } from '@qingshou/calendar';
import { NotFoundError, requirePermission, viewerOf, visibleCasesSql } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { templateFile } from '@qingshou/engine';
import { dec, maskIdNumber } from '@qingshou/ledger';
import { loadSharedTemplates, NoticeTemplateEngine } from '@qingshou/notices';
import { ActivePacks, planAgreementTemplate } from '@qingshou/policy';
import { GetPlanLetter } from './get-plan-letter.query';

interface LetterRow {
  tenant_name: string;
  time_zone: string;
  debtor_name: string;
  id_number: string | null;
  arrears: string;
  penalty: string;
  waiver: string;
  total: string;
  down_payment: string;
  instalment_count: number;
  grace_days: number;
  accounts: string[] | null;
  instalments: { seq: number; dueOn: string; amount: string }[];
}

/**
 * The plan on a case the viewer sees (else 404), its debtor and accounts, rendered with the
 * plan agreement (`purpose: plan-agreement`) of the pack version the tenant pinned — as the
 * engine's notices are, whatever policies/ holds today — through the notices' strict engine
 * (amounts in figures and in capitals by the template's helpers, the letterhead and
 * signature partials). The one rule for who may see a plan's letter, in HTML or as a PDF.
 */
@QueryHandler(GetPlanLetter)
export class GetPlanLetterHandler implements IQueryHandler<GetPlanLetter, string> {
  // The console stores no notice, so it keeps its own strict engine (templates compiled once
  // per content hash: a pack upgrade's changed file compiles anew) over the pinned snapshot.
  private readonly engine = new NoticeTemplateEngine(loadSharedTemplates());

  constructor(
    private readonly tx: TenantTx,
    private readonly clock: Clock,
    private readonly packs: ActivePacks,
  ) {}

  async execute(query: GetPlanLetter): Promise<string> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'case.read');
    const visible = visibleCasesSql(viewer);
    const { row, active } = await this.tx.run(query.tenantId, async (em) => {
      const [found] = await em.execute<LetterRow[]>(
        `select t.name as tenant_name, t.time_zone,
                d.name as debtor_name, d.id_number, p.arrears::text, p.penalty::text,
                p.waiver::text, p.total::text, p.down_payment::text, p.instalment_count,
                p.grace_days,
                (select array_agg(a.external_ref order by a.external_ref) from case_accounts ca
                 join accounts a on a.tenant_id = ca.tenant_id and a.id = ca.account_id
                 where ca.tenant_id = c.tenant_id and ca.case_id = c.id) as accounts,
                (select jsonb_agg(jsonb_build_object('seq', i.seq, 'dueOn', i.due_on::text,
                          'amount', i.amount::text) order by i.seq)
                 from plan_instalments i where i.tenant_id = p.tenant_id and i.plan_id = p.id)
                  as instalments
         from repayment_plans p
         join cases c on c.tenant_id = p.tenant_id and c.id = p.case_id
         join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
         join tenants t on t.id = p.tenant_id
         where p.tenant_id = ? and p.id = ? and p.case_id = ? and ${visible.sql}`,
        [query.tenantId, query.planId, query.caseId, ...visible.params],
      );
      return { row: found, active: found ? await this.packs.active(em, query.tenantId) : null };
    });
    if (!row) throw new NotFoundError('plan', query.planId);
    const agreement = active ? planAgreementTemplate(active.pack) : undefined;
    if (!active || !agreement) throw new NotFoundError('template', 'plan-agreement');
    const file = templateFile(active.pack.id, active.pack.version, agreement);
    const template = this.engine.compile(file.templateId, file.source);
    const data = {
      tenant: { name: row.tenant_name },
      debtor: {
        name: row.debtor_name,
        idNumberMasked: row.id_number ? maskIdNumber(row.id_number) : null,
      },
      plan: {
        accounts: (row.accounts ?? []).map((ref) => ({ ref })),
        arrears: row.arrears,
        penalty: row.penalty,
        waiver: row.waiver,
        hasPenalty: dec(row.penalty).gt(0),
        hasWaiver: dec(row.waiver).gt(0),
        total: row.total,
        downPayment: row.down_payment,
        count: row.instalment_count,
        graceDays: row.grace_days,
        instalments: row.instalments.map((i) => ({
          label: i.seq === 0 ? '首付' : `第${i.seq}期`,
          dueOn: i.dueOn,
          amount: String(i.amount),
        })),
      },
      notice: { issuedOn: localDateOf(this.clock.now(), row.time_zone) },
    };
    return this.engine.render(template, data).html;
  }
}
