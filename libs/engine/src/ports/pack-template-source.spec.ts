import { loadSharedTemplates, NoticeTemplateEngine } from '@qingshou/notices';
import { resolve } from 'node:path';
import { PackLoader, PackRegistry } from '@qingshou/policy';
import { templateFile } from './pack-template-source';

const ROOT = resolve(__dirname, '../../../..');

describe('a pinned pack template renders through the notices lib (strict, escaped)', () => {
  const loaded = new PackLoader(new PackRegistry(resolve(ROOT, 'policies'))).load(
    'test-engine-ladder',
    undefined,
    { mode: 'install', params: {} },
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const pack = loaded.pack;
  const engine = new NoticeTemplateEngine(loadSharedTemplates(resolve(ROOT, 'templates')));
  const file = templateFile(pack.id, pack.version, pack.templates['overdue-demand']);

  it('is named <pack>/<template> at the pinned version', () => {
    expect(file.templateId).toBe('test-engine-ladder/overdue-demand');
    expect(file.packVersion).toBe('1.0.0');
  });

  it("maps the pack's notice.date / notice.deadline onto the lib's issue date and deadline helper", () => {
    const template = engine.compile(file.templateId, file.source);
    expect(template.required).toEqual(
      expect.arrayContaining(['notice.issuedOn', 'notice.delivery', 'debtor.name']),
    );
    const html = engine.render(template, {
      tenant: { name: '测试小贷' },
      notice: { issuedOn: '2026-03-09', delivery: { periodDays: 10, fallbackOffsetDays: 3 } },
      debtor: { name: '<b>张三</b>' },
      account: { ref: 'ML-1', overdueAmount: '5000.00', overdueAmountUpper: '伍仟元整', dpd: 7 },
    }).html;
    expect(html).toContain('2026年3月9日');
    expect(html).toContain('已逾期 7 天');
    expect(html).toContain('&lt;b&gt;张三&lt;/b&gt;');
  });

  it('a missing field is refused with its name, not printed blank', () => {
    const template = engine.compile(file.templateId, file.source);
    expect(() =>
      engine.render(template, {
        tenant: { name: '测试小贷' },
        notice: { issuedOn: '2026-03-09', delivery: { periodDays: 10, fallbackOffsetDays: 3 } },
        debtor: { name: '张三' },
        account: { ref: 'ML-1', overdueAmountUpper: '伍仟元整', dpd: 7 },
      }),
    ).toThrow(/account\.overdueAmount/);
  });
});
