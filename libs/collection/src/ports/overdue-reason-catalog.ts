import { Injectable } from '@nestjs/common';
import { ValidationFailedError } from '@qingshou/core';
import { DEFAULT_OVERDUE_REASONS, Labelled } from '../domain/overdue-reasons';

/**
 * PORT. A pack may bring its own reason codes; the policy engine overrides this token.
 * The default is the six causes of 篇六.
 */
export abstract class OverdueReasonCatalog {
  abstract reasons(tenantId: string): Promise<readonly Labelled[]>;
}

@Injectable()
export class DefaultOverdueReasonCatalog extends OverdueReasonCatalog {
  async reasons(): Promise<readonly Labelled[]> {
    return DEFAULT_OVERDUE_REASONS;
  }
}

/** The code, if the tenant's catalog knows it; else a 400 listing the codes it does know. */
export async function knownReason(
  catalog: OverdueReasonCatalog,
  tenantId: string,
  code: string,
): Promise<string> {
  const known = await catalog.reasons(tenantId);
  if (!known.some((reason) => reason.code === code)) {
    throw new ValidationFailedError(`overdueReasonCode "${code}" is not in this tenant's list`, [
      {
        path: 'overdueReasonCode',
        reason: `must be one of: ${known.map((r) => r.code).join(', ')}`,
      },
    ]);
  }
  return code;
}
