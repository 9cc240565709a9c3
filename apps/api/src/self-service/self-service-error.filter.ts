import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { SelfServiceThrottled } from './support/self-service-throttle';
import { SelfServiceViews } from './self-service-views';

const SHELL = { title: '自助服务', heading: '欠款自助服务', subheading: null };

/**
 * The debtor's page never shows a problem+json or a console error page: too many steps is
 * 429 with a Chinese page and Retry-After; anything else one Chinese page, no detail.
 */
@Catch()
export class SelfServiceErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('SelfService');

  constructor(private readonly views: SelfServiceViews) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    if (error instanceof SelfServiceThrottled) {
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
      response.status(429).send(
        this.views.render('gone', SHELL, {
          heading2: '操作过于频繁',
          message: '请稍后再试。',
        }),
      );
      return;
    }
    const status = (error as { status?: number; getStatus?: () => number }).getStatus?.();
    if (status === undefined || status >= 500) this.logger.error(error);
    response.status(status && status < 500 ? 404 : 500).send(
      this.views.render('gone', SHELL, {
        heading2: '暂时无法办理',
        message: '请稍后再试，或按通知书上的电话联系经办人。',
      }),
    );
  }
}
