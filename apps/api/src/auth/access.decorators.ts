import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import {
  PERMISSIONS,
  type Permission as PermissionName,
  type Principal,
  type Role,
} from '@qingshou/core';

export const ROLES_KEY = 'qingshou:roles';
export const PERMISSION_KEY = 'qingshou:permission';
export const PUBLIC_KEY = 'qingshou:public';

/** Who may call a route. A route with neither @Roles nor @Public is refused (deny by default). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * Who may call a route, by the permission of the core's role matrix (PERMISSIONS): the guard
 * checks the matrix's roles at the door, and the handler behind it checks the same name, so
 * the route and the CLI/jobs cannot drift. The route meta-test reads PERMISSION_KEY.
 */
export const Permission = (permission: PermissionName) =>
  applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    SetMetadata(ROLES_KEY, [...PERMISSIONS[permission]]),
  );

/** No token needed: login, health, docs. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const SESSION_COOKIE_KEY = 'qingshou:session-cookie';
/** The web console's httpOnly cookie holding the same access token as the bearer header. */
export const SESSION_COOKIE = 'qs_session';

/** Console routes: the access token may come from the session cookie instead of the header. */
export const AcceptsSessionCookie = () => SetMetadata(SESSION_COOKIE_KEY, true);

export interface AuthenticatedRequest {
  principal?: Principal;
  /** The server-side session the request's token belongs to (set by the guard). */
  sessionId?: string;
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
