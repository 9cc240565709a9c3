import { compileCondition } from './subject-condition.sql';

const options = { attributeSubjects: new Map([['official-post', 'debtor']]) };

describe('pack conditions compile to one set-based SQL boolean', () => {
  it('第二篇 officials in arrears during the drive: attribute, drive phase and (effective) DPD ≥ 1', () => {
    const { sql, problems } = compileCondition(
      {
        all: [
          { attribute: { key: 'official-post', set: true } },
          { drivePhase: { drive: 'npl-drive', phase: ['collection', 'review'] } },
          { dpd: { min: 1 } },
        ],
      },
      options,
    );
    expect(problems).toEqual([]);
    expect(sql).toContain("v.key = 'official-post'");
    expect(sql).toContain("ph.phase_key in ('collection', 'review')");
    expect(sql).toContain('s.effective_dpd >= 1');
  });

  it('daysSince compiles to days from the latest dated event, false without one', () => {
    const { sql, problems } = compileCondition(
      { daysSince: { event: 'paymentReceived', max: 31 } },
      options,
    );
    expect(problems).toEqual([]);
    expect(sql).toContain('(k.as_of - (select max(p.paid_on) from payments p');
    expect(sql).toContain('<= 31');
    expect(sql).toMatch(/^\(coalesce\(/);
  });

  it('a condition the set-based path cannot decide is reported and unknown (NULL), also under not', () => {
    const { sql, problems } = compileCondition(
      { any: [{ not: { settledBefore: { date: '2026-06-30' } } }, { dpd: { min: 90 } }] },
      options,
    );
    expect(problems).toEqual([expect.stringMatching(/^settledBefore: /)]);
    expect(sql).toContain('(not ((null::boolean)))) or (coalesce(');
  });

  it('not: { promise: pending } is decided: a debtor without promises counts as false inside', () => {
    const { sql } = compileCondition({ not: { promise: { status: 'pending' } } }, options);
    expect(sql).toMatch(/^\(\(not \(coalesce\(\(\(select p\.status/);
    expect(sql).toContain("= 'pending'), false)");
  });

  it('a value that is not a code never reaches the SQL text', () => {
    const { sql, problems } = compileCondition(
      { reasonCode: { in: ["bad-faith') or true --"] } },
      options,
    );
    expect(problems).toEqual([expect.stringMatching(/not a code/)]);
    expect(sql).not.toContain('or true');
  });
});
