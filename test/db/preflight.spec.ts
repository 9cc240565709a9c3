import { ConfigError, loadAppConfig } from '../../libs/core/src';
import { checkConnections } from '../../libs/db/src';

const secret = { JWT_SECRET: 'preflight-test-secret-preflight-test-secret' };

describe('boot preflight names the unreachable setting and the fix in one line', () => {
  it('DATABASE_URL pointing at a closed port', async () => {
    const config = loadAppConfig({
      ...secret,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/qingshou',
    });
    const error = await checkConnections(config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(
      /^Configuration error: DATABASE_URL is unreachable \(.*ECONNREFUSED.*\): start PostgreSQL or point DATABASE_URL at a running server$/,
    );
    expect((error as ConfigError).message).not.toContain('\n');
  });

  it('a database that does not exist yet says to run the migration', async () => {
    const config = loadAppConfig({
      ...secret,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/qs_no_such_db',
    });
    await expect(checkConnections(config)).rejects.toThrow(/run `npm run db:migrate` first/);
  });

  it('REDIS_URL pointing at a closed port', async () => {
    const template = process.env.QS_TEST_TEMPLATE as string;
    const config = loadAppConfig({
      ...secret,
      DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${template}`,
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    await expect(checkConnections(config)).rejects.toThrow(
      /^Configuration error: REDIS_URL is unreachable \(.+\): start Redis or point REDIS_URL at a running server$/,
    );
  });
});
