import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ContactPolicy, OverdueReasonCatalog } from '@qingshou/collection';
import { NotFoundError, requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { ContactFormTerms, GetContactTerms } from './get-contact-terms.query';

@QueryHandler(GetContactTerms)
export class GetContactTermsHandler implements IQueryHandler<GetContactTerms, ContactFormTerms> {
  constructor(
    private readonly tx: TenantTx,
    private readonly contacts: ContactPolicy,
    private readonly reasons: OverdueReasonCatalog,
  ) {}

  async execute(query: GetContactTerms): Promise<ContactFormTerms> {
    requirePermission(viewerOf(query), 'case.read');
    const [tenant] = await this.tx.run(query.tenantId, (em) =>
      em.execute<{ time_zone: string }[]>(`select time_zone from tenants where id = ?`, [
        query.tenantId,
      ]),
    );
    if (!tenant) throw new NotFoundError('tenant', query.tenantId);
    const terms = await this.contacts.terms(query.tenantId);
    const reasonList = terms.reasons ?? (await this.reasons.reasons(query.tenantId));
    return { ...terms, reasonList, timeZone: tenant.time_zone };
  }
}
