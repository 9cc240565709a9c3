import {
  APPROVAL_KINDS,
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  CONTACT_PARTIES,
  COST_CATEGORIES,
} from '@qingshou/collection';
import { ALL_KIND_FIELDS, kindPayload } from '../approvals/approval-fields';
import { emptyForm, FormSpec, FormState } from '../forms/form-state';
import { CONTACT_FIELDS } from './contact-form';

/** The case page's four forms; field names are the API DTOs' (same validation paths). */
export const CASE_FORMS = {
  contact: { id: 'contact', fields: CONTACT_FIELDS },
  promise: { id: 'promise', fields: ['amount', 'dueOn', 'notes'] },
  approval: {
    id: 'approval',
    // Every kind's own fields (approval-fields.ts); the page shows those of the chosen kind.
    fields: ['kind', 'reason', ...ALL_KIND_FIELDS],
  },
  cost: { id: 'cost', fields: ['category', 'amount', 'voucherRef', 'incurredOn', 'notes'] },
} as const satisfies Record<string, FormSpec>;

export type CaseFormName = keyof typeof CASE_FORMS;
export type CaseForms = Record<CaseFormName, FormState>;

export function freshCaseForms(): CaseForms {
  return {
    contact: emptyForm(CASE_FORMS.contact, {
      channel: 'call',
      party: 'debtor',
      outcomeCode: 'reached',
    }),
    promise: emptyForm(CASE_FORMS.promise),
    approval: emptyForm(CASE_FORMS.approval, { kind: 'visit-plan' }),
    cost: emptyForm(CASE_FORMS.cost, { category: 'travel' }),
  };
}

export const CASE_CODES = {
  channels: CONTACT_CHANNELS,
  parties: CONTACT_PARTIES,
  outcomes: CONTACT_OUTCOMES,
  approvalKinds: APPROVAL_KINDS,
  costCategories: COST_CATEGORIES,
};

/** The chosen kind's fields (visit plan: date, place, staff, vehicle; waiver: amount…) as the payload. */
export function approvalPayload(values: Record<string, string>): Record<string, unknown> {
  return kindPayload(values.kind ?? '', values);
}
