import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadSharedTemplates } from './shared-templates';
import { NoticeTemplateEngine } from './template-engine';

/** Shared by the rendering specs: the repository's /templates and the test pack's fixtures. */
const ROOT = resolve(__dirname, '../../../..');

export function testEngine(): NoticeTemplateEngine {
  return new NoticeTemplateEngine(loadSharedTemplates(resolve(ROOT, 'templates')));
}

export function fixture(name: string): string {
  return readFileSync(
    resolve(ROOT, 'test/notices/fixtures/test-pack/templates', `${name}.hbs`),
    'utf8',
  );
}

/** A letter template around `body`, with `required` fields. */
export function letter(body: string, required: string[] = []): string {
  return `---\ntitle: 测试函\nchannel: letter\nrequired: [${required.join(', ')}]\n---\n${body}`;
}

export const TENANT = { name: '鑫诚融资租赁有限公司' };

/** The 775.00 penalty (ledger: 100,000.00 at 6% × 1.5, 31 days). */
export function overdueData(): Record<string, unknown> {
  return {
    tenant: TENANT,
    notice: { issuedOn: '2026-03-05' },
    debtor: { name: '孙桂英', idNumber: '11010519670523465X' },
    account: { contractNo: 'XC-2025-0012', dueDate: '2026-01-01', dpd: 63 },
    amounts: { principal: '100000.00', penalty: '775.00', totalDue: '100775.00' },
  };
}

interface Problem {
  path: string;
  reason: string;
}

/** Runs `work` and returns what it threw, for asserting on problems. */
export function thrown(work: () => unknown): { message: string; problems: Problem[] } {
  try {
    work();
  } catch (error) {
    return error as { message: string; problems: Problem[] };
  }
  throw new Error('expected an error, none was thrown');
}
