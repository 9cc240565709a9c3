import { FieldProblem, ValidationFailedError } from '@qingshou/core';
import { mapRows } from '../support/tabular';
import { ACCOUNT_TYPES } from '@qingshou/ledger';
import { ImportMapping, KIND_FIELDS } from '../domain/import-mapping';
import { IMPORT_KINDS, ImportKind } from '../domain/import-vocabulary';
import { CARD_CASES, CARD_REPAYMENTS, GENERIC_PAYMENTS } from './card-mappings';
import { EMPLOYER_CONTRIBUTIONS, LEASING_RECEIVABLES } from './ledger-mappings';
import { COOP_NPL, GENERIC_ACCOUNTS, HOUSING_FUND_LOANS, STUDENT_LOANS } from './loan-mappings';

/** The built-in mappings, keyed by name, for the sample files the offices send. */
export const DEFAULT_MAPPINGS: ReadonlyMap<string, ImportMapping> = new Map(
  [
    GENERIC_ACCOUNTS,
    STUDENT_LOANS,
    COOP_NPL,
    HOUSING_FUND_LOANS,
    LEASING_RECEIVABLES,
    EMPLOYER_CONTRIBUTIONS,
    CARD_CASES,
    CARD_REPAYMENTS,
    GENERIC_PAYMENTS,
  ].map((m) => [m.name, m]),
);

/** The mapping used when a submit names none. */
const DEFAULT_FOR_KIND: Record<ImportKind, string> = {
  accounts: 'accounts',
  payments: 'payments',
  cases: 'card-cases',
};

const SLUG = /^[a-z][a-z0-9-]{0,63}$/;
const PARSERS = ['string', 'decimal', 'percent', 'date', 'integer', 'boolean', 'enum'];

/**
 * The mapping a submit asks for: a registered name, a whole mapping object (packs and
 * callers bring their own), or the kind's default. Refused with every problem at once.
 */
export function resolveMapping(kind: ImportKind, requested?: string | object): ImportMapping {
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
    throw invalid([{ path: 'kind', reason: `must be one of ${IMPORT_KINDS.join(', ')}` }]);
  }
  if (requested === undefined || requested === '') {
    return DEFAULT_MAPPINGS.get(DEFAULT_FOR_KIND[kind]) as ImportMapping;
  }
  if (typeof requested === 'string') {
    const trimmed = requested.trim();
    if (trimmed.startsWith('{')) return resolveMapping(kind, parseJson(trimmed));
    const found = DEFAULT_MAPPINGS.get(trimmed);
    if (!found) {
      throw invalid([
        {
          path: 'mapping',
          reason: `unknown mapping "${trimmed}"; known: ${[...DEFAULT_MAPPINGS.keys()].join(', ')}`,
        },
      ]);
    }
    return checkKind(found, kind);
  }
  return checkKind(checkMapping(requested as ImportMapping), kind);
}

function checkKind(mapping: ImportMapping, kind: ImportKind): ImportMapping {
  if (mapping.kind !== kind) {
    throw invalid([
      { path: 'mapping', reason: `mapping "${mapping.name}" is for kind ${mapping.kind}` },
    ]);
  }
  return mapping;
}

/** Structural check of a caller's mapping: the parts the pipeline relies on. */
export function checkMapping(mapping: ImportMapping): ImportMapping {
  const problems: FieldProblem[] = [];
  const add = (path: string, reason: string) => problems.push({ path, reason });
  if (typeof mapping !== 'object' || mapping === null)
    throw invalid([{ path: 'mapping', reason: 'must be an object' }]);
  if (!SLUG.test(String(mapping.name))) add('mapping.name', 'must be a lowercase slug');
  if (!(IMPORT_KINDS as readonly string[]).includes(mapping.kind)) {
    add('mapping.kind', `must be one of ${IMPORT_KINDS.join(', ')}`);
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(String(mapping.source))) {
    add('mapping.source', 'must be 1–64 letters, digits, . _ -');
  }
  if (mapping.kind === 'payments' && !mapping.accountSource) {
    add('mapping.accountSource', 'is required for payments (the source of the accounts named)');
  }
  const type = mapping.defaults?.accountType;
  if (type !== undefined && !(ACCOUNT_TYPES as readonly string[]).includes(type)) {
    add('mapping.defaults.accountType', `must be one of ${ACCOUNT_TYPES.join(', ')}`);
  }
  if (!Array.isArray(mapping.columns) || mapping.columns.length === 0) {
    add('mapping.columns', 'must be a non-empty list');
  } else {
    mapping.columns.forEach((column, i) => {
      const path = `mapping.columns[${i}]`;
      if (typeof column?.field !== 'string') add(`${path}.field`, 'must be a string');
      if (
        !Array.isArray(column?.headers) ||
        column.headers.some((h: unknown) => typeof h !== 'string')
      ) {
        add(`${path}.headers`, 'must be a list of header texts');
      }
      const parser = typeof column?.parse === 'string' ? column.parse : column?.parse?.type;
      if (!PARSERS.includes(String(parser)))
        add(`${path}.parse`, `must be one of ${PARSERS.join(', ')}`);
    });
    const fields = new Set(mapping.columns.map((c) => c?.field));
    const spec = KIND_FIELDS[mapping.kind] ?? { required: [], known: [] };
    for (const field of spec.required) {
      if (!fields.has(field)) add('mapping.columns', `must map the field ${field}`);
    }
    const groupFields = (mapping.groups ?? []).map((g) => g.field);
    for (const field of fields) {
      if (!spec.known.includes(field) && !groupFields.includes(field)) {
        add('mapping.columns', `field ${field} is not one kind ${mapping.kind} reads`);
      }
    }
    try {
      // mapRows validates aliases (a header claimed by two fields) when called.
      if (problems.length === 0) mapRows([], mapping.columns);
    } catch (error) {
      add('mapping.columns', (error as Error).message);
    }
  }
  for (const [i, group] of (mapping.groups ?? []).entries()) {
    if (!/^[a-z][a-z0-9-]{0,31}$/.test(String(group?.type))) {
      add(`mapping.groups[${i}].type`, 'must be a lowercase slug');
    }
  }
  if (problems.length > 0) throw invalid(problems);
  return mapping;
}

function parseJson(text: string): object {
  try {
    return JSON.parse(text) as object;
  } catch {
    throw invalid([{ path: 'mapping', reason: 'is neither a mapping name nor valid JSON' }]);
  }
}

function invalid(problems: FieldProblem[]): ValidationFailedError {
  return new ValidationFailedError('The import mapping is invalid', problems);
}
