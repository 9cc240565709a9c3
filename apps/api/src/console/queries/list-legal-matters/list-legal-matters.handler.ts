import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { FileStorage } from '@qingshou/collection';
import { NotFoundError, requirePermission, viewerOf, visibleCasesSql } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import type { RecordingFile } from '../list-recordings/list-recordings.query';
import {
  GetLegalDocument,
  GetLegalMatter,
  LegalMatterDetail,
  LegalMatterRow,
  ListLegalMatters,
} from './list-legal-matters.query';

/** A case is a legal matter once referred: approved legal-referral, status legal, or filed. */
const REFERRED = `(c.status = 'legal'
  or exists (select 1 from approvals ap where ap.tenant_id = c.tenant_id and ap.case_id = c.id
             and ap.kind = 'legal-referral' and ap.status = 'approved')
  or exists (select 1 from legal_matters lm0 where lm0.tenant_id = c.tenant_id and lm0.case_id = c.id))`;

const ROWS = `select c.id, d.name as debtor_name, c.status, bal.dpd, bal.amount_due::text as amount_due,
    lm.status as matter_status, lm.court, lm.court_case_number,
    last.step as last_step, last.occurred_on::text as last_step_on,
    (select coalesce(sum(cc.amount), 0)::text from case_costs cc
      where cc.tenant_id = c.tenant_id and cc.case_id = c.id and cc.legal_matter_id is not null) as costs
  from cases c
  join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
  left join lateral (
    select coalesce(max(ab.dpd), 0) as dpd, coalesce(sum(ab.total_due), 0) as amount_due
    from case_accounts ca
    join account_balances ab on ab.tenant_id = ca.tenant_id and ab.account_id = ca.account_id
    where ca.tenant_id = c.tenant_id and ca.case_id = c.id
  ) bal on true
  left join lateral (
    select * from legal_matters m where m.tenant_id = c.tenant_id and m.case_id = c.id
    order by (m.status = 'open') desc, m.created_at desc limit 1
  ) lm on true
  left join lateral (
    select e.step, e.occurred_on from legal_events e
    where e.tenant_id = lm.tenant_id and e.legal_matter_id = lm.id
    order by e.occurred_on desc, e.recorded_at desc limit 1
  ) last on true`;

function rowOf(r: Record<string, unknown>): LegalMatterRow {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    caseId: String(r.id),
    debtorName: String(r.debtor_name),
    caseStatus: String(r.status),
    dpd: Number(r.dpd),
    amountDue: String(r.amount_due),
    matterStatus: (text(r.matter_status) as 'open' | 'closed' | null) ?? null,
    court: text(r.court),
    courtCaseNumber: text(r.court_case_number),
    lastStep: text(r.last_step),
    lastStepOn: text(r.last_step_on),
    costs: String(r.costs),
  };
}

@QueryHandler(ListLegalMatters)
export class ListLegalMattersHandler implements IQueryHandler<ListLegalMatters, LegalMatterRow[]> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListLegalMatters): Promise<LegalMatterRow[]> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'legal-step.record');
    const visible = visibleCasesSql(viewer);
    return this.tx.run(query.tenantId, async (em) => {
      const rows = await em.execute<Record<string, unknown>[]>(
        `${ROWS} where c.tenant_id = ? and ${visible.sql} and ${REFERRED}
         order by (lm.id is null) desc, (lm.status = 'closed'), last.occurred_on desc nulls first,
                  bal.amount_due desc, c.id
         limit 500`,
        [query.tenantId, ...visible.params],
      );
      return rows.map(rowOf);
    });
  }
}

