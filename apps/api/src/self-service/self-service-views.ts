import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Views beside this code; tsc copies none into dist, so the built API reads them from the tree. */
const VIEWS_DIR =
  [join(__dirname, 'views'), resolve(process.cwd(), 'apps/api/src/self-service/views')].find(
    (dir) => existsSync(join(dir, 'layout.hbs')),
  ) ?? join(__dirname, 'views');

const VIEWS = ['layout', 'start', 'code', 'gone', 'page'] as const;
export type SelfServiceView = Exclude<(typeof VIEWS)[number], 'layout'>;

/**
 * The debtor's page: strict, escaping handlebars, its own small layout (mobile first, no
 * script at all, so the console's CSP holds as it is) — nothing of the console's shell.
 */
@Injectable()
export class SelfServiceViews {
  private readonly hbs = Handlebars.create();
  private readonly templates = new Map<string, Handlebars.TemplateDelegate>();

  constructor() {
    for (const view of VIEWS) {
      const source = readFileSync(join(VIEWS_DIR, `${view}.hbs`), 'utf8');
      this.templates.set(
        view,
        this.hbs.compile(source, { strict: true, knownHelpersOnly: false, noEscape: false }),
      );
    }
  }

  render(
    view: SelfServiceView,
    shell: { title: string; heading: string; subheading: string | null },
    model: Record<string, unknown>,
  ): string {
    const options = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };
    const body = this.templates.get(view)!(model, options);
    return this.templates.get('layout')!(
      { ...shell, body: new this.hbs.SafeString(body) },
      options,
    );
  }
}
