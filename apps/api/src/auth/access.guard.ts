import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ForbiddenError, Role } from '@qingshou/core';
import { Sessions } from '@qingshou/tenancy';
import type { Request } from 'express';
import {
  AuthenticatedRequest,
  PUBLIC_KEY,
  ROLES_KEY,
  SESSION_COOKIE,
  SESSION_COOKIE_KEY,
} from './access.decorators';

export class UnauthenticatedError extends DomainError {
  constructor(reason: string) {
    super('unauthenticated', reason, 401);
  }
}

/**
 * One global guard: authenticate the bearer token (a valid JWT whose server-side session is
 * live: not logged out, revoked, idle past the tenant's timeout or past its absolute end),
 * then authorise by @Roles. Routes that declare nothing are refused, so a forgotten
 * decorator fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: Sessions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const token =
      /^Bearer (.+)$/i.exec(header)?.[1] ??
      (this.reflector.getAllAndOverride<boolean>(SESSION_COOKIE_KEY, targets)
        ? cookieValue(request.headers.cookie, SESSION_COOKIE)
        : undefined);
    if (!token) throw new UnauthenticatedError('A bearer access token is required');
    const session = await this.sessions.authenticate(token);
    if (!session) {
      throw new UnauthenticatedError('The access token is invalid, expired or signed out');
    }
    const { principal } = session;
    request.principal = principal;
    request.sessionId = session.sessionId;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!allowed || allowed.length === 0) {
      throw new ForbiddenError('This route is not open to any role');
    }
    if (!principal.roles.some((role) => allowed.includes(role))) {
      throw new ForbiddenError(`This action needs one of the roles: ${allowed.join(', ')}`);
    }
    return true;
  }
}

/** One cookie's value from the Cookie header (no cookie-parser middleware on the API). */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      return part.slice(at + 1).trim() || undefined; // a JWT is URL-safe as it is
    }
  }
  return undefined;
}