@QueryHandler(GetLegalMatter)
export class GetLegalMatterHandler implements IQueryHandler<GetLegalMatter, LegalMatterDetail> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: GetLegalMatter): Promise<LegalMatterDetail> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'legal-step.record');
    const visible = visibleCasesSql(viewer);
    return this.tx.run(query.tenantId, async (em) => {
      const [found] = await em.execute<Record<string, unknown>[]>(
        `${ROWS} where c.tenant_id = ? and c.id = ?::uuid and ${visible.sql}`,
        [query.tenantId, query.caseId, ...visible.params],
      );
      if (!found) throw new NotFoundError('case', query.caseId);
      const [matter] = await em.execute<Record<string, unknown>[]>(
        `select id, status, filed_on::text as filed_on, court, court_case_number, lawyer
         from legal_matters where tenant_id = ? and case_id = ?
         order by (status = 'open') desc, created_at desc limit 1`,
        [query.tenantId, query.caseId],
      );
      const steps = matter
        ? await em.execute<Record<string, unknown>[]>(
            `select e.id, e.step, e.occurred_on::text as occurred_on, e.amount::text as amount,
                    e.details, e.attachment_id, a.original_name,
                    u.display_name as recorded_by
             from legal_events e
             left join attachments a on a.tenant_id = e.tenant_id and a.id = e.attachment_id
             left join users u on u.tenant_id = e.tenant_id and u.id::text = e.recorded_by
             where e.tenant_id = ? and e.legal_matter_id = ?
             order by e.occurred_on, e.recorded_at`,
            [query.tenantId, matter.id],
          )
        : [];
      const costs = await em.execute<Record<string, unknown>[]>(
        `select category, amount::text as amount, incurred_on::text as incurred_on, voucher_ref
         from case_costs where tenant_id = ? and case_id = ? and legal_matter_id is not null
         order by incurred_on, recorded_at`,
        [query.tenantId, query.caseId],
      );
      const settlements = await em.execute<Record<string, unknown>[]>(
        `select asset, appraisal_value::text as appraisal_value, appraised_on::text as appraised_on,
                title_transfer_on::text as title_transfer_on
         from settlements_in_kind where tenant_id = ? and case_id = ? order by recorded_at`,
        [query.tenantId, query.caseId],
      );
      const [referral] = await em.execute<{ ok: boolean }[]>(
        `select exists (select 1 from approvals where tenant_id = ? and case_id = ?
           and kind = 'legal-referral' and status = 'approved') as ok`,
        [query.tenantId, query.caseId],
      );
      const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
      return {
        row: rowOf(found),
        matter: matter
          ? {
              id: String(matter.id),
              status: matter.status as 'open' | 'closed',
              filedOn: String(matter.filed_on),
              court: text(matter.court),
              courtCaseNumber: text(matter.court_case_number),
              lawyer: text(matter.lawyer),
            }
          : null,
        steps: steps.map((s) => ({
          id: String(s.id),
          step: String(s.step),
          occurredOn: String(s.occurred_on),
          amount: text(s.amount),
          details: text(s.details),
          attachmentId: text(s.attachment_id),
          attachmentName: text(s.original_name),
          recordedBy: text(s.recorded_by),
        })),
        costs: costs.map((c) => ({
          category: String(c.category),
          amount: String(c.amount),
          incurredOn: String(c.incurred_on),
          voucherRef: text(c.voucher_ref),
        })),
        settlements: settlements.map((s) => ({
          asset: String(s.asset),
          appraisalValue: String(s.appraisal_value),
          appraisedOn: text(s.appraised_on),
          titleTransferOn: text(s.title_transfer_on),
        })),
        referralApproved: Boolean(referral?.ok),
      };
    });
  }
}

@QueryHandler(GetLegalDocument)
export class GetLegalDocumentHandler implements IQueryHandler<GetLegalDocument, RecordingFile> {
  constructor(
    private readonly tx: TenantTx,
    private readonly storage: FileStorage,
  ) {}

  async execute(query: GetLegalDocument): Promise<RecordingFile> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'legal-step.record');
    const visible = visibleCasesSql(viewer);
    const rows = await this.tx.run(query.tenantId, (em) =>
      em.execute<{ storage_key: string; content_type: string; original_name: string }[]>(
        `select a.storage_key, a.content_type, a.original_name
         from legal_events e
         join legal_matters m on m.tenant_id = e.tenant_id and m.id = e.legal_matter_id
         join cases c on c.tenant_id = m.tenant_id and c.id = m.case_id
         join attachments a on a.tenant_id = e.tenant_id and a.id = e.attachment_id
         where e.tenant_id = ? and c.id = ?::uuid and a.id = ?::uuid and ${visible.sql}`,
        [query.tenantId, query.caseId, query.attachmentId, ...visible.params],
      ),
    );
    const row = rows[0];
    if (!row) throw new NotFoundError('document', query.attachmentId);
    return {
      data: await this.storage.get(row.storage_key),
      contentType: row.content_type,
      originalName: row.original_name,
    };
  }
}
