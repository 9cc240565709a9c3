import 'reflect-metadata';
import { join } from 'node:path';
import { dec } from '@qingshou/ledger';
import { PackLoader, PackRegistry } from '@qingshou/policy';
import { basePack, filesOf, problemsOf } from '../../libs/policy/src/loader/pack.test-helpers';

const loader = new PackLoader(new PackRegistry(join(__dirname, '..', '..', 'policies')));
const INSTALL_PARAMS: Record<string, Record<string, unknown>> = {
  'credit-coop-npl-drive': { launchDate: '2026-05-15', amnestyDate: '2026-07-05' },
};

function rulesOf(id: string) {
  const result = loader.load(id, undefined, { mode: 'install', params: INSTALL_PARAMS[id] ?? {} });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.reason}`).join('\n'));
  const self = result.pack.spec.selfService;
  if (!self) throw new Error(`${id} declares no selfService block`);
  return {
    enabled: self.enabled,
    linkDays: self.linkDays,
    idDigits: self.idDigits,
    employers: self.employers,
    actions: [...self.actions],
    autoAgree: self.autoAgreePlansUpTo ?? null,
    channels: [...self.channels],
    code: [self.codeMinutes, self.maxWrongTries, self.lockMinutes],
    approvalAbove: result.pack.spec.plans?.approvalAbove ?? null,
  };
}

const ALL = ['promise', 'plan', 'dispute', 'callback'];

/** Issue 16 §3–4: each of the six packs declares the debtor's own page. */
describe('each pack declares its self-service page (自助页面) with numbers', () => {
  it.each([
    // 篇八: the client bank's terms; the cardholder is reached by SMS first; 5,000.00 ≤ 20,000.00.
    ['card-collection-agency', 7, 4, 'none', '5000.00', ['sms', 'letter-qr'], 30, '20000.00'],
    // 篇二/四/七: graduates answer from afar for a month; six ID digits; 3,000.00 ≤ 20,000.00.
    ['student-loan', 30, 6, 'none', '3000.00', ['letter-qr', 'sms'], 60, '20000.00'],
    // 篇九: borrowers and employers (统一社会信用代码); 10,000.00 ≤ 100,000.00.
    ['housing-fund', 15, 4, 'credit-code', '10000.00', ['letter-qr', 'sms'], 30, '100000.00'],
    // 篇一/五: dealers prove themselves with the credit code; the QR on the 催款函 only.
    ['leasing-dealer-arrears', 10, 4, 'credit-code', '3000.00', ['letter-qr'], 30, '10000.00'],
    // 篇三: an NPL plan is always negotiated with the 信贷员: none agreed at once.
    ['credit-coop-npl-drive', 30, 4, 'none', null, ['letter-qr'], 60, '50000.00'],
    // 篇六: the day-7 letter and an SMS; 2,000.00 ≤ 5,000.00.
    ['microloan-overdue', 7, 4, 'none', '2000.00', ['sms', 'letter-qr'], 30, '5000.00'],
  ])(
    '%s: links live %i days, %i ID characters, employers %s, plans up to %s agreed at once',
    (id, days, digits, employers, autoAgree, channels, lock, approvalAbove) => {
      expect(rulesOf(id)).toEqual({
        enabled: true,
        linkDays: days,
        idDigits: digits,
        employers,
        actions: ALL,
        autoAgree,
        channels,
        // A code lives 5 minutes; 5 wrong answers lock the link.
        code: [5, 5, lock],
        approvalAbove,
      });
    },
  );

  it('a plan agreed at once never exceeds what the office must approve', () => {
    for (const id of [
      'card-collection-agency',
      'student-loan',
      'housing-fund',
      'leasing-dealer-arrears',
      'microloan-overdue',
    ]) {
      const r = rulesOf(id);
      expect(dec(r.autoAgree ?? '0').lte(r.approvalAbove ?? '0')).toBe(true);
    }
  });

  it('a bad selfService block is refused at its path, in Chinese and English', () => {
    const pack = {
      ...basePack(),
      selfService: {
        linkDays: 0,
        idDigits: 2,
        actions: ['pay-online'],
        channels: ['email'],
        autoAgreePlansUpTo: 'lots',
      },
    };
    const problems = problemsOf(filesOf(pack));
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'selfService.linkDays',
        'selfService.idDigits',
        'selfService.actions',
        'selfService.channels',
        'selfService.autoAgreePlansUpTo',
      ]),
    );
    const amount = problems.find((p) => p.path === 'selfService.autoAgreePlansUpTo');
    expect(amount?.reason).toContain('必须是金额');
  });

  it('a debtor may propose plans only where the pack agrees plans', () => {
    const pack = {
      ...basePack(),
      selfService: { enabled: true, linkDays: 7, actions: ['plan'], channels: ['sms'] },
    };
    const problems = problemsOf(filesOf(pack));
    expect(problems).toContainEqual({
      path: 'selfService.actions',
      reason: '可办"还款计划"须有 plans: 规则 (plan needs a plans: block)',
    });
  });
});
