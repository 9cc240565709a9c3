import { join } from 'node:path';
import { PackLoader } from '../../libs/policy/src/loader/pack-loader';
import { PackRegistry } from '../../libs/policy/src/loader/pack-registry';

/**
 * Issue 11 §3: each of the six packs declares its 结果码 in Chinese with a follow-up in days,
 * a back-dating limit, and what its office requires of a logged contact (篇六 the cause,
 * 篇八 the call recording). Loaded by the real loader, no database.
 */
const loader = new PackLoader(new PackRegistry(join(__dirname, '..', '..', 'policies')));
const INSTALL_PARAMS: Record<string, Record<string, unknown>> = {
  'credit-coop-npl-drive': { launchDate: '2026-05-15', amnestyDate: '2026-07-05' },
};
const spec = (id: string) => {
  const result = loader.load(id, undefined, { mode: 'install', params: INSTALL_PARAMS[id] ?? {} });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.reason}`).join('\n'));
  return result.pack.spec;
};
const CJK = /^[\u3400-\u9fff（）]+$/;

describe('the six packs declare their contact result codes (结果码)', () => {
  it.each([
    'leasing-dealer-arrears',
    'student-loan',
    'credit-coop-npl-drive',
    'microloan-overdue',
    'card-collection-agency',
    'housing-fund',
  ])('%s: at least 12 codes, Chinese labels, 承诺还款 +3 days, 无人接听 +1 day', (id) => {
    const rules = spec(id).contactRules;
    expect(rules.resultCodes.length).toBeGreaterThanOrEqual(12);
    for (const code of rules.resultCodes) {
      expect(code.zh).toMatch(CJK);
      expect(code.followUpDays).toBeGreaterThanOrEqual(1);
    }
    const days = Object.fromEntries(rules.resultCodes.map((r) => [r.zh, r.followUpDays]));
    expect(days).toMatchObject({ 承诺还款: 3, 无人接听: 1, 拒付: 1, 失联: 7, 空号: 3 });
    expect(rules.backdateLimitHours).toBe(id === 'card-collection-agency' ? 24 : 72);
  });

  it('篇一 leasing names 推诿, 拖延, 拒付 and 恶意拖欠 apart', () => {
    const labels = spec('leasing-dealer-arrears').contactRules.resultCodes.map((r) => r.zh);
    expect(labels).toEqual(expect.arrayContaining(['推诿', '拖延', '拒付', '恶意拖欠']));
  });

  it('篇六 microloan requires one of its six causes; 篇八 the agency a recording of calls and visits', () => {
    const microloan = spec('microloan-overdue');
    expect(microloan.reasonCodes.requiredWhenWorked).toBe(true);
    expect(microloan.reasonCodes.codes).toHaveLength(6);
    expect(spec('card-collection-agency').contactRules.requireRecording).toEqual(['call', 'visit']);
  });
});
