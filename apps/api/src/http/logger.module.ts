import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import {
  currentLogSetting,
  logOutputOptions,
  LogSetting,
  PERSONAL_DATA_SAFE_SERIALIZERS,
  REDACTED_LOG_PATHS,
  requestLogLevel,
} from '@qingshou/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * pino logs: JSON lines in production, pretty and quiet on a developer's terminal (see
 * logOutputOptions); every line of a request carries its id, which is echoed in X-Request-Id.
 * A function so the log specs can run the same options into a captured stream.
 */
export const httpLoggerOptions = (setting: LogSetting = currentLogSetting()): Options => {
  const levelOf = requestLogLevel(setting);
  return {
    ...logOutputOptions(setting),
    customLogLevel: (_req, res, err) => levelOf(res.statusCode, err),
    redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customProps: () => ({ service: 'api' }),
    serializers: {
      ...PERSONAL_DATA_SAFE_SERIALIZERS,
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
    },
  };
};

export const HttpLoggerModule = LoggerModule.forRoot({ pinoHttp: httpLoggerOptions() });
