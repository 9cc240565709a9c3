import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';

/** Console handlers return HTML strings; pages hold personal data, so nothing is cached. */
@Injectable()
export class HtmlInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body: unknown) => {
        if (typeof body === 'string') {
          response.type('html');
          response.setHeader('Cache-Control', 'no-store');
          response.setHeader('Vary', 'HX-Request, Cookie');
          response.setHeader('X-Frame-Options', 'DENY');
          response.setHeader('X-Content-Type-Options', 'nosniff');
        }
        return body;
      }),
    );
  }
}
