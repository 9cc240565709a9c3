import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  createHelperRegistry,
  loadSharedTemplates,
  NoticeTemplateEngine,
  splitFrontMatter,
  toHandlebarsHelper,
} from '../libs/notices/src';
import { withClient } from './bench-db';

/*
 * Notice rendering: the notices engine (strict mode, data checks and a detached copy, the
 * required-field check, layout) against bare handlebars with the same helpers, partials and
 * layout compiled once with default options, on the same template and the same data — the
 * most frequent letter of the run just measured, with the data it was rendered with.
 */

export interface RenderFigures {
  template: string;
  renders: number;
  htmlBytes: number;
  sameHtml: boolean;
  engine: { perSecond: number; microsPerRender: number };
  bare: { perSecond: number; microsPerRender: number };
  engineToBare: number;
}

const ROOT = resolve(__dirname, '../..');
const RENDERS = 20_000;
const ROUNDS = 5;

function time(renders: number, render: () => void): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < renders; i++) render();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export async function renderThroughput(url: string): Promise<RenderFigures> {
  const sample = await withClient(url, async (c) => {
    const { rows } = await c.query<{ template_id: string; data: Record<string, unknown> }>(
      `select template_id, data from notices
       where template_id = (select template_id from notices group by 1 order by count(*) desc limit 1)
       limit 1`,
    );
    if (!rows[0]) throw new Error('the run issued no notice to render');
    return rows[0];
  });
  return measureRenderThroughput(sample.template_id, sample.data);
}

/** The measurement itself, on one template id (`pack/name`) and the data it renders with. */
export function measureRenderThroughput(
  templateId: string,
  data: Record<string, unknown>,
): RenderFigures {
  const [pack, name] = templateId.split('/');
  const source = readFileSync(resolve(ROOT, 'policies', pack, 'templates', `${name}.hbs`), 'utf8');
  const shared = loadSharedTemplates(resolve(ROOT, 'templates'));

  const engine = new NoticeTemplateEngine(shared);
  const template = engine.compile(templateId, source);
  const viaEngine = () => engine.render(template, data).html;

  const bare = Handlebars.create();
  for (const [helper, spec] of Object.entries(createHelperRegistry()))
    bare.registerHelper(helper, toHandlebarsHelper(helper, spec));
  for (const [partial, text] of shared.partials)
    bare.registerPartial(partial, splitFrontMatter(text).body);
  const body = bare.compile(splitFrontMatter(source).body);
  const layoutName = template.frontMatter.layout;
  const layout = layoutName
    ? bare.compile(splitFrontMatter(shared.layouts.get(layoutName) as string).body)
    : null;
  const title = template.frontMatter.title;
  const viaBare = () => {
    const html = body(data, { data: { title } });
    return layout ? layout(data, { data: { title, body: new bare.SafeString(html) } }) : html;
  };

  const html = viaEngine();
  const sameHtml = html === viaBare();
  for (let i = 0; i < 2000; i++) {
    viaEngine();
    viaBare();
  }
  // Alternating rounds, best of each: the machine is shared, so the quietest round counts.
  let engineMs = Infinity;
  let bareMs = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    engineMs = Math.min(engineMs, time(RENDERS, viaEngine));
    bareMs = Math.min(bareMs, time(RENDERS, viaBare));
  }
  const figures = (ms: number) => ({
    perSecond: Math.round((RENDERS / ms) * 1000),
    microsPerRender: +((ms * 1000) / RENDERS).toFixed(1),
  });
  return {
    template: templateId,
    renders: RENDERS,
    htmlBytes: Buffer.byteLength(html),
    sameHtml,
    engine: figures(engineMs),
    bare: figures(bareMs),
    engineToBare: +(bareMs / engineMs).toFixed(3),
  };
}
