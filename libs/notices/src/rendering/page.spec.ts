import Handlebars from 'handlebars';
import { splitFrontMatter } from './front-matter';
import { createHelperRegistry, toHandlebarsHelper } from './helpers';
import { SharedTemplateSet } from './shared-templates';
import { thrown } from './engine.test-kit';
import { NoticeTemplateEngine } from './template-engine';

/*
 * A letter with a layout is rendered as one handlebars template (the layout with the body
 * spliced in at {{@body}}). It must print exactly what rendering the body and then the layout
 * around it prints, whitespace control included, and a failure must still name its unit.
 */
const LAYOUTS: Record<string, string> = {
  // {{@body}} indented on its own line, between standalone blocks and comments.
  indented:
    '---\nrequired: [tenant.name]\n---\n<main>\n  {{#if tenant.name}}ok{{/if}}\n  {{! a }}\n  {{@body}}\n  {{#if x}}\n{{/if}}\n</main>\n',
  // {{@body}} inside a block: rendered as two calls.
  nested:
    '---\nrequired: [tenant.name]\n---\n<main>\n  {{#if tenant.name}}\n  {{@body}}\n  {{/if}}\n{{! end }}\n</main>\n',
  // Tilde whitespace control on both sides, mid-line.
  tilde: '---\nrequired: [tenant.name]\n---\n<p>{{tenant.name}}</p>  \n  {{~@body~}}  \n<hr>',
  // Between two partials on the same line.
  raw: '---\nrequired: [tenant.name]\n---\n{{> head}}{{@body}}{{> head}}\n',
  // @body read twice: rendered as two calls.
  twice: '---\nrequired: [tenant.name]\n---\n{{@body}}|{{#if @body}}again{{/if}}\n',
  // Prints a field no front matter requires, so only strict mode catches its absence.
  loose: '---\nrequired: [tenant.name]\n---\n<h1>{{tenant.motto}}</h1>\n{{@body}}\n',
};
const PARTIALS: Record<string, string> = {
  head: '---\nrequired: [tenant.name]\n---\n  <b>{{tenant.name}}</b>\n',
  shaky: '---\nrequired: []\n---\n<i>{{debtor.nickname}}</i>\n',
};
const SHARED: SharedTemplateSet = {
  layouts: new Map(Object.entries(LAYOUTS)),
  partials: new Map(Object.entries(PARTIALS)),
};

// Bodies that start and end with standalone blocks, tildes, partials and loops.
const BODIES = [
  '{{#if debtor.name}}\n<p>{{debtor.name}}</p>\n{{/if}}',
  '  {{#each items}}\n  <li>{{@index}} {{name}} {{money amount}}</li>\n  {{/each}}\n',
  '{{~debtor.name~}}  \n{{> head}}\n',
  '\n\n<p>{{@title}}</p>{{!-- a comment --}}\n{{#with debtor}}{{name}}{{/with}}',
];
const DATA = {
  tenant: { name: '鑫诚' },
  debtor: { name: '孙桂英' },
  items: [
    { name: 'a', amount: '1.5' },
    { name: 'b<', amount: '1234' },
  ],
};

function letter(layout: string, body: string): string {
  return `---\ntitle: 测试函\nchannel: letter\nlayout: ${layout}\n---\n${body}`;
}

/** The reference: body rendered, then the layout around it, in an environment of its own. */
function twoCalls(layout: string, body: string): string {
  const env = Handlebars.create();
  const known: Record<string, boolean> = {};
  for (const [name, spec] of Object.entries(createHelperRegistry())) {
    env.registerHelper(name, toHandlebarsHelper(name, spec));
    known[name] = true;
  }
  for (const [name, text] of Object.entries(PARTIALS))
    env.registerPartial(name, splitFrontMatter(text).body);
  const options = { strict: true, knownHelpersOnly: true, knownHelpers: known };
  const html = env.compile(body, options)(DATA, { data: { title: '测试函' } });
  return env.compile(splitFrontMatter(LAYOUTS[layout]).body, options)(DATA, {
    data: { title: '测试函', body: new env.SafeString(html) },
  });
}

describe('a letter and its layout rendered as one template', () => {
  const engine = new NoticeTemplateEngine(SHARED);

  const cases = ['indented', 'nested', 'tilde', 'raw', 'twice'].flatMap((layout) =>
    BODIES.map((body, i) => [layout, i, body] as const),
  );
  it.each(cases)('layout %s, body %i: the same bytes as body then layout', (layout, _i, body) => {
    const template = engine.compile(`t/${layout}`, letter(layout, body));
    expect(engine.render(template, DATA).html).toBe(twoCalls(layout, body));
  });

  it('splices only a layout that prints {{@body}} once at its top level', () => {
    expect(engine.compile('t/a', letter('indented', 'x')).page).toBeDefined();
    expect(engine.compile('t/n', letter('nested', 'x')).page).toBeUndefined();
    expect(engine.compile('t/b', letter('tilde', 'x')).page).toBeDefined();
    expect(engine.compile('t/c', letter('raw', 'x')).page).toBeDefined();
    expect(engine.compile('t/d', letter('twice', 'x')).page).toBeUndefined();
  });

  it('a field missing in the layout is named with the layout and its line', () => {
    const template = engine.compile('t/loose', letter('loose', '<p>{{debtor.name}}</p>'));
    expect(template.page).toBeDefined();
    const error = thrown(() => engine.render(template, DATA));
    expect(error.problems).toEqual([
      { path: 'data.tenant.motto', reason: 'is missing (layouts/loose line 4)' },
    ]);
  });

  it('a field missing in a partial of the body is named with the partial and its line', () => {
    const template = engine.compile('t/shaky', letter('loose', 'x\n{{> shaky}}'));
    const error = thrown(() =>
      engine.render(template, { ...DATA, tenant: { name: '鑫诚', motto: '诚信' } }),
    );
    expect(error.problems).toEqual([
      { path: 'data.debtor.nickname', reason: 'is missing (partials/shaky line 4)' },
    ]);
  });

  it('a field missing in the body is named with the template line', () => {
    const template = engine.compile('t/body', letter('loose', '<p>\n{{debtor.age}}</p>'));
    const error = thrown(() =>
      engine.render(template, { ...DATA, tenant: { name: '鑫诚', motto: '诚信' } }),
    );
    expect(error.problems).toEqual([
      { path: 'data.debtor.age', reason: 'is missing (template line 7)' },
    ]);
  });
});
