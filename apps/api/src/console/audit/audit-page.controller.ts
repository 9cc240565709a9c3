import { Get, HttpCode, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { ChainVerdict } from '@qingshou/db';
import { ConsoleController } from '../http/console-controller';
import { hasMessage } from '../i18n/i18n';
import {
  AuditFilter,
  AuditPage,
  ListAuditEvents,
} from '../queries/list-audit-events/list-audit-events.query';
import { VerifyAuditChain } from '../queries/verify-audit-chain/verify-audit-chain.query';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TYPE = /^[A-Za-z]{1,80}$/;

/** Query-string filters: anything malformed is simply not applied (a read, nothing to refuse). */
export function auditFilterOf(raw: Record<string, string | undefined>): AuditFilter {
  const text = (value: string | undefined, pattern: RegExp) =>
    value && pattern.test(value) ? value : null;
  const before = raw.before && /^\d{1,15}$/.test(raw.before) ? Number(raw.before) : null;
  return {
    from: text(raw.from, DATE),
    to: text(raw.to, DATE),
    actorId: text(raw.actor, /^[A-Za-z0-9:_-]{1,100}$/),
    type: text(raw.type, TYPE),
    beforeSeq: before,
  };
}

/** 审计日志: the hash-chained event log, filterable, with 校验 (the CLI's audit verify). */
@ConsoleController('audit', 'audit.read')
export class AuditPageController {
  constructor(
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get()
  async list(
    @Page() page: PageContext,
    @Query() raw: Record<string, string | undefined>,
  ): Promise<string> {
    return this.views.page('audit/index', page, await this.model(page, auditFilterOf(raw), null));
  }

  @Post('verify')
  @HttpCode(200)
  async verify(@Page() page: PageContext): Promise<string> {
    const verdict = await this.queries.execute<VerifyAuditChain, ChainVerdict>(
      new VerifyAuditChain(page.meta()),
    );
    const result = verdictModel(verdict);
    if (page.htmx)
      return this.views.partial('audit/index.verify', page, {
        title: 'audit.title',
        verify: result,
      });
    return this.views.page('audit/index', page, await this.model(page, auditFilterOf({}), result));
  }

  private async model(page: PageContext, filter: AuditFilter, verify: VerifyModel | null) {
    const data = await this.queries.execute<ListAuditEvents, AuditPage>(
      new ListAuditEvents(page.meta(), filter),
    );
    const label = (type: string) =>
      hasMessage(`event.${type}`) ? page.t(`event.${type}`) : page.t('audit.otherEvent');
    const keep = new URLSearchParams();
    if (filter.from) keep.set('from', filter.from);
    if (filter.to) keep.set('to', filter.to);
    if (filter.actorId) keep.set('actor', filter.actorId);
    if (filter.type) keep.set('type', filter.type);
    if (data.nextBeforeSeq !== null) keep.set('before', String(data.nextBeforeSeq));
    return {
      title: 'audit.title',
      filter,
      total: data.total,
      rows: data.rows.map((row) => ({
        ...row,
        label: label(row.type),
        // The debtor's own page acts as `debtor-self:<link>` (issue 16 §3): named, not 系统.
        actor:
          row.actorName ??
          page.t(row.actorId.startsWith('debtor-self:') ? 'audit.debtorSelf' : 'audit.system'),
        subject: page.t(
          hasMessage(`audit.aggregate.${row.aggregateType}`)
            ? `audit.aggregate.${row.aggregateType}`
            : 'audit.aggregate.other',
        ),
      })),
      actors: data.actors.map((a) => ({ ...a, current: a.id === filter.actorId })),
      types: data.types
        .map((type) => ({ type, label: label(type), current: type === filter.type }))
        .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN')),
      next: data.nextBeforeSeq === null ? null : `/console/audit?${keep.toString()}`,
      paged: filter.beforeSeq !== null,
      verify,
    };
  }
}

interface VerifyModel {
  readonly ok: boolean;
  readonly events: number;
  readonly brokenAtSeq: number | null;
}

function verdictModel(verdict: ChainVerdict): VerifyModel {
  return verdict.ok
    ? { ok: true, events: verdict.events, brokenAtSeq: null }
    : { ok: false, events: verdict.events, brokenAtSeq: verdict.brokenAtSeq };
}
