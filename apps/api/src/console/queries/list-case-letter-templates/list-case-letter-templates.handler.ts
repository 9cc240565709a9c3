import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CalendarService } from '@qingshou/calendar';
import { NotFoundError, requirePermission, viewerOf, visibleCasesSql } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { ActivePacks, caseLetterTemplates, type ResolvedPack } from '@qingshou/policy';
import {
  CaseLetterChoices,
  LetterTemplateChoice,
  ListCaseLetterTemplates,
} from './list-case-letter-templates.query';

/** The approval the pack gates a template with (the engine's noticeGate reads the same entry). */
function gateOf(pack: ResolvedPack, template: string): string | null {
  const ref = pack.spec.notices.find((n) => n.template === template)?.approval;
  if (!ref) return null;
  return ref.kind ?? 'notice-approval';
}

/** The pack's case letters: its plan agreement is printed from the 还款计划 panel, not here. */
function choicesOf(pack: ResolvedPack): LetterTemplateChoice[] {
  const letters = Object.values(caseLetterTemplates(pack.templates));
  return letters.map((t) => ({
    id: `${pack.id}/${t.name}`,
    title: t.title,
    channel: t.channel,
    approvalKind: gateOf(pack, t.name),
    inputs: (t.input ?? []).map((f) => ({
      name: f.name,
      type: f.type,
      required: f.required === true,
      maxLength: f.maxLength ?? null,
      label: { zh: f.label.zh, en: f.label.en },
    })),
  }));
}

@QueryHandler(ListCaseLetterTemplates)
export class ListCaseLetterTemplatesHandler implements IQueryHandler<
  ListCaseLetterTemplates,
  CaseLetterChoices
> {
  constructor(
    private readonly tx: TenantTx,
    private readonly packs: ActivePacks,
    private readonly calendar: CalendarService,
  ) {}

  async execute(query: ListCaseLetterTemplates): Promise<CaseLetterChoices> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'notice.issue');
    const visible = visibleCasesSql(viewer);
    return this.tx.run(query.tenantId, async (em) => {
      const [found] = await em.execute<{ time_zone: string; kinds: string[] }[]>(
        `select t.time_zone,
                array(select distinct rp.kind from related_parties rp
                      where rp.tenant_id = c.tenant_id and rp.debtor_id = c.debtor_id
                      order by rp.kind) as kinds
         from cases c join tenants t on t.id = c.tenant_id
         where c.tenant_id = ? and c.id = ? and ${visible.sql}`,
        [query.tenantId, query.caseId, ...visible.params],
      );
      if (!found) throw new NotFoundError('case', query.caseId);
      const active = await this.packs.active(em, query.tenantId);
      return {
        today: this.calendar.today(found.time_zone),
        templates: active ? choicesOf(active.pack) : [],
        recipients: ['debtor', ...found.kinds],
      };
    });
  }
}
