import { Client } from 'pg';
import { isUncontacted, uncontactedSql } from '../../libs/policy/src';
import { ADMIN_URL } from '../support/test-db-names';

/**
 * 7 天未联系 counts from the last contact, or from the case's opening if none (issue 11 §4):
 * the TypeScript form and the SQL form give the same answers on the same numbers. Today is
 * 2026-03-20 (Shanghai).
 */
const TODAY = '2026-03-20';
const CASES = [
  { name: 'opened 3 days ago, never contacted', opened: '2026-03-17', contact: null, flag: false },
  { name: 'opened 10 days ago, never contacted', opened: '2026-03-10', contact: null, flag: true },
  {
    name: 'opened 10 days ago, last contact 8 days ago',
    opened: '2026-03-10',
    contact: '2026-03-12T10:00:00+08:00',
    flag: true,
  },
  {
    name: 'opened 10 days ago, contact 2 days ago',
    opened: '2026-03-10',
    contact: '2026-03-18T10:00:00+08:00',
    flag: false,
  },
  {
    // 23:30 UTC on the 12th is the 13th in Shanghai: 7 local days ago, flagged.
    name: 'contact late on the 12th UTC = the 13th local, exactly 7 days',
    opened: '2026-03-01',
    contact: '2026-03-12T23:30:00Z',
    flag: true,
  },
] as const;

describe('7 天未联系: from the last contact, or the opening if none', () => {
  it.each(CASES)('TS: $name → $flag', ({ opened, contact, flag }) => {
    const last = contact
      ? new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(contact))
      : null;
    expect(isUncontacted(opened, last, TODAY)).toBe(flag);
  });

  it('SQL: the same five cases give the same five answers', async () => {
    const db = new Client({ connectionString: ADMIN_URL });
    await db.connect();
    try {
      // A temporary table stands in for contact_attempts (pg_temp is searched first).
      await db.query(`create temporary table contact_attempts
        (tenant_id uuid, case_id uuid, attempted_at timestamptz)`);
      const tenant = '00000000-0000-4000-8000-000000000001';
      const ids = CASES.map((_, i) => `00000000-0000-4000-8000-00000000010${i}`);
      for (const [i, c] of CASES.entries()) {
        if (c.contact)
          await db.query(`insert into contact_attempts values ($1, $2, $3)`, [
            tenant,
            ids[i],
            c.contact,
          ]);
      }
      // uncontactedSql binds (today, zone) in that order, after this query's two lists.
      let n = 2;
      const test = uncontactedSql().replace(/\?/g, () => `$${++n}`);
      const rows = await db.query<{ id: string; flag: boolean }>(
        `select c.id::text, ${test} as flag
         from (select u.id, u.opened_on, '${tenant}'::uuid as tenant_id
               from unnest($1::uuid[], $2::date[]) as u(id, opened_on)) c
         order by c.id`,
        [ids, CASES.map((c) => c.opened), TODAY, 'Asia/Shanghai'],
      );
      expect(rows.rows.map((r) => r.flag)).toEqual(CASES.map((c) => c.flag));
    } finally {
      await db.end();
    }
  });
});
