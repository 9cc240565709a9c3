import type { Level, LoggerOptions, TransportSingleOptions } from 'pino';

/**
 * Where and how loud the API's and the worker's pino logs are (issue 14, "a readable first
 * screen"). Production writes JSON lines for the log store; a developer's terminal gets
 * pino-pretty and only what is worth reading: Nest's module-by-module boot lines and the
 * line per successful request drop to debug there.
 */
export interface LogSetting {
  /** NODE_ENV: 'production', 'test', anything else is development. */
  nodeEnv?: string;
  /** Whether stdout is a terminal (a pipe or a file means a machine reads the lines). */
  isTTY?: boolean;
  /** LOG_LEVEL, when an operator set it. */
  level?: string;
}

/** What the running process says about itself. */
export function currentLogSetting(): LogSetting {
  return {
    nodeEnv: process.env.NODE_ENV,
    isTTY: Boolean(process.stdout.isTTY),
    level: process.env.LOG_LEVEL,
  };
}

/** Nest's contexts that log one line per module, controller and route while booting. */
const NEST_BOOT_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

const INFO = 30;

const isDevelopment = (s: LogSetting): boolean =>
  s.nodeEnv !== 'production' && s.nodeEnv !== 'test';

/** pino-pretty, in a worker thread, only for a person at a terminal outside production. */
export function prettyTransport(setting: LogSetting): TransportSingleOptions | undefined {
  if (!isDevelopment(setting) || !setting.isTTY) return undefined;
  return {
    // Resolved here: pino would look for the name from its caller's folder.
    target: require.resolve('pino-pretty'),
    options: {
      colorize: true,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,service,context',
      messageFormat: '{if context}[{context}] {end}{msg}',
    },
  };
}

/** Level, output and the boot-line demotion shared by the API and the worker loggers. */
export function logOutputOptions(setting: LogSetting = currentLogSetting()): LoggerOptions {
  const transport = prettyTransport(setting);
  const level = setting.level ?? (setting.nodeEnv === 'test' ? 'silent' : 'info');
  if (!isDevelopment(setting)) return { level };
  return {
    level,
    ...(transport ? { transport } : {}),
    hooks: {
      // Nest logs its boot at info through nestjs-pino ({ context }, message): a line per
      // module and route. A developer needs "listening", not 40 "dependencies initialized"
      // lines; production keeps them in its JSON (the log store filters).
      logMethod(args, method, level) {
        const first: unknown = args[0];
        const context =
          typeof first === 'object' && first !== null
            ? (first as { context?: unknown }).context
            : undefined;
        if (level === INFO && typeof context === 'string' && NEST_BOOT_CONTEXTS.has(context)) {
          return this.debug(...args);
        }
        return method.apply(this, args);
      },
    },
  };
}

/**
 * pino-http's level per request: failures stay loud everywhere; in development a request that
 * succeeded is a debug line (the terminal is for the developer's own output), in production
 * it is the info line the log store counts.
 */
export function requestLogLevel(
  setting: LogSetting = currentLogSetting(),
): (statusCode: number, err: unknown) => Level {
  const quiet = isDevelopment(setting);
  return (statusCode, err) => {
    if (err || statusCode >= 500) return 'error';
    // A refusal (4xx) is worth a line on the developer's terminal too.
    if (statusCode >= 400) return 'info';
    return quiet ? 'debug' : 'info';
  };
}
