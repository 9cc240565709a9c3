import { ActorMeta, CollectionCommand } from '../domain/collection-command';
import type { ContactChannel, ContactParty } from '../domain/vocabulary';

/** An uploaded file as the edge received it; the lib never sees HTTP types. */
export interface UploadedFile {
  readonly data: Buffer;
  readonly originalName: string;
  readonly contentType: string;
}

export interface LogContactInput {
  readonly caseId: string;
  readonly channel: ContactChannel;
  readonly party: ContactParty;
  /** The guarantor or other person contacted, from the ledger's related parties. */
  readonly relatedPartyId?: string;
  readonly outcomeCode: string;
  readonly notes?: string;
  /** When it happened; default now. Logged after the fact, never in the future. */
  readonly attemptedAt?: string;
  /** 篇六: the first visit learns why the debtor is overdue. */
  readonly overdueReasonCode?: string;
  /** A call recording (篇八: 全程录音), a signed reply slip, a visit photo. */
  readonly file?: UploadedFile;
}

export class LogContact extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly input: LogContactInput,
  ) {
    super(meta);
  }
}

export interface LogContactResult {
  readonly id: string;
  readonly attachment: { id: string; sha256: string; sizeBytes: number } | null;
}
