import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadAppConfig } from './app-config';

describe('loadAppConfig', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'qs-config-'));

  it('uses the documented defaults and derives the app-role URL', () => {
    const config = loadAppConfig({}, cwd);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/qingshou');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.PORT).toBe(3000);
    expect(config.DEFAULT_TIME_ZONE).toBe('Asia/Shanghai');
    expect(config.appDatabaseUrl).toBe('postgres://qingshou_app@127.0.0.1:5432/qingshou');
  });

  it('generates a dev JWT secret once and keeps it in a git-ignored file', () => {
    const first = loadAppConfig({}, cwd).JWT_SECRET;
    const second = loadAppConfig({}, cwd).JWT_SECRET;
    expect(first).toHaveLength(64);
    expect(second).toBe(first);
    expect(readFileSync(join(cwd, '.qingshou', 'jwt-secret'), 'utf8').trim()).toBe(first);
  });

  it('names the setting and the fix when PORT is malformed', () => {
    expect(() => loadAppConfig({ PORT: 'eighty' }, cwd)).toThrow(ConfigError);
    expect(() => loadAppConfig({ PORT: 'eighty' }, cwd)).toThrow(
      /^Configuration error: PORT must be a whole number \(got "eighty"\): set PORT/,
    );
  });

  it('refuses a DATABASE_URL that is not a postgres URL', () => {
    expect(() => loadAppConfig({ DATABASE_URL: 'mysql://x/y' }, cwd)).toThrow(/DATABASE_URL/);
  });

  it('refuses an unknown time zone', () => {
    expect(() => loadAppConfig({ DEFAULT_TIME_ZONE: 'Mars/Olympus' }, cwd)).toThrow(
      /DEFAULT_TIME_ZONE must be an IANA time zone/,
    );
  });
});
