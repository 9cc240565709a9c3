import { letter, testEngine, thrown } from './engine.test-kit';
import { NoticeRenderError, TemplateRefusedError } from './template-errors';

/** Issue 4: a template or a data value that reaches for prototypes or helpers is refused or escaped. */
describe('template injection', () => {
  const engine = testEngine();
  const refusal = (body: string) => {
    const error = thrown(() => engine.compile('evil', letter(body)));
    expect(error).toBeInstanceOf(TemplateRefusedError);
    return error.problems;
  };

  it('escapes HTML in a data value: <script> prints as &lt;script&gt;', () => {
    const template = engine.compile('t', letter('<p>{{debtor.name}}</p>'));
    const { html } = engine.render(template, {
      debtor: { name: '<script>alert("x")</script><img src=x onerror=alert(1)>' },
    });
    expect(html).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;</p>',
    );
  });

  it('prints a data value that looks like a template literally, never evaluating it', () => {
    const template = engine.compile('t', letter('{{note}}'));
    expect(engine.render(template, { note: '{{constructor.constructor}}' }).html).toBe(
      '{{constructor.constructor}}',
    );
  });

  it('refuses {{{x}}} and {{& x}}: no unescaped output', () => {
    const reason = 'prints without HTML escaping ({{{ }}} or {{& }}); use {{ }}';
    expect(refusal('<p>{{{debtor.name}}}</p>')).toEqual([{ path: 'template:6:4', reason }]);
    expect(refusal('{{& debtor.name}}')).toEqual([{ path: 'template:6:1', reason }]);
  });

  it('refuses {{log this}} and {{lookup this "constructor"}} at compile: not in the registry', () => {
    const known = 'the helpers are money, amountInWords, date, maskId, deadline, qrCode, eq';
    expect(refusal('{{log this}}')).toEqual([
      { path: 'template:6:1', reason: `calls unknown helper log; ${known}` },
    ]);
    expect(refusal('{{lookup this "constructor"}}')).toEqual([
      { path: 'template:6:1', reason: `calls unknown helper lookup; ${known}` },
    ]);
    expect(refusal('{{#each (lookup this "x")}}{{/each}}')).toEqual([
      { path: 'template:6:9', reason: `calls unknown helper lookup; ${known}` },
    ]);
  });

  it('refuses {{constructor.name}}, {{debtor.__proto__.x}} and {{toString}} by name at compile', () => {
    expect(refusal('{{constructor.name}}')).toEqual([
      {
        path: 'template:6:3',
        reason: 'constructor.name reaches constructor, which templates may not read',
      },
    ]);
    expect(refusal('{{debtor.__proto__.polluted}}')[0]).toMatchObject({
      reason: 'debtor.__proto__.polluted reaches __proto__, which templates may not read',
    });
    expect(refusal('{{#if (eq this.constructor.prototype 1)}}{{/if}}')).toHaveLength(1);
    expect(refusal('{{toString}}')).toHaveLength(1);
  });

  it('handlebars’ own rule backs ours: an inherited array method {{lines.map}} renders empty', () => {
    // `map` is not an Object.prototype name, so our guard lets it through; at run time
    // prototype methods are denied (allowProtoMethodsByDefault: false) and it prints nothing.
    const template = engine.compile('t', letter('[{{lines.map}}|{{lines.length}}]'));
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(engine.render(template, { lines: ['a', 'b'] }).html).toBe('[|2]');
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses data with a "__proto__" key and does not pollute Object.prototype', () => {
    const template = engine.compile('t', letter('{{debtor.name}}'));
    const data = JSON.parse('{"debtor": {"name": "x", "__proto__": {"polluted": "yes"}}}');
    const error = thrown(() => engine.render(template, data));
    expect(error).toBeInstanceOf(NoticeRenderError);
    expect(error.problems).toEqual([
      { path: 'data.debtor.__proto__', reason: 'the key __proto__ is not allowed in notice data' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses data whose prototype was swapped, and data keys named constructor/prototype', () => {
    const template = engine.compile('t', letter('{{debtor.polluted}}'));
    const swapped = { debtor: Object.create({ polluted: 'yes' }) };
    expect(thrown(() => engine.render(template, swapped)).problems).toEqual([
      { path: 'data.debtor', reason: 'must be a plain JSON object' },
    ]);
    const keyed = { debtor: { constructor: { prototype: 'x' } } };
    expect(thrown(() => engine.render(template, keyed)).problems).toEqual([
      {
        path: 'data.debtor.constructor',
        reason: 'the key constructor is not allowed in notice data',
      },
    ]);
  });

  it('refuses helpers with the wrong arity, built-ins outside blocks, and unknown blocks', () => {
    expect(refusal('{{money}}')).toEqual([
      { path: 'template:6:1', reason: 'money takes 1 argument(s), got 0' },
    ]);
    expect(refusal('{{money a b}}')[0]).toMatchObject({
      reason: 'money takes 1 argument(s), got 2',
    });
    expect(refusal('{{if x}}')[0]).toMatchObject({
      reason: 'if is a block helper: write {{#if …}}…{{/if}}',
    });
    expect(refusal('{{#money x}}{{/money}}')[0].reason).toMatch(/is not a block helper/);
    expect(refusal('{{#debtor}}{{name}}{{/debtor}}')[0].reason).toMatch(/is not a block helper/);
    expect(refusal('{{date d format="x"}}')[0]).toMatchObject({
      reason: 'date takes no name=value arguments',
    });
  });

  it('refuses dynamic, unknown and block partials, decorators and active HTML', () => {
    expect(refusal('{{> (whichPartial)}}')[0].reason).toBe(
      'chooses a partial at render time; name it directly',
    );
    expect(refusal('{{> evil}}')[0].reason).toBe(
      'calls unknown partial evil; the partials are letterhead, reply-slip, self-service-qr, signature',
    );
    expect(refusal('{{#> signature}}x{{/signature}}')[0].reason).toMatch(/partial blocks/);
    expect(refusal('{{* inline}}')[0].reason).toBe('Decorator is not allowed in notice templates');
    expect(refusal('<script>alert(1)</script>')[0].reason).toBe(
      'contains an active element; notices are documents',
    );
    expect(refusal('<a href="javascript:alert(1)">x</a>')[0].reason).toBe(
      'contains a javascript: URL; notices are documents',
    );
    expect(refusal('<img src="x" onerror="alert(1)">')[0].reason).toBe(
      'contains an inline event handler; notices are documents',
    );
  });

  it('names every problem of a template at once, with file line numbers', () => {
    expect(refusal('ok\n{{{a}}}\n{{log b}}').map((p) => p.path)).toEqual([
      'template:7:1',
      'template:8:1',
    ]);
  });
});
