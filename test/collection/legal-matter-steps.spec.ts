import {
  GetLegalMatter,
  LegalMatterDetail,
  LegalMatterRow,
  ListLegalMatters,
} from '../../apps/api/src/console/queries/list-legal-matters/list-legal-matters.query';
import { FileStorage, RecordLegalStep } from '../../libs/collection/src';
import { QueryBus } from '@nestjs/cqrs';
import { startCollectionApi, CollectionTestApi } from './support/collection-api';
import {
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from './support/fixtures';

describe('issue 11 §5 legal room: a matter runs 立案 → 判决 → 结案 with its documents, costs and amounts', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'manager' | 'legal' | 'auditor', Member>;
  let caseId: string;

  const meta = (who: Member, roles: ('legal' | 'manager' | 'auditor')[]) => ({
    tenantId,
    actorId: who.id,
    roles,
    correlationId: 'legal-matter-spec',
  });

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-06-15T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'legal-matters', {
      manager: ['manager'],
      legal: ['legal'],
      auditor: ['auditor'],
    });
    tenantId = tenant.tenantId;
    users = tenant.users;
    const { debtorId } = await debtorWithOverdueAccount(api, tenantId, {
      name: '陈十一',
      principal: '52000.00',
      dueOn: '2026-03-01',
      startDate: '2026-02-01',
    });
    caseId = await openCase(api, users.manager, debtorId);
    const referral = await api
      .http()
      .post(`/api/v1/cases/${caseId}/approvals`)
      .set('Authorization', `Bearer ${users.manager.token}`)
      .send({ kind: 'legal-referral', reason: '多次承诺未兑现' })
      .expect(201);
    await api
      .http()
      .post(`/api/v1/approvals/${referral.body.id}/decision`)
      .set('Authorization', `Bearer ${users.legal.token}`)
      .send({ decision: 'approved' })
      .expect(200);
  }, 180_000);
  afterAll(async () => api.close());

  it('a referred case is a matter before filing (no matter row yet), listed for legal', async () => {
    const rows = await api.app
      .get(QueryBus)
      .execute<ListLegalMatters, LegalMatterRow[]>(
        new ListLegalMatters(meta(users.legal, ['legal'])),
      );
    expect(rows.map((r) => [r.caseId, r.matterStatus])).toEqual([[caseId, null]]);
  });

  it('filing stores its document (sha256, size) beside the step; 诉讼标的 52,000.00 and 诉讼费 1,250.00 are kept', async () => {
    const pdf = Buffer.from('%PDF-1.4 起诉状');
    const filed = await api.commands.execute(
      new RecordLegalStep(meta(users.legal, ['legal']), {
        caseId,
        step: 'filing',
        occurredOn: '2026-06-01',
        court: '某某区人民法院',
        courtCaseNumber: '(2026)某0102民初1234号',
        amount: '52000.00',
        cost: { category: 'court-fee', amount: '1250.00' },
        file: { data: pdf, originalName: '起诉状.pdf', contentType: 'application/pdf' },
      }),
    );
    const [event] = await ownerQuery(
      api,
      `select e.step, e.amount::text as amount, a.size_bytes::int as size, a.original_name, a.storage_key
         from legal_events e join attachments a on a.tenant_id = e.tenant_id and a.id = e.attachment_id
        where e.id = $1`,
      [filed.legalEventId],
    );
    expect(event).toMatchObject({
      step: 'filing',
      amount: '52000.00',
      size: pdf.length,
      original_name: '起诉状.pdf',
    });
    const stored = await api.app.get(FileStorage).get(String(event.storage_key));
    expect(stored.equals(pdf)).toBe(true);
  });

  it('judgment of 48,000.00, then 结案 closes the matter; the case stays legal', async () => {
    await api.commands.execute(
      new RecordLegalStep(meta(users.legal, ['legal']), {
        caseId,
        step: 'judgment',
        amount: '48000.00',
        occurredOn: '2026-06-10',
      }),
    );
    await api.commands.execute(
      new RecordLegalStep(meta(users.legal, ['legal']), { caseId, step: 'closure' }),
    );
    const detail = await api.app
      .get(QueryBus)
      .execute<GetLegalMatter, LegalMatterDetail>(
        new GetLegalMatter(meta(users.legal, ['legal']), caseId),
      );
    expect(detail.matter?.status).toBe('closed');
    expect(detail.steps.map((s) => [s.step, s.occurredOn, s.amount])).toEqual([
      ['filing', '2026-06-01', '52000.00'],
      ['judgment', '2026-06-10', '48000.00'],
      ['closure', '2026-06-15', null],
    ]);
    expect(detail.costs).toEqual([
      { category: 'court-fee', amount: '1250.00', incurredOn: '2026-06-01', voucherRef: null },
    ]);
    expect(detail.row.costs).toBe('1250.00');
    const [caseRow] = await ownerQuery(api, `select status from cases where id = $1`, [caseId]);
    expect(caseRow.status).toBe('legal');
  });

  it('a later step on the closed matter is refused (no open matter)', async () => {
    await expect(
      api.commands.execute(
        new RecordLegalStep(meta(users.legal, ['legal']), { caseId, step: 'enforcement' }),
      ),
    ).rejects.toMatchObject({ code: 'no-legal-matter' });
  });

  it('the auditor may not read the legal room (legal-step.record: legal, manager)', async () => {
    await expect(
      api.app.get(QueryBus).execute(new ListLegalMatters(meta(users.auditor, ['auditor']))),
    ).rejects.toMatchObject({ status: 403 });
  });
});
