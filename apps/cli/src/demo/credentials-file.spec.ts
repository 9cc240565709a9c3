import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DemoLogin, isFileFor, parseLogins, readLogins, saveLogins } from './credentials-file';

const login = (username: string, password: string): DemoLogin => ({
  tenant: 'demo-leasing',
  username,
  password,
  roles: ['clerk', 'legal'],
});
const blocks = (text: string) => text.split('\n').filter((l) => l.startsWith('tenant ')).length;

describe('demo credentials file: one block, the logins valid on its database', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qs-demo-creds-'));
    file = join(dir, 'nested', 'demo-credentials.txt');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a fresh database replaces the whole file: the old logins are gone, one block remains', () => {
    saveLogins(file, 'qingshou', [login('zl.clerk', 'old-password')], true);
    saveLogins(file, 'qingshou', [login('zl.clerk', 'new-password')], true);
    const text = readFileSync(file, 'utf8');
    expect(blocks(text)).toBe(1);
    expect(text).toContain('# Demo logins for database qingshou');
    expect(readLogins(file)).toEqual([login('zl.clerk', 'new-password')]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect([isFileFor(file, 'qingshou'), isFileFor(file, 'other')]).toEqual([true, false]);
  });

  it('users added on the same database join the block; a re-created user replaces its line', () => {
    saveLogins(file, 'qingshou', [login('zl.clerk', 'p1'), login('zl.audit', 'p2')], true);
    saveLogins(file, 'qingshou', [login('zl.audit', 'p3'), login('zl.finance', 'p4')], false);
    expect(blocks(readFileSync(file, 'utf8'))).toBe(1);
    expect(readLogins(file)).toEqual([
      login('zl.clerk', 'p1'),
      login('zl.audit', 'p3'),
      login('zl.finance', 'p4'),
    ]);
  });

  it('reads the pre-change layout (column line, then rows) and skips comments', () => {
    const old = [
      'tenant            username             password           roles',
      'platform          root                 abcDEF123_-x   platform-admin',
      '# a note',
      '',
    ].join('\n');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, old);
    expect(isFileFor(file, 'qingshou')).toBe(false);
    expect(parseLogins(old)).toEqual([
      { tenant: 'platform', username: 'root', password: 'abcDEF123_-x', roles: ['platform-admin'] },
    ]);
  });
});
