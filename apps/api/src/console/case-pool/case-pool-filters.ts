import {
  CASE_SORTS,
  CASE_STATUSES,
  type CaseFilters,
  type CaseOrder,
  type CaseSort,
  type CaseStatus,
  LOAN_CLASSES,
  type LoanClass,
} from '@qingshou/collection';
import type { FieldProblem } from '@qingshou/core';
import { AMOUNT, DATE } from '../../collection/common.dto';
import { formValues } from '../forms/form-state';
import type { PageContext } from '../render/page-context';

/** The filter form's fields, in the order of the query string the page pushes. */
export const FILTER_FIELDS = [
  'q',
  'status',
  'stage',
  'dpdMin',
  'dpdMax',
  'amountMin',
  'amountMax',
  'assigneeId',
  'teamId',
  'groupType',
  'groupId',
  'loanClass',
  'flag',
  'attr',
  'dueBefore',
  'sort',
] as const;

/** `dpd-desc` etc.: one select for what to sort by and which way. */
export const SORT_CHOICES: readonly string[] = CASE_SORTS.flatMap((s) => [`${s}-desc`, `${s}-asc`]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z][a-z0-9-]{0,47}$/;
const INT = /^\d{1,5}$/;

export interface ParsedFilters {
  readonly values: Record<string, string>;
  readonly filters: CaseFilters;
  readonly order: CaseOrder;
  readonly problems: FieldProblem[];
}

/**
 * The filter form's query string → the case search's filters, each field checked here so a
 * wrong value is said in Chinese at its field (the API's DTO would say it in English).
 */
export function parseFilters(page: PageContext, query: unknown): ParsedFilters {
  const all = formValues(query);
  const values: Record<string, string> = {};
  for (const name of FILTER_FIELDS) if (all[name]?.trim()) values[name] = all[name].trim();
  const problems: FieldProblem[] = [];
  const bad = (path: string, key: string) => problems.push({ path, reason: page.t(key) });
  const check = (name: string, test: RegExp, key: string): string | undefined => {
    const value = values[name];
    if (value === undefined) return undefined;
    if (!test.test(value)) {
      bad(name, key);
      return undefined;
    }
    return value;
  };
  const status = check('status', /^[a-z-]+$/, 'pool.err.choose');
  if (status && !(CASE_STATUSES as readonly string[]).includes(status))
    bad('status', 'pool.err.choose');
  const loanClass = check('loanClass', /^[a-z-]+$/, 'pool.err.choose');
  if (loanClass && !(LOAN_CLASSES as readonly string[]).includes(loanClass))
    bad('loanClass', 'pool.err.choose');
  const sort = values.sort ?? 'priority-desc';
  const sortMatch = /^(.+)-(asc|desc)$/.exec(sort);
  if (!SORT_CHOICES.includes(sort) || !sortMatch) bad('sort', 'pool.err.choose');
  const dpdMin = check('dpdMin', INT, 'pool.err.days');
  const dpdMax = check('dpdMax', INT, 'pool.err.days');
  if (dpdMin && dpdMax && Number(dpdMin) > Number(dpdMax)) bad('dpdMax', 'pool.err.range');
  const amountMin = check('amountMin', AMOUNT, 'pool.err.amount');
  const amountMax = check('amountMax', AMOUNT, 'pool.err.amount');
  if (amountMin && amountMax && Number(amountMin) > Number(amountMax))
    bad('amountMax', 'pool.err.range');
  const attr = check('attr', /^[a-z][a-z0-9-]{0,47}(=.{1,500})?$/, 'pool.err.choose');
  const [attrKey, attrValue] = attr ? [attr.split('=')[0], attr.split('=').slice(1).join('=')] : [];
  const dueBefore = check('dueBefore', DATE, 'pool.err.date');
  const filters: CaseFilters = {
    q: values.q && values.q.length <= 100 ? values.q : undefined,
    status: status ? [status as CaseStatus] : undefined,
    stage: check('stage', SLUG, 'pool.err.choose'),
    dpdMin: dpdMin !== undefined ? Number(dpdMin) : undefined,
    dpdMax: dpdMax !== undefined ? Number(dpdMax) : undefined,
    amountMin,
    amountMax,
    assigneeId: check('assigneeId', UUID, 'pool.err.choose'),
    teamId: check('teamId', UUID, 'pool.err.choose'),
    groupType: check('groupType', SLUG, 'pool.err.choose'),
    groupId: check('groupId', UUID, 'pool.err.choose'),
    loanClass: loanClass as LoanClass | undefined,
    flag: check('flag', SLUG, 'pool.err.choose'),
    attrKey,
    attrValue: attrValue || undefined,
    dueBefore,
  };
  if (values.q && values.q.length > 100) bad('q', 'pool.err.long');
  const order: CaseOrder = sortMatch
    ? { sort: sortMatch[1] as CaseSort, direction: sortMatch[2] as 'asc' | 'desc' }
    : {};
  return { values, filters, order, problems };
}

/** The filters as a query string (paging links, export link), without the cursor. */
export function filterQuery(values: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const name of FILTER_FIELDS) if (values[name]) params.set(name, values[name]);
  return params.toString();
}
