import { Controller, Get, Param, Query, Res, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AcceptsSessionCookie, Permission, Public } from '../../auth/access.decorators';
import { ConsoleController } from '../http/console-controller';
import { ConsoleErrorFilter } from '../http/console-error.filter';
import { ConsoleRedirect } from '../http/console-redirect';
import { cookieOptions, LANG_COOKIE, LANGS, safeNext } from '../http/session';
import { HtmlInterceptor } from '../http/html.interceptor';
import { homeFor } from '../nav';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';

/** `/` → the console; `/console` → the user's home page from the nav (login if none). */
@Controller()
@ApiExcludeController()
@AcceptsSessionCookie()
@UseFilters(ConsoleErrorFilter)
@UseInterceptors(HtmlInterceptor)
export class HomeController {
  constructor(private readonly views: ConsoleViews) {}

  @Get()
  @Public()
  root(): never {
    throw new ConsoleRedirect('/console');
  }

  @Get('console')
  @Permission('console.home')
  async home(@Page() page: PageContext): Promise<string> {
    const home = homeFor(page.user.roles);
    if (home) throw new ConsoleRedirect(home);
    return this.views.page('auth/no-pages', page, { title: 'home.title' });
  }
}

/** The language switch: a preference cookie, then back where the user was. */
@ConsoleController('lang')
export class LanguageController {
  @Get(':lang')
  @Public()
  switch(
    @Page() page: PageContext,
    @Param('lang') lang: string,
    @Query('next') next?: string,
  ): never {
    if ((LANGS as readonly string[]).includes(lang)) {
      page.response.cookie(LANG_COOKIE, lang, cookieOptions(page.request, 365 * 24 * 3600));
    }
    throw new ConsoleRedirect(safeNext(next));
  }
}

/** Static assets by name only (no path from the request reaches the file system). */
const ASSET_DIR =
  [join(__dirname, '..', 'assets'), resolve(process.cwd(), 'apps/api/src/console/assets')].find(
    (dir) => existsSync(join(dir, 'console.css')),
  ) ?? join(__dirname, '..', 'assets');

const ASSETS: Record<string, string> = {
  'console.css': join(ASSET_DIR, 'console.css'),
  'console.js': join(ASSET_DIR, 'console.js'),
  'htmx.min.js': require.resolve('htmx.org/dist/htmx.min.js'),
  'echarts.min.js': require.resolve('echarts/dist/echarts.min.js'),
};

@Controller('console/assets')
@ApiExcludeController()
export class AssetsController {
  @Get(':name')
  @Public()
  asset(@Param('name') name: string, @Res() response: Response): void {
    const file = Object.prototype.hasOwnProperty.call(ASSETS, name) ? ASSETS[name] : undefined;
    if (!file) {
      response.status(404).type('text').send('Not found');
      return;
    }
    response.sendFile(file, { maxAge: '1h', headers: { 'X-Content-Type-Options': 'nosniff' } });
  }
}
