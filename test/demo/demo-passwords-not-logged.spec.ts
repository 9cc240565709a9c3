import { INestApplicationContext } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { Logger, LoggerModule } from 'nestjs-pino';
import { Writable } from 'node:stream';
import { DemoCommand } from '../../apps/cli/src/commands/demo.command';
import { PackCliModule } from '../../apps/cli/src/commands/pack.command';
import { RunCliModule } from '../../apps/cli/src/commands/run.command';
import { readLogins } from '../../apps/cli/src/demo/credentials-file';
import { AppConfigModule, logOutputOptions } from '../../libs/core/src';
import { DbModule, RedisModule } from '../../libs/db/src';
import { TenancyModule } from '../../libs/tenancy/src';
import { createTestDatabase, TestDatabase } from '../support/test-db';

/**
 * The smallest books and one day of collectors' work (the demo's month of calls is most of
 * its seeding): what matters is every line written while users and packs are made.
 */
const OPTIONS = { seed: 'log-spec', size: 10, historyDays: 0, kpiDays: 0, activityDays: 1 };

/**
 * The demo command with every Nest log line (down to trace) going into pino's structured
 * output, captured in memory — the stream a deployment would ship to its log store.
 */
async function bootCliWithCapturedLog(
  db: TestDatabase,
  lines: string[],
): Promise<INestApplicationContext> {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const options = { ...logOutputOptions({ nodeEnv: 'production' }), level: 'trace' };
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppConfigModule.forRoot(db.config),
      LoggerModule.forRoot({ pinoHttp: [options, sink] }),
      CqrsModule.forRoot(),
      DbModule,
      RedisModule,
      TenancyModule,
      PackCliModule,
      // As the CLI (cli.module.ts): the demo logs contacts and promises through collection.
      RunCliModule,
    ],
    providers: [DemoCommand],
  }).compile();
  moduleRef.useLogger(moduleRef.get(Logger));
  return moduleRef.init();
}

describe('demo passwords never reach structured log output', () => {
  const lines: string[] = [];
  const printed: string[] = [];
  let db: TestDatabase;
  let cli: INestApplicationContext | undefined;
  let wasTTY: boolean | undefined;

  beforeAll(async () => {
    wasTTY = process.stdout.isTTY;
    // A person at a terminal: the riskiest case, where the passwords are printed.
    process.stdout.isTTY = true;
    jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      printed.push(args.map(String).join(' '));
    });
    db = await createTestDatabase();
    cli = await bootCliWithCapturedLog(db, lines);
  }, 120_000);
  afterAll(async () => {
    process.stdout.isTTY = wasTTY as boolean;
    jest.restoreAllMocks();
    await cli?.close();
    await db?.drop();
  }, 120_000);

  it('a fresh database: every new password is printed once on stdout and is in the file, none is in a log line', async () => {
    await cli!.get(DemoCommand).seed(OPTIONS);
    cli!.get(Logger).log('demo finished', 'DemoLogSpec');

    const logins = readLogins(db.config.DEMO_CREDENTIALS_FILE);
    // The platform admin and every demo tenant's users: 1 + six tenants' worth.
    expect(logins.length).toBeGreaterThan(6);
    // The capture works: the spec's own line (and whatever the seeding logged) is there.
    const log = lines.join('');
    expect(log).toContain('"msg":"demo finished"');
    const terminal = printed.join('\n');
    for (const { username, password } of logins) {
      expect({ username, inLog: log.includes(password) }).toEqual({ username, inLog: false });
      expect({ username, printed: terminal.split(password).length - 1 }).toEqual({
        username,
        printed: 1,
      });
    }
  }, 300_000);
});
