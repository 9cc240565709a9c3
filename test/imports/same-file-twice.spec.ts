import { resolve } from 'node:path';
import { FIXTURES, ImportKit, startImportKit } from './support/import-kit';

const TABLES = [
  'debtors',
  'accounts',
  'installments',
  'payments',
  'related_parties',
  'debtor_group_members',
  'debtor_groups',
];

describe('re-importing the same file creates no duplicates', () => {
  let kit: ImportKit;
  beforeAll(async () => {
    kit = await startImportKit('twice');
  });
  afterAll(async () => kit.close());

  async function snapshot(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of TABLES) counts[table] = await kit.count(table);
    return counts;
  }

  it('the second run of student-loans.csv finds all 40 accounts and writes nothing', async () => {
    const file = resolve(FIXTURES, 'student-loans.csv');
    const first = await kit.importFile(file, 'accounts', 'student-loans', { chunkSize: 15 });
    const after1 = await snapshot();
    const second = await kit.importFile(file, 'accounts', 'student-loans', { chunkSize: 15 });

    expect(first).toMatchObject({ status: 'succeeded', rowsOk: 40 });
    expect(first.counts).toMatchObject({ debtorsCreated: 40, accountsCreated: 40 });
    expect(second).toMatchObject({ status: 'succeeded', rowsTotal: 40, rowsOk: 40, rowsFailed: 0 });
    expect(second.counts).toMatchObject({
      debtorsCreated: 0,
      accountsCreated: 0,
      accountsExisting: 40,
      installmentsCreated: 0,
      groupMembersAdded: 0,
      relatedPartiesAdded: 0,
    });
    expect(await snapshot()).toEqual(after1);
    expect(after1).toMatchObject({ debtors: 40, accounts: 40, related_parties: 40 });
  });

  it('the second run of the GBK repayment feed books no receipt twice', async () => {
    await kit.importFile(resolve(FIXTURES, 'card-agency-cases.gbk.csv'), 'cases');
    const feed = resolve(FIXTURES, 'card-bank-repayments.gbk.csv');
    await kit.importFile(feed, 'payments', 'card-repayments');
    const before = await kit.count('payments', `source = 'card-bank'`);
    const again = await kit.importFile(feed, 'payments', 'card-repayments');

    expect(before).toBe(12);
    expect(again.counts).toMatchObject({ paymentsCreated: 0, paymentsExisting: 12 });
    expect(await kit.count('payments', `source = 'card-bank'`)).toBe(12);
    // A case batch imported twice opens no second live case for a card.
    const cases = await kit.importFile(resolve(FIXTURES, 'card-agency-cases.gbk.csv'), 'cases');
    expect(cases.counts).toMatchObject({ accountsCreated: 0, casesOpened: 0 });
    expect(await kit.count('cases')).toBe(30);
  });
});
