import { plainToInstance } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const DEFAULTS = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/qingshou',
  REDIS_URL: 'redis://127.0.0.1:6379',
  PORT: '3000',
  DEFAULT_TIME_ZONE: 'Asia/Shanghai',
  APP_DB_USER: 'qingshou_app',
  JWT_TTL_SECONDS: '900',
  STORAGE_DIR: 'var/storage',
  REDIS_KEY_PREFIX: 'qingshou:',
  SMTP_FROM: 'Qingshou <noreply@qingshou.local>',
  NOTICE_OUTBOX_DIR: '.qingshou/outbox',
  DEMO_CREDENTIALS_FILE: '.qingshou/demo-credentials.txt',
  RECORDINGS_ARCHIVE_DIR: 'var/backups/recordings',
  NODE_ENV: 'development',
};

/**
 * Validated process settings. Built once at boot; a bad value stops the process with one
 * line naming the setting and the fix (see `ConfigError`).
 */
export class AppConfig {
  /** Owner connection: migrations and database creation. */
  @Matches(/^postgres(ql)?:\/\/[^/]+\/[A-Za-z0-9_]+$/, {
    message: 'must look like postgres://user@host:5432/dbname',
  })
  DATABASE_URL!: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'must look like redis://host:6379' })
  REDIS_URL!: string;

  @Max(65535, { message: 'must be between 1 and 65535' })
  @Min(1, { message: 'must be between 1 and 65535' })
  @IsInt({ message: 'must be a whole number' })
  PORT!: number;

  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET!: string;

  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(60, { message: 'must be at least 60 seconds' })
  JWT_TTL_SECONDS!: number;

  @IsIn(Intl.supportedValuesOf('timeZone'), {
    message: 'must be an IANA time zone such as Asia/Shanghai',
  })
  DEFAULT_TIME_ZONE!: string;

  /** The role the application connects as: owns no table, cannot bypass RLS. */
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'must be a PostgreSQL role name' })
  APP_DB_USER!: string;

  @IsString()
  STORAGE_DIR!: string;

  /** Namespace for our own Redis keys (counters, locks), so deployments can share a Redis. */
  @Matches(/^[A-Za-z0-9:_-]{1,64}$/, { message: 'must be 1–64 letters, digits, : _ -' })
  REDIS_KEY_PREFIX!: string;

  /** When set, GET /metrics (Prometheus) requires `Authorization: Bearer <token>`. */
  @IsOptional()
  @MinLength(16, { message: 'must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** SMTP server for e-mailed notices (nodemailer), e.g. smtp://user:pass@mail.example.com:587. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must look like smtp://host:587 or smtps://host:465' })
  SMTP_URL?: string;

  /** The From: header of e-mailed notices. */
  @IsString()
  @MinLength(3, { message: 'must be an address such as Qingshou <noreply@example.com>' })
  SMTP_FROM!: string;

  /** HTTP SMS gateway: notices are POSTed as JSON {to, text, reference}. */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'must look like https://sms.example.com/send' })
  SMS_GATEWAY_URL?: string;

  /** Bearer token for the SMS gateway. */
  @IsOptional()
  @IsString()
  SMS_GATEWAY_TOKEN?: string;

  /** Where the development sink and the letter adapter write notice files. */
  @IsString()
  NOTICE_OUTBOX_DIR!: string;

  /** Where `demo` keeps the demo users' generated passwords (relative to the working dir). */
  @IsString()
  DEMO_CREDENTIALS_FILE!: string;

  /** Where the daily recordings job writes each tenant's archives and its last run (篇八). */
  @IsString()
  RECORDINGS_ARCHIVE_DIR!: string;

  /**
   * The delivery adapter per channel, e.g. `email=smtp,sms=http,letter=letter`. Channels not
   * named use the file sink (development and test default).
   */
  @IsOptional()
  @Matches(/^[a-z-]+=[a-z-]+(,[a-z-]+=[a-z-]+)*$/, {
    message: 'must list channel=adapter pairs, e.g. email=smtp,sms=http,letter=letter',
  })
  NOTICE_ADAPTERS?: string;

  /** Letters printed to PDF at once per process (pages in the one Chromium); unset: 2. */
  @IsOptional()
  @Max(32, { message: 'must be between 1 and 32' })
  @Min(1, { message: 'must be between 1 and 32' })
  @IsInt({ message: 'must be a whole number' })
  PDF_CONCURRENCY?: number;

  /**
   * Where debtors reach this service from outside (the links and QR codes of the debtor's own
   * page, issue 16 §3), e.g. https://pay.example.com; unset: http://127.0.0.1:<PORT>.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^/\s]+$/, { message: 'must look like https://host (no path)' })
  PUBLIC_BASE_URL?: string;

  get publicBaseUrl(): string {
    return this.PUBLIC_BASE_URL ?? `http://127.0.0.1:${this.PORT}`;
  }

  /** production closes what development leaves open (e.g. /metrics without METRICS_TOKEN). */
  @IsString()
  NODE_ENV!: string;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** The app-role URL derived from the owner URL: same host and database, other user. */
  get appDatabaseUrl(): string {
    const url = new URL(this.DATABASE_URL);
    url.username = this.APP_DB_USER;
    url.password = process.env.APP_DB_PASSWORD ?? '';
    return url.toString();
  }

  get databaseName(): string {
    return new URL(this.DATABASE_URL).pathname.slice(1);
  }
}

/** Settings without a default: absent means the feature's open default (see each field). */
const OPTIONAL_SETTINGS = [
  'METRICS_TOKEN',
  'SMTP_URL',
  'SMS_GATEWAY_URL',
  'SMS_GATEWAY_TOKEN',
  'NOTICE_ADAPTERS',
  'PDF_CONCURRENCY',
  'PUBLIC_BASE_URL',
];

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    reason: string,
  ) {
    super(`Configuration error: ${setting} ${reason}`);
    this.name = 'ConfigError';
  }
}

const HOW_TO_FIX: Record<string, string> = {
  DATABASE_URL: 'set DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/qingshou',
  REDIS_URL: 'set REDIS_URL, e.g. redis://127.0.0.1:6379',
  PORT: 'set PORT to a free TCP port, e.g. 3000',
  JWT_SECRET: 'set JWT_SECRET to a random string of 32+ characters, or unset it in development',
};

/** Dev convenience: a secret generated once and kept in a git-ignored file. */
function devJwtSecret(dir: string): string {
  const file = resolve(dir, '.qingshou', 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

export function loadAppConfig(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): AppConfig {
  const raw: Record<string, unknown> = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS).concat('JWT_SECRET', ...OPTIONAL_SETTINGS)) {
    if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  }
  if (raw.JWT_SECRET === undefined) raw.JWT_SECRET = devJwtSecret(cwd);
  raw.PORT = /^\d+$/.test(String(raw.PORT)) ? Number(raw.PORT) : raw.PORT;
  raw.JWT_TTL_SECONDS = /^\d+$/.test(String(raw.JWT_TTL_SECONDS))
    ? Number(raw.JWT_TTL_SECONDS)
    : raw.JWT_TTL_SECONDS;
  if (/^\d+$/.test(String(raw.PDF_CONCURRENCY))) raw.PDF_CONCURRENCY = Number(raw.PDF_CONCURRENCY);
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config, { skipMissingProperties: false, stopAtFirstError: true });
  if (errors.length > 0) {
    const first = errors[0];
    const reason = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    const fix = HOW_TO_FIX[first.property] ?? `set ${first.property}`;
    throw new ConfigError(first.property, `${reason} (got "${String(first.value)}"): ${fix}`);
  }
  return config;
}
