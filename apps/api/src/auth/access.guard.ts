import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ForbiddenError, Role } from '@qingshou/core';
import { AccessTokenService } from '@qingshou/tenancy';
import type { Request } from 'express';
import { AuthenticatedRequest, PUBLIC_KEY, ROLES_KEY } from './access.decorators';

export class UnauthenticatedError extends DomainError {
  constructor(reason: string) {
    super('unauthenticated', reason, 401);
  }
}

/**
 * One global guard: authenticate the bearer token, then authorise by @Roles. Routes that
 * declare nothing are refused, so a forgotten decorator fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer (.+)$/i.exec(header);
    if (!match) throw new UnauthenticatedError('A bearer access token is required');
    const principal = this.tokens.verify(match[1]);
    if (!principal) throw new UnauthenticatedError('The access token is invalid or has expired');
    request.principal = principal;
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
