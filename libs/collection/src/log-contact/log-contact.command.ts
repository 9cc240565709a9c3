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
  /** A promise made on this contact: saved with it or not at all (both fields, or neither). */
  readonly promise?: { readonly amount?: string; readonly dueOn?: string };
  /** 下次跟进日期 (YYYY-MM-DD, tenant's zone); default from the result code's days. */
  readonly nextFollowUpOn?: string;
}

/**
 * Why a contact's field was refused, as the API says it; the console words each in Chinese
 * at the field (apps/api/src/console/cases/contact-form.ts).
 */
export const CONTACT_PROBLEMS = {
  future: 'must not be in the future',
  backdated: "is earlier than the pack's back-dating limit allows",
  unknownResult: "is not one of the pack's result codes",
  reasonRequired: 'is required by the pack (the overdue cause)',
  recordingRequired: 'a recording is required for this channel by the pack',
  notesRequired: 'is required by the pack (what was said and done)',
  promiseAmount: 'is required with a promise due date',
  promiseDueOn: 'is required with a promise amount',
  followUpPast: 'must not be before today',
} as const;

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
  readonly promiseId: string | null;
  /** The case's call task now due on the follow-up date (moved, or created). */
  readonly followUp: {
    readonly taskId: string;
    readonly on: string;
    readonly moved: boolean;
  } | null;
}
