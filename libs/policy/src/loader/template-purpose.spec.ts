import { basePack, filesOf, OVERDUE_TEMPLATE, problemsOf, resolved } from './pack.test-helpers';
import { caseLetterTemplates, planAgreementTemplate } from './resolved-pack';

const AGREEMENT = `---
title: 分期还款协议书
channel: letter
purpose: plan-agreement
required: [debtor.name, plan.total, plan.instalments]
---
<p>{{debtor.name}} 应还总额 {{money plan.total}} 元</p>
{{#each plan.instalments}}<p>{{label}} {{money amount}}</p>{{/each}}
`;

/** A case letter that reaches for a plan's figures. */
const PLAN_IN_LETTER = `---
title: 逾期催收函
channel: letter
required: [debtor.name, account.overdueAmount, plan.total]
---
<p>{{debtor.name}}：逾期金额 {{account.overdueAmount}} 元，分期总额 {{plan.total}} 元。</p>
`;

describe("a template's declared purpose (case-letter by default, or plan-agreement)", () => {
  const templates = { 'overdue-demand': OVERDUE_TEMPLATE, 'plan-agreement': AGREEMENT };

  it('reads the purpose: the plan agreement apart, every other template a case letter', () => {
    const pack = resolved(filesOf(basePack(), templates));
    expect(pack.templates['plan-agreement'].purpose).toBe('plan-agreement');
    // The default is not written into the snapshot, so packs without one keep their digest.
    expect('purpose' in pack.templates['overdue-demand']).toBe(false);
    expect(Object.keys(caseLetterTemplates(pack.templates))).toEqual(['overdue-demand']);
    expect(planAgreementTemplate(pack)?.name).toBe('plan-agreement');
  });

  it('a plan field in a case letter is refused, naming the template and the field', () => {
    expect(problemsOf(filesOf(basePack(), { 'overdue-demand': PLAN_IN_LETTER }))).toEqual([
      {
        path: 'templates/overdue-demand.hbs',
        reason:
          '"plan.total" is a repayment plan\'s field: only a template with purpose: plan-agreement prints it (模板 overdue-demand 是案件通知书，不能使用还款计划字段)',
      },
      {
        path: 'templates/overdue-demand.hbs:required[2]',
        reason:
          '"plan.total" is a repayment plan\'s field: only a template with purpose: plan-agreement prints it (模板 overdue-demand 是案件通知书，不能使用还款计划字段)',
      },
    ]);
  });

  it('a case letter printing a plan field it does not require is refused too', () => {
    const body = OVERDUE_TEMPLATE.replace(
      '元。</p>',
      '元。{{#each plan.instalments}}{{/each}}</p>',
    );
    const problems = problemsOf(filesOf(basePack(), { 'overdue-demand': body }));
    expect(problems).toEqual([
      {
        path: 'templates/overdue-demand.hbs',
        reason: expect.stringContaining('"plan.instalments" is a repayment plan\'s field'),
      },
    ]);
  });

  it('a plan agreement may require only what the plan panel supplies', () => {
    const agreement = AGREEMENT.replace('plan.instalments]', 'plan.instalments, account.dpd]');
    expect(problemsOf(filesOf(basePack(), { ...templates, 'plan-agreement': agreement }))).toEqual([
      {
        path: 'templates/plan-agreement.hbs:required[3]',
        reason: expect.stringContaining('"account.dpd" is not a field the plan agreement supplies'),
      },
    ]);
  });

  it('an unknown purpose is refused with the known ones', () => {
    const odd = AGREEMENT.replace('purpose: plan-agreement', 'purpose: contract');
    expect(problemsOf(filesOf(basePack(), { ...templates, 'plan-agreement': odd }))).toEqual([
      {
        path: 'templates/plan-agreement.hbs:purpose',
        reason: expect.stringContaining('must be one of case-letter, plan-agreement'),
      },
    ]);
  });

  it('a rule may not send the plan agreement as a notice; a pack has one plan agreement', () => {
    const pack = basePack();
    const stages = pack.stages as { do: unknown[] }[];
    stages[1].do = [{ notice: 'plan-agreement' }];
    expect(problemsOf(filesOf(pack, templates))).toEqual([
      {
        path: 'stages[1].do[0].notice.template',
        reason: expect.stringContaining(
          'template "plan-agreement" is the plan agreement (purpose: plan-agreement)',
        ),
      },
    ]);
    const two = { ...templates, 'plan-agreement-2': AGREEMENT };
    expect(problemsOf(filesOf(basePack(), two))).toEqual([
      {
        path: 'templates/plan-agreement-2.hbs:purpose',
        reason: 'only one template may be the plan agreement (also templates/plan-agreement.hbs)',
      },
    ]);
  });
});
