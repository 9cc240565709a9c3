import pino, { LoggerOptions } from 'pino';
import pinoPretty from 'pino-pretty';
import { Writable } from 'node:stream';
import { httpLoggerOptions } from './logger.module';

const PRODUCTION = { nodeEnv: 'production', isTTY: true };
const DEVELOPMENT_TTY = { nodeEnv: 'development', isTTY: true };
const DEVELOPMENT_PIPE = { nodeEnv: 'development', isTTY: false };

/** The options' logger writing into memory (a transport cannot share a stream, so it goes). */
function capture(options: LoggerOptions, level = options.level): string[] {
  const lines: string[] = [];
  const { transport: _transport, ...rest } = options;
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = pino({ ...rest, level }, sink);
  logger.info({ context: 'InstanceLoader' }, 'TenancyModule dependencies initialized');
  logger.info({ context: 'DailyRun' }, 'nightly run queued');
  return lines;
}

describe('API logger options: JSON for machines, pretty and quiet for a person at a terminal', () => {
  it('NODE_ENV=production writes JSON lines even on a TTY (no pino-pretty transport)', () => {
    const options = httpLoggerOptions(PRODUCTION);
    expect(options.transport).toBeUndefined();
    const lines = capture(options);
    expect(lines).toHaveLength(2);
    const parsed = lines.map((l) => JSON.parse(l) as { level: number; msg: string });
    // Production keeps Nest's boot line at info (30), as before.
    expect(parsed.map((p) => [p.level, p.msg])).toEqual([
      [30, 'TenancyModule dependencies initialized'],
      [30, 'nightly run queued'],
    ]);
  });

  it('development on a TTY goes through pino-pretty; development into a pipe stays JSON', () => {
    expect(httpLoggerOptions(DEVELOPMENT_TTY).transport).toEqual(
      expect.objectContaining({ target: require.resolve('pino-pretty') }),
    );
    expect(httpLoggerOptions(DEVELOPMENT_PIPE).transport).toBeUndefined();
    expect(httpLoggerOptions({ nodeEnv: 'test', isTTY: true }).transport).toBeUndefined();
  });

  it("the pretty transport's options render one readable line with its context, not JSON", () => {
    const transport = httpLoggerOptions(DEVELOPMENT_TTY).transport as {
      options: Record<string, unknown>;
    };
    let out = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        out += String(chunk);
        done();
      },
    });
    const options = { ...transport.options, colorize: false };
    const logger = pino(
      { level: 'info' },
      pinoPretty({ ...options, destination: sink, sync: true }),
    );
    logger.info({ context: 'DailyRun', service: 'api' }, 'nightly run queued');
    // Time of day, level, context and message; no pid, hostname or service on every line.
    expect(out.trim()).toMatch(/^\[\d{2}:\d{2}:\d{2}\] INFO: \[DailyRun\] nightly run queued$/);
    expect(() => JSON.parse(out)).toThrow();
  });

  it("development hides Nest's boot lines at info (they are debug lines), keeps the app's own", () => {
    const atInfo = capture(httpLoggerOptions(DEVELOPMENT_PIPE));
    expect(atInfo.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual([
      'nightly run queued',
    ]);
    const atDebug = capture(httpLoggerOptions(DEVELOPMENT_PIPE), 'debug');
    expect(atDebug.map((l) => (JSON.parse(l) as { level: number }).level)).toEqual([20, 30]);
  });

  it('a request line: debug in development when it succeeded, info in production; 4xx info, 5xx error', () => {
    const level = (setting: object, status: number, err?: Error): unknown =>
      (
        httpLoggerOptions(setting).customLogLevel as (
          req: unknown,
          res: { statusCode: number },
          err?: Error,
        ) => string
      )({}, { statusCode: status }, err);
    expect(level(DEVELOPMENT_TTY, 200)).toBe('debug');
    expect(level(PRODUCTION, 200)).toBe('info');
    expect(level(DEVELOPMENT_TTY, 404)).toBe('info');
    expect(level(DEVELOPMENT_TTY, 500)).toBe('error');
    expect(level(PRODUCTION, 200, new Error('boom'))).toBe('error');
  });

  it('LOG_LEVEL set by an operator wins; tests are silent by default', () => {
    expect(httpLoggerOptions({ ...PRODUCTION, level: 'warn' }).level).toBe('warn');
    expect(httpLoggerOptions({ nodeEnv: 'test' }).level).toBe('silent');
  });
});
