import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal, Role } from '@qingshou/core';

export const ROLES_KEY = 'qingshou:roles';
export const PUBLIC_KEY = 'qingshou:public';

/** Who may call a route. A route with neither @Roles nor @Public is refused (deny by default). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** No token needed: login, health, docs. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const SESSION_COOKIE_KEY = 'qingshou:session-cookie';
/** The web console's httpOnly cookie holding the same access token as the bearer header. */
export const SESSION_COOKIE = 'qs_session';

/** Console routes: the access token may come from the session cookie instead of the header. */
export const AcceptsSessionCookie = () => SetMetadata(SESSION_COOKIE_KEY, true);

export interface AuthenticatedRequest {
  principal?: Principal;
  id?: string | number;
  ip?: string;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw new Error('CurrentPrincipal used on a public route');
  return request.principal;
});

/** The request id doubles as the correlation id of the commands a request dispatches. */
export const CorrelationId = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  return String(request.id ?? '');
});
