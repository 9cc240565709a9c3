import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Logger,
  Optional,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DomainError, FieldProblem } from '@qingshou/core';
import { TooManyAttemptsError } from '@qingshou/tenancy';
import type { Request, Response } from 'express';
import { ConsoleErrorFilter } from '../console/http/console-error.filter';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId?: string;
  errors?: readonly FieldProblem[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** Every error leaves as RFC 9457 application/problem+json, with the request id. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  constructor(@Optional() private readonly modules?: ModuleRef) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    // Under /console a route's own filter answers its errors; what reaches this one is a
    // console address no route serves (a mistyped or stale link) or a form body refused
    // before any route (the parsers, the input guard). A person sent it, so the console's
    // Chinese page answers, not problem+json (议题 11 §8).
    const console = this.consoleFilter();
    if (console && isConsolePath(request.path)) {
      const parser = bodyParserProblem(exception);
      console.catch(parser ? new HttpException(parser.detail, parser.status) : exception, host);
      return;
    }
    const problem = this.toProblem(exception);
    problem.instance = request.originalUrl;
    problem.requestId = request.id ? String(request.id) : undefined;
    if (exception instanceof TooManyAttemptsError) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    if (problem.status >= 500) this.logger.error(exception);
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private consoleFilter(): ConsoleErrorFilter | null {
    try {
      return this.modules?.get(ConsoleErrorFilter, { strict: false }) ?? null;
    } catch {
      return null; // an app without the console (a test module): problem+json as ever
    }
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof DomainError) {
      return {
        type: `urn:qingshou:problem:${exception.code}`,
        title: TITLES[exception.status] ?? 'Error',
        status: exception.status,
        detail: exception.message,
        instance: '',
        ...(exception.problems.length ? { errors: exception.problems } : {}),
      };
    }
    const parser = bodyParserProblem(exception);
    if (parser) return parser;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const detail =
        typeof body === 'string'
          ? body
          : String((body as { message?: unknown }).message ?? exception.message);
      return {
        type: `urn:qingshou:problem:http-${status}`,
        title: TITLES[status] ?? 'Error',
        status,
        detail,
        instance: '',
      };
    }
    return {
      type: 'urn:qingshou:problem:internal',
      title: TITLES[500],
      status: 500,
      detail: 'An unexpected error occurred; quote the request id when you report it',
      instance: '',
    };
  }
}

function isConsolePath(path: string): boolean {
  return path === '/console' || path.startsWith('/console/');
}

/** body-parser's errors (http-errors with a `type`): the client's fault, never a 500. */
function bodyParserProblem(exception: unknown): Problem | undefined {
  if (!(exception instanceof Error)) return undefined;
  const { type, status, expose } = exception as Error & {
    type?: unknown;
    status?: unknown;
    expose?: unknown;
  };
  if (typeof type !== 'string' || typeof status !== 'number' || expose !== true) return undefined;
  if (status < 400 || status > 499) return undefined;
  const reason =
    type === 'entity.too.large'
      ? 'is larger than the server accepts'
      : type === 'parameters.too.many'
        ? 'has too many fields'
        : exception.message;
  return {
    type: `urn:qingshou:problem:http-${status}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: `The request body ${reason}`,
    instance: '',
    errors: [{ path: 'body', reason }],
  };
}
