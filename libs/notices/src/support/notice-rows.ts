import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';
import type { DeliveryRule, NoticeChannel } from '../rendering/front-matter';
import type { DeadlineFields, DeliveryStatus, NoticeStatus } from '../domain/delivery';

/** A notice as the API shows it: everything but the HTML and the rendered data. */
export interface NoticeView {
  readonly id: string;
  readonly caseId: string | null;
  readonly debtorId: string;
  readonly templateId: string;
  readonly packVersion: string;
  readonly templateHash: string;
  readonly channel: NoticeChannel;
  readonly title: string;
  readonly status: NoticeStatus;
  readonly idempotencyKey: string;
  readonly sentOn: LocalDate | null;
  readonly outcomeOn: LocalDate | null;
  readonly deliveryRule: DeliveryRule | null;
  readonly deadline: LocalDate | null;
  readonly deadlineCountFrom: LocalDate | null;
  readonly deadlineExplanation: string | null;
  readonly issuedBy: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface DeliveryEventView {
  readonly status: DeliveryStatus;
  readonly on: LocalDate;
  readonly deadline: LocalDate | null;
  readonly deadlineExplanation: string | null;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

// Dates come back from the driver as 'YYYY-MM-DD' strings; timestamps go out as ISO 8601.
const COLUMNS = `id, case_id, debtor_id, template_id, pack_version, template_hash, channel, title,
  status, idempotency_key, sent_on, outcome_on, delivery_rule, deadline, deadline_count_from,
  deadline_explanation, issued_by, version, to_json(created_at) #>> '{}' as created_at,
  to_json(updated_at) #>> '{}' as updated_at`;

type Row = Record<string, unknown>;

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

function toView(row: Row): NoticeView {
  return {
    id: String(row.id),
    caseId: text(row.case_id),
    debtorId: String(row.debtor_id),
    templateId: String(row.template_id),
    packVersion: String(row.pack_version),
    templateHash: String(row.template_hash),
    channel: row.channel as NoticeChannel,
    title: String(row.title),
    status: row.status as NoticeStatus,
    idempotencyKey: String(row.idempotency_key),
    sentOn: text(row.sent_on),
    outcomeOn: text(row.outcome_on),
    deliveryRule: (row.delivery_rule as DeliveryRule | null) ?? null,
    deadline: text(row.deadline),
    deadlineCountFrom: text(row.deadline_count_from),
    deadlineExplanation: text(row.deadline_explanation),
    issuedBy: String(row.issued_by),
    version: Number(row.version),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}

export async function findNotice(
  em: EntityManager,
  tenantId: string,
  where: { id: string } | { idempotencyKey: string },
  lock = false,
): Promise<NoticeView | undefined> {
  const [clause, value] =
    'id' in where ? ['id = ?', where.id] : ['idempotency_key = ?', where.idempotencyKey];
  const [row] = await em.execute<Row[]>(
    `select ${COLUMNS} from notices where tenant_id = ? and ${clause}${lock ? ' for update' : ''}`,
    [tenantId, value],
  );
  return row ? toView(row) : undefined;
}

export async function findNoticeHtml(
  em: EntityManager,
  tenantId: string,
  id: string,
): Promise<string | undefined> {
  const [row] = await em.execute<{ rendered_html: string }[]>(
    `select rendered_html from notices where tenant_id = ? and id = ?`,
    [tenantId, id],
  );
  return row?.rendered_html;
}

export interface NewNoticeRow {
  readonly tenantId: string;
  readonly id: string;
  readonly caseId: string | null;
  readonly debtorId: string;
  readonly templateId: string;
  readonly packVersion: string;
  readonly templateHash: string;
  readonly channel: NoticeChannel;
  readonly title: string;
  readonly html: string;
  readonly data: Record<string, unknown>;
  readonly idempotencyKey: string;
  readonly deliveryRule: DeliveryRule | null;
  readonly issuedBy: string;
  readonly at: Date;
}

export interface DeliveryUpdate extends DeadlineFields {
  readonly status: DeliveryStatus;
  readonly on: LocalDate;
  readonly sentOn: LocalDate | null;
  readonly outcomeOn: LocalDate | null;
  readonly recordedBy: string;
  readonly at: Date;
  readonly eventId: string;
}

/** Moves the notice to its new delivery state and appends the report to its history. */
export async function saveDelivery(
  em: EntityManager,
  tenantId: string,
  noticeId: string,
  update: DeliveryUpdate,
): Promise<void> {
  await em.execute(
    `update notices set status = ?, sent_on = ?, outcome_on = ?, deadline = ?,
       deadline_count_from = ?, deadline_explanation = ?, version = version + 1, updated_at = ?
     where tenant_id = ? and id = ?`,
    [
      update.status,
      update.sentOn,
      update.outcomeOn,
      update.deadline,
      update.countFrom,
      update.explanation,
      update.at,
      tenantId,
      noticeId,
    ],
  );
  await em.execute(
    `insert into notice_delivery_events (tenant_id, id, notice_id, status, occurred_on, deadline,
       deadline_explanation, recorded_by, recorded_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      tenantId,
      update.eventId,
      noticeId,
      update.status,
      update.on,
      update.deadline,
      update.explanation,
      update.recordedBy,
      update.at,
    ],
  );
}

export async function listDeliveries(
  em: EntityManager,
  tenantId: string,
  noticeId: string,
): Promise<DeliveryEventView[]> {
  const rows = await em.execute<Row[]>(
    `select status, occurred_on, deadline, deadline_explanation, recorded_by,
       to_json(recorded_at) #>> '{}' as recorded_at
     from notice_delivery_events where tenant_id = ? and notice_id = ?
     order by recorded_at, seq`,
    [tenantId, noticeId],
  );
  return rows.map((row) => ({
    status: row.status as DeliveryStatus,
    on: String(row.occurred_on),
    deadline: text(row.deadline),
    deadlineExplanation: text(row.deadline_explanation),
    recordedBy: String(row.recorded_by),
    recordedAt: String(row.recorded_at),
  }));
}
