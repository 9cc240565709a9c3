import { connect, createTestDatabase, TestDatabase } from '../support/test-db';

/**
 * Access to everything hanging off a case is decided through its case (issue 12), so every
 * tenant table that names a case must name one of its own tenant: a (tenant_id, case_id)
 * foreign key to cases. notices.case_id lacked it (Migration20261207000016NoticeCaseKey).
 */
describe('every reference to a case is a foreign key within the tenant', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.drop());

  it('each tenant table with a case_id column has (tenant_id, case_id) → cases (tenant_id, id)', async () => {
    const owner = await connect(db.ownerUrl);
    try {
      const { rows } = await owner.query<{ table_name: string; keyed: boolean }>(`
        select col.table_name,
               exists (select 1 from pg_constraint con
                        where con.conrelid = (quote_ident(col.table_name))::regclass
                          and con.contype = 'f'
                          and con.confrelid = 'cases'::regclass
                          and pg_get_constraintdef(con.oid)
                              = 'FOREIGN KEY (tenant_id, case_id) REFERENCES cases(tenant_id, id)'
                                || case when con.condeferrable then ' DEFERRABLE INITIALLY DEFERRED'
                                        else '' end) as keyed
          from information_schema.columns col
         where col.table_schema = 'public' and col.column_name = 'case_id'
           and exists (select 1 from information_schema.columns t
                        where t.table_schema = 'public' and t.table_name = col.table_name
                          and t.column_name = 'tenant_id')
         order by 1`);
      expect(rows.map((r) => r.table_name)).toContain('notices');
      expect(rows.filter((r) => !r.keyed).map((r) => r.table_name)).toEqual([]);
    } finally {
      await owner.end();
    }
  });
});
