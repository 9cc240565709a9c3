import { fixture, letter, overdueData, testEngine, thrown, TENANT } from './engine.test-kit';
import { NoticeRenderError } from './template-errors';

describe('NoticeTemplateEngine: rendering the example notices', () => {
  const engine = testEngine();

  it('prints a penalty of 775 as 775.00 and 柒佰柒拾伍元整 in the overdue notice 逾期催收函', () => {
    const { html, title } = engine.render(
      engine.compile('overdue', fixture('overdue-notice')),
      overdueData(),
    );
    expect(title).toBe('逾期催收函');
    expect(html).toContain('<td class="num">775.00</td><td>柒佰柒拾伍元整</td>');
    expect(html).toContain('<td class="num">100,000.00</td><td>壹拾万元整</td>');
    expect(html).toContain('<td class="num">100,775.00</td><td>壹拾万零柒佰柒拾伍元整</td>');
  });

  it('masks the ID number to 110105********465X and writes dates as 2026年1月1日', () => {
    const { html } = engine.render(
      engine.compile('overdue', fixture('overdue-notice')),
      overdueData(),
    );
    expect(html).toContain('孙桂英（证件号码：110105********465X）');
    expect(html).not.toContain('11010519670523465X');
    expect(html).toContain('应于2026年1月1日归还');
    expect(html).toContain('<p>2026年3月5日</p>'); // the signature block's date of issue
  });

  it('wraps the letter in the letterhead with the tenant name and the title', () => {
    const { html } = engine.render(
      engine.compile('overdue', fixture('overdue-notice')),
      overdueData(),
    );
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<div class="letterhead-name">${TENANT.name}</div>`);
    expect(html).toContain('<h1 class="notice-title">逾期催收函</h1>');
    expect(html).not.toContain('地址：'); // no address on file, so no contact line
  });

  it('prints the statement 对账单 line by line with a tear-off reply slip 回执', () => {
    const data = {
      tenant: TENANT,
      notice: { issuedOn: '2026-03-05' },
      debtor: { name: '临沂宏达工程机械有限公司' },
      statement: {
        asOf: '2026-02-28',
        totalOutstanding: '186500',
        lines: [
          {
            contractNo: 'ZL-01',
            dueDate: '2026-01-15',
            amountDue: '120000',
            amountPaid: '20000',
            outstanding: '100000',
          },
          {
            contractNo: 'ZL-02',
            dueDate: '2026-02-15',
            amountDue: '86500',
            amountPaid: '0',
            outstanding: '86500',
          },
        ],
      },
    };
    const { html } = engine.render(engine.compile('statement', fixture('statement')), data);
    expect(html).toContain('截至2026年2月28日');
    expect(html).toContain('<td>ZL-02</td><td>2026年2月15日</td><td class="num">86,500.00</td>');
    expect(html).toContain('合计未付：人民币186,500.00元（大写：壹拾捌万陆仟伍佰元整）');
    expect(html).toContain('请沿此虚线剪下');
    expect(html).toContain('本人（本单位）临沂宏达工程机械有限公司已于');
    expect(html).toContain('收到贵方《对账单》');
  });

  it('prints the final notice rule: 10 days from signed receipt, else from sending + 3', () => {
    const template = engine.compile('final', fixture('final-notice'));
    expect(template.frontMatter.delivery).toEqual({ periodDays: 10, fallbackOffsetDays: 3 });
    const data = {
      ...overdueData(),
      notice: { issuedOn: '2026-09-21', delivery: { periodDays: 10, fallbackOffsetDays: 3 } },
    };
    const { html } = engine.render(template, data);
    expect(html).toContain(
      '请您于自签收之日起10日内；拒绝签收或无法送达的，自发出之日起顺延3日开始计算；' +
        '期满日为节假日的，顺延至节假日后第一个工作日付清上述款项',
    );
    expect(html).toContain('10天期限将以您签收信函当天开始计算');
  });

  it('caches compiled templates by content hash', () => {
    const a = engine.compile('a', fixture('statement'));
    const b = engine.compile('b', fixture('statement'));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.hash).toBe(a.hash);
    expect(b.body).toBe(a.body);
    expect(engine.compile('c', `${fixture('statement')}\n`).hash).not.toBe(a.hash);
  });
});

describe('NoticeTemplateEngine: missing fields are errors that name the field', () => {
  const engine = testEngine();

  it('strict mode: {{debtor.name}} with no name throws naming data.debtor.name and the line', () => {
    const template = engine.compile('t', letter('<p>\n{{debtor.name}}</p>'));
    const error = thrown(() => engine.render(template, { debtor: {} }));
    expect(error).toBeInstanceOf(NoticeRenderError);
    expect(error.problems).toEqual([
      { path: 'data.debtor.name', reason: 'is missing (template line 7)' },
    ]);
    expect(error.message).toContain('data.debtor.name is missing');
  });

  it('checks the required fields first and names every missing one', () => {
    const template = engine.compile('overdue', fixture('overdue-notice'));
    const data = overdueData() as {
      debtor: Record<string, string>;
      amounts: Record<string, string>;
    };
    delete data.debtor.name;
    data.amounts.totalDue = '  ';
    const error = thrown(() => engine.render(template, data));
    expect(error.problems).toEqual([
      { path: 'data.debtor.name', reason: 'is required by the template but missing' },
      { path: 'data.amounts.totalDue', reason: 'is required by the template but missing' },
    ]);
  });

  it('adds the layout and partial fields (tenant.name, notice.issuedOn) to the required ones', () => {
    const template = engine.compile('overdue', fixture('overdue-notice'));
    expect(template.required).toEqual(expect.arrayContaining(['tenant.name', 'notice.issuedOn']));
  });

  it('names a missing helper argument: {{money amounts.totalDue}} without it', () => {
    const template = engine.compile('t', letter('{{money amounts.totalDue}}'));
    expect(thrown(() => engine.render(template, { amounts: {} })).problems).toEqual([
      { path: 'data.amounts.totalDue', reason: 'is missing (money, template line 6)' },
    ]);
    expect(thrown(() => engine.render(template, {})).problems).toEqual([
      {
        path: 'data.amounts',
        reason: 'is missing, so amounts.totalDue cannot be read (template line 6)',
      },
    ]);
  });

  it('names a field missing inside {{#each}} by its list: statement.lines[].outstanding', () => {
    const template = engine.compile(
      't',
      letter('{{#each statement.lines}}{{money outstanding}}{{/each}}'),
    );
    const error = thrown(() => engine.render(template, { statement: { lines: [{}] } }));
    expect(error.problems).toEqual([
      {
        path: 'data.statement.lines[].outstanding',
        reason: 'is missing (money, template line 6)',
      },
    ]);
  });

  it('refuses a value the helper cannot print: money of "12元"', () => {
    const template = engine.compile('t', letter('{{money x}}'));
    const [problem] = thrown(() => engine.render(template, { x: '12元' })).problems;
    expect(problem.path).toBe('data.x');
    expect(problem.reason).toMatch(/currency symbols are not accepted/);
  });
});
