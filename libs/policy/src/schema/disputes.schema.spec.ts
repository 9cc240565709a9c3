import { join } from 'node:path';
import { PackLoader } from '../loader/pack-loader';
import { PackRegistry } from '../loader/pack-registry';
import { basePack, filesOf, problemsOf } from '../loader/pack.test-helpers';

const ROOT = join(__dirname, '..', '..', '..', '..');
const loader = new PackLoader(new PackRegistry(join(ROOT, 'policies')));
const INSTALL_PARAMS: Record<string, Record<string, unknown>> = {
  'credit-coop-npl-drive': { launchDate: '2026-05-15', amnestyDate: '2026-07-05' },
};

function disputesOf(id: string) {
  const result = loader.load(id, undefined, { mode: 'install', params: INSTALL_PARAMS[id] ?? {} });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.reason}`).join('\n'));
  const spec = result.pack.spec.disputes;
  return spec && { ...spec, kinds: [...spec.kinds] };
}

const ALL = ['amount-wrong', 'identity', 'already-paid', 'not-my-debt'];

/** Issue 16 §4: each of the six packs declares its dispute rules, from its seed. */
describe('each pack declares who decides a dispute (异议), what it pauses and how long', () => {
  it.each([
    // 篇五 第十三条 3、5: 财务部 keeps the exact arrears and the vouchers; a dealer is no ID case.
    [
      'leasing-dealer-arrears',
      ['amount-wrong', 'already-paid', 'not-my-debt'],
      'account',
      'finance',
      10,
    ],
    // 篇二/篇四: 特殊情况 go to the 区学生资助管理中心.
    ['student-loan', ALL, 'account', 'manager', 15],
    // 第二篇 宣传动员阶段 核实: one week, the leadership group.
    ['credit-coop-npl-drive', ALL, 'account', 'manager', 7],
    // 篇六: the 主管 within the week.
    ['microloan-overdue', ALL, 'account', 'supervisor', 7],
    // 篇八 3: the bank verifies; no calls to the whole case meanwhile.
    ['card-collection-agency', ALL, 'case', 'supervisor', 5],
    // 篇九 二 2: the weekly review.
    ['housing-fund', ['amount-wrong', 'identity', 'already-paid'], 'account', 'manager', 7],
  ])('%s: kinds %j, pause %s, decided by %s within %i days', (id, kinds, pause, by, days) => {
    expect(disputesOf(id)).toEqual({ kinds, pause, decidedBy: by, maxDays: days });
  });

  it('a dispute block with an unknown kind, pause or role is refused at its path', () => {
    const pack = {
      ...basePack(),
      disputes: { kinds: ['too-expensive'], pause: 'debtor', decidedBy: 'judge' },
    };
    const paths = problemsOf(filesOf(pack)).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['disputes.kinds', 'disputes.pause', 'disputes.decidedBy']),
    );
  });
});
