import { systemMeta } from '../../../libs/core/src';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { ApiModule } from '../../../apps/api/src/api.module';
import { configureApp } from '../../../apps/api/src/http/configure-app';
import { Clock, FixedClock } from '../../../libs/calendar/src';
import {
  DispatchNotices,
  DispatchSummary,
  NoticeTemplateSource,
  PackDirectoryTemplateSource,
} from '../../../libs/notices/src';
import { createTestDatabase } from '../../support/test-db';
import { FIXTURES, NoticesTestApi } from './notices-api';

export interface DispatchTestApi extends NoticesTestApi {
  /** NOTICE_OUTBOX_DIR: a temp directory of this file's own. */
  readonly outboxDir: string;
  dispatch(tenantId: string, asOf?: string): Promise<DispatchSummary>;
}

/**
 * startNoticesApi with delivery configured the way a deployment sets it: NOTICE_ADAPTERS,
 * SMTP_URL, and the outbox in a temp directory. Templates from test/notices/fixtures.
 */
export async function startDispatchApi(
  settings: { adapters?: string; smtpUrl?: string; now?: string } = {},
): Promise<DispatchTestApi> {
  process.env.NODE_ENV = 'test';
  const db = await createTestDatabase();
  const outboxDir = await mkdtemp(join(tmpdir(), 'qs-outbox-'));
  db.config.NOTICE_OUTBOX_DIR = outboxDir;
  db.config.NOTICE_ADAPTERS = settings.adapters;
  db.config.SMTP_URL = settings.smtpUrl;
  const clock = new FixedClock(settings.now ?? '2026-11-30T02:00:00Z');
  const moduleRef = await Test.createTestingModule({
    imports: [
      ApiModule.forRoot({
        config: db.config,
        queuePrefix: `qs-test-${randomBytes(4).toString('hex')}`,
      }),
    ],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .overrideProvider(NoticeTemplateSource)
    .useValue(new PackDirectoryTemplateSource(FIXTURES))
    .compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: false }));
  await app.init();
  const commands = app.get(CommandBus);
  return {
    app,
    db,
    clock,
    outboxDir,
    http: () => request(app.getHttpServer()),
    commands,
    dispatch: (tenantId, asOf) =>
      commands.execute(
        new DispatchNotices(
          systemMeta({
            tenantId,
            actorId: 'worker:notices',
            correlationId: `dispatch-${randomBytes(3).toString('hex')}`,
          }),
          asOf,
        ),
      ),
    async close() {
      await app.close();
      await db.drop();
      await rm(outboxDir, { recursive: true, force: true });
    },
  };
}

/** Every file under a directory, relative to it, sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

export interface ReceivedMail {
  readonly raw: string;
  readonly messageId: string | undefined;
  /** The decoded text/plain and text/html parts, joined. */
  readonly body: string;
}

/** Decodes the base64 parts of a MIME message (the notices lib sends text as base64). */
export function decodeBody(raw: string): string {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  return parts
    .map((part) => {
      const [head, ...rest] = part.split(/\r?\n\r?\n/);
      const body = rest.join('\n\n');
      if (!/^content-type:\s*text\//im.test(head)) return '';
      return /content-transfer-encoding:\s*base64/i.test(head)
        ? Buffer.from(body.replace(/\s+|--.*$/g, ''), 'base64').toString('utf8')
        : body;
    })
    .join('\n');
}

export interface TestSmtpServer {
  readonly url: string;
  readonly received: ReceivedMail[];
  /** DATA commands answered, accepted or not. */
  attempts: number;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a random port (smtp-server), no TLS or auth. `rejectFirst` answers
 * that many DATA commands with 451 — a greylisting or busy server.
 */
export async function startSmtpServer(rejectFirst = 0): Promise<TestSmtpServer> {
  let toReject = rejectFirst;
  const state = { received: [] as ReceivedMail[], attempts: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        state.attempts += 1;
        if (toReject > 0) {
          toReject -= 1;
          const error = new Error('Greylisted, try again later') as Error & {
            responseCode: number;
          };
          error.responseCode = 451;
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const messageId = /^message-id:\s*(\S+)/im.exec(raw)?.[1];
        state.received.push({ raw, messageId, body: decodeBody(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: state.received,
    get attempts() {
      return state.attempts;
    },
    set attempts(n: number) {
      state.attempts = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
