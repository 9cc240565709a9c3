import {
  APPROVAL_KINDS,
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  CONTACT_PARTIES,
  COST_CATEGORIES,
} from '@qingshou/collection';
import { emptyForm, FormSpec, FormState } from '../forms/form-state';
import { CONTACT_FIELDS } from './contact-form';

/** The case page's four forms; field names are the API DTOs' (same validation paths). */
export const CASE_FORMS = {
  contact: { id: 'contact', fields: CONTACT_FIELDS },
  promise: { id: 'promise', fields: ['amount', 'dueOn', 'notes'] },
  approval: {
    id: 'approval',
    fields: ['kind', 'reason', 'visitOn', 'place', 'staff', 'vehicle'],
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

/** A visit plan's fields (篇一 第三步: time, place, staff, vehicle) as the approval payload. */
export function approvalPayload(values: Record<string, string>): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  if (values.visitOn?.trim()) payload.visitOn = values.visitOn.trim();
  if (values.place?.trim()) payload.place = values.place.trim();
  if (values.staff?.trim()) {
    payload.staff = values.staff
      .split(/[,，、;；]/)
      .map((s) => s.trim())
      .filter(Boolean);
  }
  if (values.vehicle?.trim()) payload.vehicle = values.vehicle.trim();
  return payload;
}
