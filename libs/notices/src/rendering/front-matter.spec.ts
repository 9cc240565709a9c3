import { NoticeFrontMatter, readFrontMatter, splitFrontMatter } from './front-matter';
import { testEngine, thrown } from './engine.test-kit';
import { TemplateRefusedError } from './template-errors';

const read = (yaml: string) => readFrontMatter(NoticeFrontMatter, yaml, 't');

describe('template front matter', () => {
  it('splits the YAML fence from the body and counts the lines above the body', () => {
    expect(splitFrontMatter('\uFEFF---\ntitle: x\n---\n<p>hi</p>')).toEqual({
      yaml: 'title: x',
      body: '<p>hi</p>',
      bodyLineOffset: 3,
    });
    expect(splitFrontMatter('<p>no front matter</p>')).toEqual({
      yaml: null,
      body: '<p>no front matter</p>',
      bodyLineOffset: 0,
    });
  });

  it('reads title, channel, required, layout and the delivery rule', () => {
    const fm = read(
      'title: 最后催收通知\nchannel: letter\nlayout: letter\nrequired: [debtor.name]\n' +
        'delivery: { periodDays: 10, fallbackOffsetDays: 3 }',
    );
    expect(fm).toMatchObject({
      title: '最后催收通知',
      channel: 'letter',
      layout: 'letter',
      required: ['debtor.name'],
      delivery: { periodDays: 10, fallbackOffsetDays: 3 },
    });
  });

  it('names every bad field by its path', () => {
    const error = thrown(() =>
      read(
        'channel: fax\nrequired: [debtor.name, "debtor name", debtor.name]\n' +
          'delivery: { periodDays: 0, fallbackOffsetDays: 1.5 }\ncolour: red',
      ),
    );
    expect(error).toBeInstanceOf(TemplateRefusedError);
    const paths = error.problems.map((p) => p.path);
    expect([...new Set(paths)].sort()).toEqual([
      'frontMatter.channel',
      'frontMatter.colour',
      'frontMatter.delivery.fallbackOffsetDays',
      'frontMatter.delivery.periodDays',
      'frontMatter.required',
      'frontMatter.title',
    ]);
    expect(error.problems).toContainEqual({
      path: 'frontMatter.channel',
      reason: 'must be one of letter, registered-mail, sms, email, wechat, notice-board, document',
    });
    expect(error.problems).toContainEqual({
      path: 'frontMatter.required',
      reason: 'each entry must be a field path such as debtor.name',
    });
  });

  it('refuses YAML errors, a list instead of a mapping, and __proto__ keys', () => {
    expect(thrown(() => read('title: [unclosed')).problems[0]).toMatchObject({
      path: 'frontMatter',
    });
    expect(thrown(() => read('- a\n- b')).problems).toEqual([
      { path: 'frontMatter', reason: 'must be a mapping of keys to values' },
    ]);
    expect(thrown(() => read('title: x\n__proto__: { channel: letter }')).problems).toEqual([
      { path: 'frontMatter.__proto__', reason: 'is not an allowed key' },
    ]);
    expect(
      thrown(() => read('title: x\nchannel: sms\nrequired: [debtor.constructor]')).problems,
    ).toEqual([{ path: 'frontMatter.required[0]', reason: 'names constructor' }]);
  });

  it('refuses an unknown layout, and any layout on an sms', () => {
    const engine = testEngine();
    const source = (channel: string, layout: string) =>
      `---\ntitle: x\nchannel: ${channel}\nlayout: ${layout}\nrequired: []\n---\nbody`;
    expect(thrown(() => engine.compile('t', source('letter', 'poster'))).problems).toEqual([
      { path: 'frontMatter.layout', reason: 'no layout poster; the layouts are email, letter' },
    ]);
    expect(thrown(() => engine.compile('t', source('sms', 'letter'))).problems).toEqual([
      { path: 'frontMatter.layout', reason: 'an sms has no layout' },
    ]);
  });
});
