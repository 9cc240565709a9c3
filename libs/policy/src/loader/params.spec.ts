import { basePack, filesOf, problemsOf, resolved } from './pack.test-helpers';

const withParams = (parameters: unknown[], extra: Record<string, unknown> = {}) => ({
  ...basePack(),
  ...extra,
  parameters,
});
const described = { description: { zh: '说明', en: 'About' } };

describe('parameters: typed defaults, per-tenant overrides at install', () => {
  it('uses the defaults when the tenant gives nothing: legal at 90 DPD, calls within 1 working day', () => {
    const pack = resolved(filesOf(basePack()));
    expect(pack.params).toEqual({ legalReferralDpd: 90, callSla: '1 working day' });
    expect(pack.overrides).toEqual({});
    expect(pack.spec.stages[2].when).toEqual({ dpd: { min: 90 } });
  });

  it("substitutes the tenant's override wherever the parameter is referenced: legal at 60 DPD", () => {
    const pack = resolved(filesOf(basePack()), {
      mode: 'install',
      params: { legalReferralDpd: 60 },
    });
    expect(pack.spec.stages[2].when).toEqual({ dpd: { min: 60 } });
    expect(pack.overrides).toEqual({ legalReferralDpd: 60 });
  });

  it('reads CLI text as the declared type: "60" is the integer 60', () => {
    const pack = resolved(filesOf(basePack()), {
      mode: 'install',
      params: { legalReferralDpd: '60' },
    });
    expect(pack.params.legalReferralDpd).toBe(60);
  });

  it('refuses an override of the wrong type, out of range, or unknown — each at params.<name>', () => {
    const bad = { legalReferralDpd: 'soon', callSla: '2 hours', colour: 'red' };
    expect(problemsOf(filesOf(basePack()), { mode: 'install', params: bad })).toEqual([
      {
        path: 'params.colour',
        reason: 'not a parameter of this pack (declared: legalReferralDpd, callSla)',
      },
      { path: 'params.legalReferralDpd', reason: 'must be an integer' },
      { path: 'params.callSla', reason: 'unknown duration "2 hours" (use "2 working hours")' },
    ]);
    expect(
      problemsOf(filesOf(basePack()), { mode: 'install', params: { legalReferralDpd: 10 } }),
    ).toEqual([{ path: 'params.legalReferralDpd', reason: 'must be ≥ 30' }]);
  });

  it('a value that fits the parameter but not the field is reported at the field, naming the parameter', () => {
    expect(problemsOf(filesOf(basePack()), { mode: 'install', params: { callSla: '3d' } })).toEqual(
      [
        {
          path: 'stages[0].do[0].task.sla',
          reason: expect.stringMatching(
            /^"3 days" is calendar time.*\(parameter "callSla" is "3 days"\)$/,
          ),
        },
      ],
    );
  });

  it('percent defaults are carried as fractions: "5%" → "0.05"; enum values are checked', () => {
    const pack = resolved(
      filesOf(
        withParams(
          [
            { name: 'markup', type: 'percent', default: '5%', ...described },
            {
              name: 'mode',
              type: 'enum',
              default: 'cash',
              values: [{ code: 'cash', zh: '现金', en: 'Cash' }],
              ...described,
            },
          ],
          { interest: { penaltyMarkup: { param: 'markup' } }, stages: [] },
        ),
      ),
    );
    expect(pack.params).toEqual({ markup: '0.05', mode: 'cash' });
    expect(pack.spec.interest.penaltyMarkup).toBe('0.05');
    expect(pack.spec.parameters[0].default).toBe('0.05');
  });

  it('declarations are checked: a default of the wrong type, no default and not required, an enum without values', () => {
    const pack = withParams(
      [
        { name: 'a', type: 'integer', default: 'ninety', ...described },
        { name: 'b', type: 'date', ...described },
        { name: 'c', type: 'enum', default: 'x', ...described },
      ],
      { stages: [] },
    );
    expect(problemsOf(filesOf(pack))).toEqual([
      { path: 'parameters[0].default', reason: 'must be an integer' },
      {
        path: 'parameters[1].default',
        reason: 'give a default, or required: true when the tenant must supply it',
      },
      { path: 'parameters[2].values', reason: 'an enum parameter lists its values' },
      { path: 'parameters[2].default', reason: 'must be one of: ' },
    ]);
  });

  it('a required parameter stays open when validating and must be given at install', () => {
    const pack = withParams([{ name: 'launchDate', type: 'date', required: true, ...described }], {
      stages: [{ id: 'a', when: { dateWindow: { from: { param: 'launchDate' } } }, do: [] }],
    });
    expect(resolved(filesOf(pack)).unresolved).toEqual(['launchDate']);
    expect(problemsOf(filesOf(pack), { mode: 'install' })).toEqual([
      { path: 'params.launchDate', reason: 'is required (the pack gives no default)' },
    ]);
    const installed = resolved(filesOf(pack), {
      mode: 'install',
      params: { launchDate: '2026-07-16' },
    });
    expect(installed.spec.stages[0].when).toEqual({ dateWindow: { from: '2026-07-16' } });
  });

  it('the digest changes with the parameters and only with them', () => {
    const a = resolved(filesOf(basePack()));
    const b = resolved(filesOf(basePack()));
    const c = resolved(filesOf(basePack()), { mode: 'install', params: { legalReferralDpd: 60 } });
    expect(a.digest).toBe(b.digest);
    expect(c.digest).not.toBe(a.digest);
  });
});
