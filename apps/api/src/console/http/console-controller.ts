import {
  applyDecorators,
  Controller,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Role } from '@qingshou/core';
import { AcceptsSessionCookie, Roles } from '../../auth/access.decorators';
import { ConsoleErrorFilter } from './console-error.filter';
import { CsrfGuard } from './csrf.guard';
import { HtmlInterceptor } from './html.interceptor';
import { SessionRenewalInterceptor } from './session-renewal.interceptor';

/**
 * A console page controller at /console/<path>: the session cookie is accepted, POSTs need
 * the CSRF token, errors render as pages, and the roles are those of the page (a method may
 * narrow them with its own @Roles, or open itself with @Public for the login page).
 */
export function ConsoleController(path: string, ...roles: Role[]): ClassDecorator {
  return applyDecorators(
    Controller(path ? `console/${path}` : 'console'),
    ApiExcludeController(),
    AcceptsSessionCookie(),
    UseGuards(CsrfGuard),
    UseFilters(ConsoleErrorFilter),
    UseInterceptors(SessionRenewalInterceptor, HtmlInterceptor),
    ...(roles.length ? [Roles(...roles)] : []),
  );
}
