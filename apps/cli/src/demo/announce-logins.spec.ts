import { loginAnnouncement } from './announce-logins';

const LOGINS = [
  { tenant: 'platform', username: 'root', password: 'Xq3v-Secret_1', roles: ['platform-admin'] },
  { tenant: 'demo-bank', username: 'clerk', password: 'Zr9p-Secret_2', roles: ['clerk'] },
];
const FILE = '/srv/qingshou/.qingshou/demo-credentials.txt';

describe('demo logins: shown once to a person at a terminal, never into a collected stream', () => {
  it('on a terminal: every new password, once, and the file they are saved to', () => {
    const text = loginAnnouncement(LOGINS, FILE, true);
    for (const login of LOGINS) expect(text.split(login.password)).toHaveLength(2);
    expect(text).toContain(FILE);
  });

  it('stdout a pipe or file (a log store collects it): names the file and the count, no password', () => {
    const text = loginAnnouncement(LOGINS, FILE, false);
    for (const login of LOGINS) expect(text).not.toContain(login.password);
    expect(text).toBe(
      `2 demo users created; their passwords are in ${FILE} (not printed: stdout is not a terminal)`,
    );
  });

  it('nothing created: points to the file either way', () => {
    expect(loginAnnouncement([], FILE, true)).toBe(
      `Demo tenants are ready; their passwords are in ${FILE}`,
    );
  });
});
