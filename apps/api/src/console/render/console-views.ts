import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetPackVocabulary, PackVocabulary } from '@qingshou/policy';
import { GetMe, Me } from '@qingshou/tenancy';
import Handlebars from 'handlebars';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { navFor } from '../nav';
import { registerHelpers } from './helpers';
import type { PageContext } from './page-context';

/**
 * Views live beside this code in the source tree; `tsc` does not copy them into dist, so the
 * compiled API (run from the repository root by `npm start`) reads them from the tree.
 */
export const VIEWS_DIR =
  [join(__dirname, '..', 'views'), resolve(process.cwd(), 'apps/api/src/console/views')].find(
    (dir) => existsSync(join(dir, 'layouts', 'main.hbs')),
  ) ?? join(__dirname, '..', 'views');

/** Names a page model must not use: the shell's own. */
export interface PageModel {
  /** Message key of the page title. */
  readonly title: string;
  /** Extra scripts from /console/assets (e.g. echarts.min.js). */
  readonly scripts?: readonly string[];
  readonly [name: string]: unknown;
}

const ME_TTL_MS = 60_000;

/** Strict, escaping handlebars with the console's layout, partials and helpers. */
@Injectable()
export class ConsoleViews {
  private readonly hbs = Handlebars.create();
  private readonly templates = new Map<string, Handlebars.TemplateDelegate>();
  private readonly me = new Map<string, { at: number; me: Me }>();
  private readonly vocab = new Map<string, { at: number; vocab: PackVocabulary }>();

  constructor(private readonly queries: QueryBus) {
    registerHelpers(this.hbs);
    // Every view is also a partial by its path (`{{> [cases/show.main]}}`), so a page can
    // include the fragment htmx swaps; views/partials/x.hbs is `{{> x}}` as well.
    for (const view of listViews(VIEWS_DIR)) {
      this.hbs.registerPartial(view, this.template(view));
      if (view.startsWith('partials/'))
        this.hbs.registerPartial(view.slice(9), this.template(view));
    }
  }

  /** A whole page: the view inside the layout, with nav, user, flash and CSRF token. */
  async page(view: string, page: PageContext, model: PageModel): Promise<string> {
    const root = await this.root(page, model, page.takeFlash());
    const body = this.template(view)(root);
    return this.template('layouts/main')({ ...root, body: new this.hbs.SafeString(body) });
  }

  /** A fragment for htmx: the same view data, no layout. */
  async partial(view: string, page: PageContext, model: PageModel): Promise<string> {
    return this.template(view)(await this.root(page, model, null));
  }

  private async root(page: PageContext, model: PageModel, flash: string | null) {
    const me = page.principal ? await this.whoIs(page) : null;
    const vocab = page.principal ? await this.vocabularyOf(page) : null;
    const path = page.request.originalUrl;
    return {
      lang: page.lang,
      otherLang: page.lang === 'zh' ? 'en' : 'zh',
      csrf: page.csrf,
      timeZone: me?.tenant.timeZone ?? 'Asia/Shanghai',
      requestId: page.requestId,
      path,
      user: me
        ? {
            displayName: me.displayName,
            username: me.username,
            tenantName: me.tenant.name,
            tenantSlug: me.tenant.slug,
          }
        : null,
      nav: page.principal
        ? navFor(page.principal.roles).map((entry) => ({
            ...entry,
            current: path === entry.href || path.startsWith(`${entry.href}/`),
          }))
        : [],
      scripts: [],
      flashCount: null,
      vocab,
      ...model,
      flash: (model.flash as string | null | undefined) ?? flash,
    };
  }

  private async whoIs(page: PageContext): Promise<Me> {
    const user = page.user;
    const cached = this.me.get(user.userId);
    if (cached && Date.now() - cached.at < ME_TTL_MS) return cached.me;
    const me = await this.queries.execute<GetMe, Me>(new GetMe(page.meta()));
    this.me.set(user.userId, { at: Date.now(), me });
    return me;
  }

  /**
   * The pinned pack's names for its stage, task and approval codes (the `code` helper), kept
   * a minute a tenant: pages that need them too ask here, not in a transaction of their own.
   */
  async vocabularyOf(page: PageContext): Promise<PackVocabulary> {
    const tenantId = page.user.tenantId;
    const cached = this.vocab.get(tenantId);
    if (cached && Date.now() - cached.at < ME_TTL_MS) return cached.vocab;
    const vocab = await this.queries.execute<GetPackVocabulary, PackVocabulary>(
      new GetPackVocabulary(page.meta()),
    );
    this.vocab.set(tenantId, { at: Date.now(), vocab });
    return vocab;
  }

  private template(view: string): Handlebars.TemplateDelegate {
    let template = this.templates.get(view);
    if (!template) {
      if (!/^[a-z0-9-]+(\/[a-z0-9.-]+)*$/.test(view)) throw new Error(`Bad view name ${view}`);
      const source = readFileSync(join(VIEWS_DIR, `${view}.hbs`), 'utf8');
      template = this.hbs.compile(source, { strict: true });
      this.templates.set(view, template);
    }
    return template;
  }
}

function listViews(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.hbs'))
    .map((file) => relative(dir, join(dir, file)).split('\\').join('/').slice(0, -4))
    .sort();
}
