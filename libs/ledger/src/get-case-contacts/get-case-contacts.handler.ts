import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ForbiddenError, requirePermission, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { caseDebtor } from '../contact-points/case-debtor';
import { UNREACHABLE_FLAG } from '../contact-points/contact-point-codes';
import { readGroups, readRelatedParties } from '../get-debtor/debtor-rows';
import {
  caseContactAccess,
  mayRevealPersonalData,
  PERSONAL_DATA_REVEAL_ROLES,
  PersonalDataView,
} from '../personal-data/personal-data-policy';
import { BusinessDate } from '../support/business-date';
import { eventContext, LEDGER_EVENTS } from '../support/ledger-events';
import { CaseContactsView, ContactPointView, GetCaseContacts } from './get-case-contacts.query';

type Row = Record<string, unknown>;

// Valid first, then unverified, then the dead ones; newest first within a status.
const STATUS_ORDER = `case status when 'valid' then 0 when 'unverified' then 1 else 2 end`;

/**
 * The one place that decides whether a case's phones and addresses are shown whole
 * (personal-data-policy `caseContactAccess`): the assigned collector and a reveal role that
 * asks see them whole, and each such view is audited with PersonalDataViewed in the same
 * transaction; everybody else gets them masked. 404 on a case the viewer cannot see.
 */
@QueryHandler(GetCaseContacts)
export class GetCaseContactsHandler implements IQueryHandler<GetCaseContacts, CaseContactsView> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly dates: BusinessDate,
  ) {}

  execute(query: GetCaseContacts): Promise<CaseContactsView> {
    requirePermission(viewerOf(query), 'ledger.read');
    return this.tx.run(query.tenantId, (em) => this.read(em, query));
  }

  private async read(em: EntityManager, query: GetCaseContacts): Promise<CaseContactsView> {
    const { tenantId, caseId } = query;
    const viewer = viewerOf(query);
    const { debtorId, assigneeId } = await caseDebtor(em, viewer, tenantId, caseId);
    const access = caseContactAccess(viewer, assigneeId, query.options.reveal === true);
    if (access === 'refused') {
      throw new ForbiddenError(
        `Unmasked personal data is shown only to the assigned collector and to: ${PERSONAL_DATA_REVEAL_ROLES.join(', ')}`,
      );
    }
    const view = new PersonalDataView(access !== 'masked');
    const [debtor] = await em.execute<Row[]>(
      `select name from debtors where tenant_id = ? and id = ?`,
      [tenantId, debtorId],
    );
    const points = await em.execute<Row[]>(
      `select id, related_party_id, kind, subtype, value, source, status, updated_at
       from debtor_contact_points where tenant_id = ? and debtor_id = ?
       order by ${STATUS_ORDER}, created_at desc, id`,
      [tenantId, debtorId],
    );
    const shown = (r: Row): ContactPointView => ({
      id: String(r.id),
      kind: r.kind as 'phone' | 'address',
      subtype: String(r.subtype),
      value: String(
        r.kind === 'phone' ? view.phone(String(r.value)) : view.address(String(r.value)),
      ),
      source: String(r.source),
      status: String(r.status),
      updatedAt: new Date(r.updated_at as string).toISOString(),
    });
    const of = (partyId: string | null, kind: string) =>
      points.filter((r) => (r.related_party_id ?? null) === partyId && r.kind === kind).map(shown);
    const parties = (await readRelatedParties(em, tenantId, debtorId)).map((p) => ({
      id: p.id,
      kind: p.kind,
      relation: p.relation,
      partyType: p.partyType,
      name: p.name,
      phones: of(p.id, 'phone'),
      addresses: of(p.id, 'address'),
    }));
    const [flag] = await em.execute<Row[]>(
      `select set_on::text as set_on from pack_flags
       where tenant_id = ? and flag = ? and subject = 'debtor' and subject_id = ?
         and cleared_on is null`,
      [tenantId, UNREACHABLE_FLAG, debtorId],
    );
    if (access !== 'masked') {
      await this.events.append(em, eventContext(query, this.dates.now()), [
        {
          type: LEDGER_EVENTS.personalDataViewed,
          aggregateType: 'debtor',
          aggregateId: debtorId,
          payload: {
            debtorId,
            caseId,
            view: 'case-contacts',
            basis: access,
            fields: ['phones', 'addresses'],
            relatedPartyIds: parties.map((p) => p.id),
            viewerRoles: [...query.roles],
          },
        },
      ]);
    }
    return {
      caseId,
      debtorId,
      debtorName: String(debtor?.name ?? ''),
      access,
      mayReveal: access === 'masked' && mayRevealPersonalData(query.roles),
      phones: of(null, 'phone'),
      addresses: of(null, 'address'),
      parties,
      groups: await readGroups(em, tenantId, debtorId),
      unreachableSince: flag ? String(flag.set_on) : null,
    };
  }
}
