import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  CASE_STATUSES,
  type CasePoolItem,
  type CasePoolPage,
  LOAN_CLASSES,
  SearchCases,
} from '@qingshou/collection';
import { hasPermission, viewerOf } from '@qingshou/core';
import { UNREACHABLE_FLAG } from '@qingshou/ledger';
import { randomUUID } from 'node:crypto';
import { emptyForm, type FormSpec, type FormState } from '../forms/form-state';
import {
  CaseFilterChoices,
  ListCaseFilterChoices,
} from '../queries/list-case-filter-choices/list-case-filter-choices.query';
import { CollectorOption, ListCollectors } from '../queries/list-collectors/list-collectors.query';
import {
  CaseLetterChoices,
  ListCaseLetterTemplates,
} from '../queries/list-case-letter-templates/list-case-letter-templates.query';
import { ConsoleViews } from '../render/console-views';
import { codeName } from '../render/helpers';
import type { PageContext } from '../render/page-context';
import { FILTER_FIELDS, filterQuery, ParsedFilters, SORT_CHOICES } from './case-pool-filters';

export const FILTER_SPEC: FormSpec = { id: 'pool', fields: FILTER_FIELDS };
export const BATCH_SPEC: FormSpec = {
  id: 'batch',
  // The ticked cases are no field of their own: "pick some cases" goes to the summary.
  fields: ['collectorId', 'handoverNote', 'templateId'],
};
export const PAGE_SIZE = 50;

/** A case the batch could not act on, and why, in words. */
export interface BatchRefusal {
  readonly caseId: string;
  readonly debtor: string;
  readonly reason: string;
}

export interface BatchState {
  readonly form: FormState;
  readonly refusals: BatchRefusal[];
}

export const freshBatch = (): BatchState => ({ form: emptyForm(BATCH_SPEC), refusals: [] });

/** The case pool page: filter form, the page of rows with its total, and the batch bar. */
@Injectable()
export class CasePoolModel {
  constructor(
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  async build(
    page: PageContext,
    parsed: ParsedFilters,
    filterForm: FormState,
    batch: BatchState,
    cursor?: string,
  ) {
    const viewer = viewerOf(page.meta());
    const mayAssign = hasPermission(viewer, 'case.assign');
    const mayPrint = hasPermission(viewer, 'notice.issue');
    const ok = filterForm.general.length === 0 && Object.keys(filterForm.errors).length === 0;
    const [result, choices, vocab, collectors] = await Promise.all([
      ok
        ? this.queries.execute<SearchCases, CasePoolPage>(
            new SearchCases(page.meta(), parsed.filters, cursor, PAGE_SIZE, parsed.order),
          )
        : Promise.resolve<CasePoolPage>({ items: [], nextCursor: null, total: 0 }),
      this.queries.execute<ListCaseFilterChoices, CaseFilterChoices>(
        new ListCaseFilterChoices(page.meta()),
      ),
      this.views.vocabularyOf(page),
      mayAssign
        ? this.queries.execute<ListCollectors, CollectorOption[]>(new ListCollectors(page.meta()))
        : Promise.resolve([]),
    ]);
    const letters = mayPrint && result.items[0] ? await this.letters(page, result.items[0]) : null;
    const name = (prefix: string, code: string) => codeName(page.lang, vocab, prefix, code);
    const query = filterQuery(parsed.values);
    return {
      title: 'pool.title',
      filter: filterForm,
      query,
      total: result.total,
      // Past 10,000 matches the count stops: "共 10,000 件以上".
      totalCapped: result.totalCapped === true,
      rows: result.items.map((item) => this.row(item, name)),
      // 连续/累计逾期期数 where the office counts arrears in 期 (the pack says so).
      countInstallments: vocab.countInstallments === true,
      nextHref: result.nextCursor
        ? `/console/cases?${query ? `${query}&` : ''}cursor=${encodeURIComponent(result.nextCursor)}`
        : null,
      firstHref: cursor ? `/console/cases${query ? `?${query}` : ''}` : null,
      // The extra filters stay open while one of them is set (not for the search box or sort).
      moreOpen: Object.keys(parsed.values).some((name) => name !== 'q' && name !== 'sort'),
      filterHidden: Object.entries(parsed.values).map(([name, value]) => ({ name, value })),
      exportHref: `/console/cases/pool/export${query ? `?${query}` : ''}`,
      choices: {
        statuses: CASE_STATUSES.map((s) => ({ value: s, label: name('case.status', s) })),
        stages: Object.entries(vocab.stages).map(([value, n]) => ({ value, label: n[page.lang] })),
        loanClasses: LOAN_CLASSES.map((c) => ({ value: c, label: name('loanClass', c) })),
        flags: [
          ...Object.entries(vocab.flags).map(([value, n]) => ({ value, label: n[page.lang] })),
          { value: 'blacklist', label: name('flag', 'blacklist') },
          // 失联: set from the case page's contact panel in every pack (MarkDebtorUnreachable).
          { value: UNREACHABLE_FLAG, label: name('flag', UNREACHABLE_FLAG) },
        ],
        attrs: Object.entries(vocab.attributes ?? {}).flatMap(([key, a]) =>
          Object.entries(a.values).map(([code, v]) => ({
            value: `${key}=${code}`,
            label: `${a.name[page.lang]}：${v[page.lang]}`,
          })),
        ),
        assignees: choices.assignees.map((u) => ({ value: u.id, label: u.name })),
        teams: choices.teams.map((t) => ({ value: t.id, label: t.name })),
        groupTypes: [...new Set(choices.groups.map((g) => g.type))].map((t) => ({
          value: t,
          label: name('group', t),
        })),
        groups: choices.groups.map((g) => ({
          value: g.id,
          label: `${name('group', g.type)}·${g.name}`,
        })),
        sorts: SORT_CHOICES.map((s) => ({ value: s, label: page.t(`pool.sort.${s}`) })),
        collectors: collectors.map((c) => ({
          value: c.id,
          label: `${c.displayName}（${c.openCases}）`,
        })),
        templates: (letters?.templates ?? [])
          .filter((t) => !t.inputs.some((f) => f.required))
          .map((t) => ({ value: t.id, label: t.title })),
      },
      mayAssign,
      mayPrint: mayPrint && (letters?.templates.length ?? 0) > 0,
      batch: {
        form: {
          ...batch.form,
          values: { batchKey: randomUUID(), ...batch.form.values },
        },
        refusals: batch.refusals,
      },
      flash: null as string | null,
      flashCount: null as number | null,
    };
  }

  private row(item: CasePoolItem, name: (prefix: string, code: string) => string) {
    return {
      id: item.id,
      debtorName: item.debtor.name,
      refs: item.accountRefs.join('、'),
      status: item.status,
      stage: item.stage,
      dpd: item.dpd,
      amountDue: item.amountDue,
      assignee: item.assignee?.name ?? null,
      groups: item.groups.map((g) => g.name).join('、'),
      loanClass: item.loanClass,
      overdueInstallments: item.overdueInstallments,
      flags: item.flags.map((f) => name('flag', f)),
      nextDueAt: item.nextDueAt,
    };
  }

  /** The pack's letters (same for every case of the tenant); read through one visible case. */
  private async letters(page: PageContext, item: CasePoolItem): Promise<CaseLetterChoices> {
    return this.queries.execute<ListCaseLetterTemplates, CaseLetterChoices>(
      new ListCaseLetterTemplates(page.meta(), item.id),
    );
  }
}
