import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { AuditChainVerifier, ChainVerdict, TenantTx } from '@qingshou/db';
import { VerifyAuditChain } from './verify-audit-chain.query';

/** The CLI's `audit verify`, for the auditor's console: the same verifier, the caller's tenant. */
@QueryHandler(VerifyAuditChain)
export class VerifyAuditChainHandler implements IQueryHandler<VerifyAuditChain, ChainVerdict> {
  constructor(
    private readonly tx: TenantTx,
    private readonly verifier: AuditChainVerifier,
  ) {}

  execute(query: VerifyAuditChain): Promise<ChainVerdict> {
    requirePermission(viewerOf(query), 'audit.read');
    return this.tx.run(query.tenantId, (em) => this.verifier.verify(em, query.tenantId));
  }
}
