import { basePack, filesOf, problemsOf, resolved, withStages } from './pack.test-helpers';

const stage = (id: string, when: unknown, actions: unknown[] = [{ task: 'call' }]) => ({
  id,
  when,
  do: actions,
});

describe('a bad pack is refused with the path and reason of every error (DESIGN §5)', () => {
  it('the base pack of these specs is valid', () => {
    expect(problemsOf(filesOf(basePack()))).toEqual([]);
  });

  it('a negative DPD names stages[3].when.dpd.min: must be ≥ 0', () => {
    const stages = [
      ...(basePack().stages as unknown[]),
      stage('early', { dpd: { min: -1, max: 3 } }),
    ];
    expect(problemsOf(filesOf(withStages(stages)))).toEqual([
      { path: 'stages[3].when.dpd.min', reason: 'must be ≥ 0' },
    ]);
  });

  it('an unknown condition names its key and lists the known ones', () => {
    const problems = problemsOf(filesOf(withStages([stage('a', { dpdd: 3 })])));
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('stages[0].when.dpdd');
    expect(problems[0].reason).toMatch(
      /^unknown condition "dpdd" \(known: dpd, daysSince, .*all, any, not\)$/,
    );
  });

  it('an unknown action names its key', () => {
    const problems = problemsOf(filesOf(withStages([stage('a', { dpd: 1 }, [{ email: 'x' }])])));
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('stages[0].do[0].email');
    expect(problems[0].reason).toMatch(/^unknown action "email" \(known: task, notice, approval/);
  });

  it('an action with two names is refused at the action', () => {
    const problems = problemsOf(
      filesOf(withStages([stage('a', { dpd: 1 }, [{ task: 'call', notice: 'overdue-demand' }])])),
    );
    expect(problems).toEqual([
      {
        path: 'stages[0].do[0]',
        reason: expect.stringMatching(/exactly one of: .*; found task, notice$/),
      },
    ]);
  });

  it('"2 hours" is refused with the spelling to use: stages[1].do[0].task.sla', () => {
    const stages = [
      stage('a', { dpd: 0 }),
      stage('b', { dpd: 1 }, [{ task: { kind: 'call', sla: '2 hours' } }]),
    ];
    expect(problemsOf(filesOf(withStages(stages)))).toEqual([
      {
        path: 'stages[1].do[0].task.sla',
        reason: 'unknown duration "2 hours" (use "2 working hours")',
      },
    ]);
  });

  it('an SLA in calendar days is refused: SLAs count working time', () => {
    const stages = [stage('b', { dpd: 1 }, [{ task: { kind: 'call', sla: '3d' } }])];
    expect(problemsOf(filesOf(withStages(stages)))[0]).toEqual({
      path: 'stages[0].do[0].task.sla',
      reason: expect.stringContaining('"3d" is calendar time; an SLA counts working time'),
    });
  });

  it('an undeclared parameter names the field: incentives[0].when.settledBefore', () => {
    const pack = {
      ...basePack(),
      incentives: [
        {
          id: 'early',
          names: { zh: '提前结清', en: 'Early' },
          when: { settledBefore: { param: 'amnestyDate' } },
          effect: { waive: ['penaltyInterest'] },
        },
      ],
    };
    expect(problemsOf(filesOf(pack))).toEqual([
      {
        path: 'incentives[0].when.settledBefore',
        reason: 'parameter "amnestyDate" is not declared',
      },
    ]);
  });

  it('a parameter of the wrong type for the field is refused, and the template-style syntax explained', () => {
    const stages = [
      stage('a', { dpd: { min: { param: 'callSla' } } }),
      stage('b', { dateWindow: { to: '{{params.amnestyDate}}' } }),
    ];
    expect(problemsOf(filesOf(withStages(stages)))).toEqual([
      {
        path: 'stages[0].when.dpd.min',
        reason: 'parameter "callSla" is of type duration; this field needs an integer',
      },
      {
        path: 'stages[1].when.dateWindow.to',
        reason: 'write { param: amnestyDate } instead of "{{params.amnestyDate}}"',
      },
    ]);
  });

  it('a notice whose template is missing names the template file', () => {
    const stages = [
      stage('a', { dpd: 7 }, [{ notice: { template: 'lawyer-letter', to: ['debtor'] } }]),
    ];
    expect(problemsOf(filesOf(withStages(stages)))).toEqual([
      {
        path: 'stages[0].do[0].notice.template',
        reason:
          'template "lawyer-letter" not found (no templates/lawyer-letter.hbs in this pack or the packs it extends)',
      },
    ]);
  });

  it('a template requiring a field the engine cannot supply is refused at its front matter', () => {
    const template =
      '---\ntitle: 催款函\nchannel: letter\nrequired: [debtor.name, debtor.salary]\n---\n{{debtor.name}}';
    expect(problemsOf(filesOf(basePack(), { 'overdue-demand': template }))).toEqual([
      {
        path: 'templates/overdue-demand.hbs:required[1]',
        reason: expect.stringContaining('"debtor.salary" is not a field the engine supplies'),
      },
    ]);
  });

  it('a duplicate stage id names the second and points at the first', () => {
    const stages = [stage('calls', { dpd: 1 }), stage('calls', { dpd: 2 })];
    expect(problemsOf(filesOf(withStages(stages)))).toEqual([
      { path: 'stages[1].id', reason: 'duplicate id "calls" (also stages[0])' },
    ]);
  });

  it('a version that is not semver is refused; an unquoted one is explained', () => {
    expect(problemsOf(filesOf({ ...basePack(), version: '1.2' }))).toEqual([
      { path: 'version', reason: '"1.2" is not a semantic version (MAJOR.MINOR.PATCH)' },
    ]);
    expect(problemsOf(filesOf({ ...basePack(), version: 1.2 }))[0].reason).toMatch(
      /quoted semantic version/,
    );
  });

  it('a YAML syntax error comes back with its line and column', () => {
    const yaml =
      'id: unit-pack\nversion: "1.0.0"\nstages:\n  - id: a\n    when: { dpd: 1\n  - id: b\n';
    const problems = problemsOf(filesOf(yaml));
    expect(problems[0].path).toBe('pack.yaml');
    expect(problems[0].reason).toMatch(/^line \d+, column \d+: /);
    expect(problems[0].reason).toMatch(/^line [56],/);
  });

  it('unknown fields are refused, and keys that could reach a prototype are reserved', () => {
    const stages = [{ ...stage('a', { dpd: 1 }), colour: 'red' }];
    expect(problemsOf(filesOf(withStages(stages)))).toEqual([
      { path: 'stages[0].colour', reason: 'is not a known field' },
    ]);
    const yaml = 'id: x1\nversion: "1.0.0"\n__proto__: { polluted: true }\n';
    expect(problemsOf(filesOf(yaml))).toEqual([
      { path: '__proto__', reason: 'is a reserved name' },
    ]);
  });

  it('a published list always sits behind an approval', () => {
    const pack = {
      ...basePack(),
      reports: [
        { id: 'defaulters', names: { zh: '名单', en: 'List' }, schedule: { every: 'month' } },
      ],
      stages: [stage('a', { dpd: 90 }, [{ publishList: { list: 'defaulters' } }])],
    };
    expect(problemsOf(filesOf(pack))).toEqual([
      { path: 'stages[0].do[0].publishList.approval', reason: 'is required' },
    ]);
  });

  it('reports every problem of a pack in one go, not the first one only', () => {
    const pack = {
      ...basePack(),
      version: 'one',
      accountTypes: ['spaceship'],
      stages: [
        stage('a', { dpd: { min: 5, max: 2 } }, [{ task: { kind: 'juggle' } }]),
        stage('a', { dpd: 1 }),
      ],
    };
    const paths = problemsOf(filesOf(pack)).map((p) => p.path);
    expect(paths).toEqual(['version', 'accountTypes', 'stages[0].do[0].task.kind', 'stages[1].id']);
  });

  it('cross-field checks run once parameters are substituted: min above max', () => {
    const stages = [stage('a', { dpd: { min: 5, max: 2 } })];
    expect(problemsOf(filesOf(withStages(stages)))).toEqual([
      { path: 'stages[0].when.dpd.max', reason: 'must be ≥ min (5)' },
    ]);
  });

  it('a role that is neither a platform role nor declared is refused', () => {
    const stages = [stage('a', { dpd: 1 }, [{ approval: { kind: 'waiver', by: 'boss' } }])];
    expect(problemsOf(filesOf(withStages(stages)))[0]).toEqual({
      path: 'stages[0].do[0].approval.by',
      reason: expect.stringMatching(/^unknown role "boss" \(known: .*manager/),
    });
  });

  it('a valid pack resolves with shorthands made canonical', () => {
    const pack = resolved(filesOf(basePack()));
    expect(pack.spec.stages[0].when).toEqual({ dpd: { min: 1, max: 6 } });
    expect(pack.spec.stages[0].do[0]).toEqual({
      task: { kind: 'call', every: '1 day', sla: '1 working day' },
    });
    expect(pack.spec.stages[1].do[0]).toEqual({
      notice: { template: 'overdue-demand', to: ['debtor'] },
    });
    expect(pack.spec.contactRules).toMatchObject({
      allowedHours: { start: '08:00', end: '21:00' },
      allowedParties: ['debtor', 'guarantor'],
    });
  });
});
