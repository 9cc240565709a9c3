import { compileCondition } from './subject-condition.sql';

const options = { attributeSubjects: new Map([['official-post', 'debtor']]) };

describe('pack conditions compile to one set-based SQL boolean', () => {
  it('第二篇 officials in arrears during the drive: attribute, drive phase and DPD ≥ 1', () => {
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
    expect(sql).toContain('s.dpd >= 1');
  });

  it('a condition decided per case (daysSince) is reported and counts as false', () => {
    const { sql, problems } = compileCondition(
      { any: [{ daysSince: { event: 'noticeSent', min: 3 } }, { dpd: { min: 90 } }] },
      options,
    );
    expect(problems).toEqual([expect.stringMatching(/^daysSince: /)]);
    expect(sql).toContain('(false) or');
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
