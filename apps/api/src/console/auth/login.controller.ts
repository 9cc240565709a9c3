import { Body, Get, Post, Query, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError } from '@qingshou/core';
import { Login, LoginResult, Logout, TooManyAttemptsError } from '@qingshou/tenancy';
import type { Request } from 'express';
import { Public } from '../../auth/access.decorators';
import { emptyForm, FormSpec, formValues, formWithProblems } from '../forms/form-state';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml, ConsoleRedirect } from '../http/console-redirect';
import { clearSession, parseCookies, safeNext, SESSION_COOKIE, setSession } from '../http/session';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';

const LOGIN: FormSpec = { id: 'login', fields: ['tenant', 'username', 'password'] };

/** Login per tenant through the Login command; the token goes into an httpOnly cookie. */
@ConsoleController('login')
export class LoginPageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get()
  @Public()
  show(
    @Page() page: PageContext,
    @Query('tenant') tenant?: string,
    @Query('next') next?: string,
  ): Promise<string> {
    const form = emptyForm(LOGIN, { tenant: typeof tenant === 'string' ? tenant : '' });
    return this.render(page, form, safeNext(next));
  }

  @Post()
  @Public()
  async login(
    @Page() page: PageContext,
    @Req() request: Request,
    @Body() body: unknown,
    @Query('next') next?: string,
  ): Promise<never> {
    const values = formValues(body);
    const missing = LOGIN.fields
      .filter((name) => !(values[name] ?? '').trim())
      .map((name) => ({ path: name, reason: page.t('login.required') }));
    const target = safeNext(values.next ?? next);
    if (missing.length) {
      throw new ConsoleHtml(
        await this.render(
          page,
          formWithProblems(LOGIN, { ...values, password: '' }, missing, null, null),
          target,
        ),
        422,
      );
    }
    let result: LoginResult;
    try {
      const ip = request.ip ?? request.socket.remoteAddress ?? 'unknown';
      result = await this.commands.execute(
        new Login(
          values.tenant.trim(),
          values.username.trim(),
          values.password,
          ip,
          page.requestId,
        ),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      let message = page.t('login.failed');
      if (error instanceof TooManyAttemptsError) {
        // The same wait the API names, for browsers and scripts alike.
        page.response.setHeader('Retry-After', String(error.retryAfterSeconds));
        message = page.t('login.throttled', { seconds: error.retryAfterSeconds });
      }
      const form = formWithProblems(LOGIN, { ...values, password: '' }, [], message, error.code);
      throw new ConsoleHtml(
        await this.render(page, form, target),
        error.status === 429 ? 429 : 401,
      );
    }
    setSession(request, page.response, result.accessToken, result.expiresIn);
    throw new ConsoleRedirect(target);
  }

  private render(page: PageContext, form: ReturnType<typeof emptyForm>, next: string) {
    return this.views.page('auth/login', page, { title: 'login.title', form, next });
  }
}

/** Leaving: the session behind the cookie ends (its token is refused from now on) and the cookie goes. */
@ConsoleController('logout')
export class LogoutController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Public()
  async logout(@Page() page: PageContext): Promise<never> {
    const token = parseCookies(page.request)[SESSION_COOKIE];
    if (token) await this.commands.execute(new Logout(token, page.requestId));
    clearSession(page.request, page.response);
    throw new ConsoleRedirect('/console/login', 'flash.loggedOut');
  }
}
