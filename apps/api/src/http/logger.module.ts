import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { PERSONAL_DATA_SAFE_SERIALIZERS, REDACTED_LOG_PATHS } from '@qingshou/core';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * pino JSON logs; every line of a request carries its id, which is echoed in X-Request-Id.
 * A function so the log spec can run the same options into a captured stream.
 */
export const httpLoggerOptions = (): Options => ({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
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
});

export const HttpLoggerModule = LoggerModule.forRoot({ pinoHttp: httpLoggerOptions() });
