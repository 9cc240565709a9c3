import { ActorCommand, ActorMeta } from '@qingshou/core';
import type { DebtorKind } from '../entities/debtor.entity';

export interface DebtorInput {
  readonly kind: DebtorKind;
  readonly name: string;
  /** Resident ID (person) or unified social credit code (organisation), as typed. */
  readonly idNumber: string;
  readonly phones?: readonly string[];
  readonly address?: string | null;
}

export class RegisterDebtor extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly debtor: DebtorInput,
  ) {
    super(meta);
  }
}

export interface RegisteredDebtor {
  readonly id: string;
}
