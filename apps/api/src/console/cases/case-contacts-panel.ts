import {
  ADDRESS_STATUSES,
  ADDRESS_SUBTYPES,
  CaseContactsView,
  ContactPointView,
  PHONE_STATUSES,
  PHONE_SUBTYPES,
} from '@qingshou/ledger';
import { emptyForm, FormSpec, FormState } from '../forms/form-state';
import type { PageContext } from '../render/page-context';

/** 新增电话/地址: the panel's add form. */
export const ADD_FORM: FormSpec = {
  id: 'contact-point',
  fields: ['subtype', 'value', 'source', 'owner'],
};

/** One status form per phone or address (ids unique on the page). */
export function statusSpec(pointId: string): FormSpec {
  return { id: `cp-${pointId}`, fields: ['status'] };
}

export function freshAddForm(): FormState {
  return emptyForm(ADD_FORM, { subtype: 'mobile', source: 'collector', owner: 'debtor' });
}

/** Statuses that mean "do not dial / do not go": shown struck through, never linked. */
const DEAD = new Set(['empty', 'suspended', 'not-owner', 'unknown-person', 'moved']);

interface PanelExtras {
  readonly mayManage: boolean;
  readonly addForm: FormState;
  readonly statusForms: Record<string, FormState>;
  readonly flash: string | null;
}

/**
 * The panel's model: each phone and address with its words, a `tel:` link only when it is
 * shown whole and 有效, and its status form; the related parties grouped as the office
 * speaks of them (担保人, 共同借款人 — a student's parents —, 紧急联系人).
 */
export function contactPanel(page: PageContext, view: CaseContactsView, extras: PanelExtras) {
  const whole = view.access !== 'masked';
  const row = (p: ContactPointView) => ({
    ...p,
    tel: whole && p.kind === 'phone' && p.status === 'valid' ? p.value : null,
    dead: DEAD.has(p.status),
    statuses: p.kind === 'phone' ? PHONE_STATUSES : ADDRESS_STATUSES,
    form:
      extras.statusForms[p.id] ??
      emptyForm(statusSpec(p.id), { status: p.status === 'unverified' ? 'valid' : p.status }),
  });
  const party = (p: CaseContactsView['parties'][number]) => ({
    ...p,
    phones: p.phones.map(row),
    addresses: p.addresses.map(row),
  });
  const owners = [
    { value: 'debtor', label: page.t('contactPoint.owner.debtor') },
    ...view.parties.map((p) => ({
      value: p.id,
      label: `${page.t(`relatedParty.kind.${p.kind}`)}${p.relation ? `（${p.relation}）` : ''} ${p.name}`,
    })),
  ];
  return {
    caseId: view.caseId,
    debtorName: view.debtorName,
    whole,
    assigned: view.access === 'assigned',
    mayReveal: view.mayReveal,
    mayManage: extras.mayManage,
    unreachableSince: view.unreachableSince,
    phones: view.phones.map(row),
    addresses: view.addresses.map(row),
    guarantors: view.parties.filter((p) => p.kind === 'guarantor').map(party),
    coBorrowers: view.parties.filter((p) => p.kind === 'co-borrower').map(party),
    others: view.parties
      .filter((p) => p.kind !== 'guarantor' && p.kind !== 'co-borrower')
      .map(party),
    hasParties: view.parties.length > 0,
    employers: view.groups.filter((g) => g.type === 'employer'),
    groups: view.groups.filter((g) => g.type !== 'employer'),
    addForm: extras.addForm,
    // A refused add shows its form open, the problems at the fields.
    addOpen: extras.addForm.general.length > 0 || Object.keys(extras.addForm.errors).length > 0,
    subtypes: [...PHONE_SUBTYPES, ...ADDRESS_SUBTYPES],
    sources: ['collector', 'debtor'],
    owners,
    flash: extras.flash,
  };
}
