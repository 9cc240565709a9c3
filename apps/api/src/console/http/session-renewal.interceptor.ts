import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Principal } from '@qingshou/core';
import { AccessTokenService, RenewedSession, RenewSession } from '@qingshou/tenancy';
import type { Request, Response } from 'express';
import { from, Observable, switchMap } from 'rxjs';
import { parseCookies, SESSION_COOKIE, setSession } from './session';

/**
 * Sliding console sessions: once a signed-in page request finds its token past half its
 * life, the response carries a renewed one (RenewSession re-reads the user, so a changed
 * role takes effect then). Renewal keeps the same server-side session: an idle browser
 * still expires on time and nothing extends past the session's absolute end.
 */
@Injectable()
export class SessionRenewalInterceptor implements NestInterceptor {
  constructor(
    private readonly commands: CommandBus,
    private readonly tokens: AccessTokenService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<
      Request & { principal?: Principal; sessionId?: string; id?: unknown }
    >();
    const response = http.getResponse<Response>();
    const token = parseCookies(request)[SESSION_COOKIE];
    const principal = request.principal;
    if (!token || !principal || !request.sessionId) return next.handle();
    if (!this.tokens.pastHalfLife(token)) return next.handle();
    const renewal = this.commands
      .execute<RenewSession, RenewedSession>(
        new RenewSession(
          {
            tenantId: principal.tenantId,
            actorId: principal.userId,
            correlationId: String(request.id ?? 'console-renewal'),
          },
          request.sessionId,
        ),
      )
      .then((renewed) => setSession(request, response, renewed.accessToken, renewed.expiresIn));
    return from(renewal).pipe(switchMap(() => next.handle()));
  }
}
