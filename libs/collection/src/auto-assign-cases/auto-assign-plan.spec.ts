import { DEFAULT_ASSIGNMENT_RULES, type AssignmentRules } from '../ports/assignment-policy';
import { planAssignments, type Collector, type PoolCase } from './auto-assign-plan';

const collector = (id: string, open: number, teams: string[] = []): Collector => ({
  id,
  name: id,
  open,
  teams,
});
const cases = (n: number, groups: string[] = []): PoolCase[] =>
  Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, debtorName: `d${i + 1}`, groups }));
const countBy = (lines: { collector: Collector }[]) =>
  lines.reduce<Record<string, number>>((acc, l) => {
    acc[l.collector.id] = (acc[l.collector.id] ?? 0) + 1;
    return acc;
  }, {});
const rules = (over: Partial<AssignmentRules>): AssignmentRules => ({
  ...DEFAULT_ASSIGNMENT_RULES,
  ...over,
});

describe('自动分案 plan (the pack rule decides; fewest open cases first, in turn)', () => {
  it('round-robin: 30 cases over 3 empty collectors → 10 each, dealt in turn', () => {
    const plan = planAssignments(
      rules({ rule: 'round-robin' }),
      [collector('a', 0), collector('b', 0), collector('c', 0)],
      cases(30),
      new Map(),
    );
    expect(countBy(plan.lines)).toEqual({ a: 10, b: 10, c: 10 });
    expect(plan.lines.slice(0, 4).map((l) => l.collector.id)).toEqual(['a', 'b', 'c', 'a']);
    expect(plan.skipped).toEqual([]);
  });

  it('round-robin evens out: loads 0/0/2 and 30 new → 11/11/8 new (open after: 11, 11, 10)', () => {
    const plan = planAssignments(
      rules({ rule: 'round-robin' }),
      [collector('a', 0), collector('b', 0), collector('c', 2)],
      cases(30),
      new Map(),
    );
    expect(countBy(plan.lines)).toEqual({ a: 11, b: 11, c: 8 });
  });

  it('capacity 8: loads 0/5/8 and 10 cases → a 8, b 2, c none; 15 cases → 11 placed, 4 full', () => {
    const team = [collector('a', 0), collector('b', 5), collector('c', 8)];
    const ten = planAssignments(
      rules({ rule: 'capacity', maxOpenCases: 8 }),
      team,
      cases(10),
      new Map(),
    );
    expect(countBy(ten.lines)).toEqual({ a: 8, b: 2 });
    const fifteen = planAssignments(
      rules({ rule: 'capacity', maxOpenCases: 8 }),
      team,
      cases(15),
      new Map(),
    );
    expect(fifteen.lines).toHaveLength(11);
    expect(fifteen.skipped).toHaveLength(4);
    expect(fifteen.skipped.every((s) => s.reason === 'full')).toBe(true);
  });

  it('team: a mapped group stays in its team; an unmapped one goes to anyone', () => {
    const plan = planAssignments(
      rules({ rule: 'team', groupTeams: [{ group: '浦东支行', team: '电催A组' }] }),
      [collector('a', 0, ['t-a']), collector('b', 0, ['t-b'])],
      [...cases(4, ['浦东支行']), { id: 'x', debtorName: 'x', groups: ['徐汇支行'] }],
      new Map([['电催A组', 't-a']]),
    );
    expect(countBy(plan.lines)).toEqual({ a: 4, b: 1 });
    expect(plan.lines[0].teamName).toBe('电催A组');
    expect(plan.lines.find((l) => l.caseId === 'x')?.collector.id).toBe('b');
  });

  it('no collector at all: every case is skipped as no-collector', () => {
    const plan = planAssignments(rules({}), [], cases(2), new Map());
    expect(plan.skipped.map((s) => s.reason)).toEqual(['no-collector', 'no-collector']);
  });
});
