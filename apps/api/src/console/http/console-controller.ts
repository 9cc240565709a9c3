import {
  applyDecorators,
  Controller,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Permission as PermissionName } from '@qingshou/core';
import { AcceptsSessionCookie, Permission } from '../../auth/access.decorators';
import { ConsoleErrorFilter } from './console-error.filter';
import { CsrfGuard } from './csrf.guard';
import { HtmlInterceptor } from './html.interceptor';
import { SessionRenewalInterceptor } from './session-renewal.interceptor';
import { SharedTxInterceptor } from './shared-tx.interceptor';

/**
 * A console page controller at /console/<path>: the session cookie is accepted, POSTs need
 * the CSRF token, errors render as pages, and the page's permission (core's role matrix) is
 * every route's unless a method declares its own @Permission, or opens itself with @Public
 * for the login page. A GET's queries share one transaction (SharedTxInterceptor).
 */
export function ConsoleController(path: string, permission?: PermissionName): ClassDecorator {
  return applyDecorators(
    Controller(path ? `console/${path}` : 'console'),
    ApiExcludeController(),
    AcceptsSessionCookie(),
    UseGuards(CsrfGuard),
    UseFilters(ConsoleErrorFilter),
    UseInterceptors(SessionRenewalInterceptor, HtmlInterceptor, SharedTxInterceptor),
    ...(permission ? [Permission(permission)] : []),
  );
}
