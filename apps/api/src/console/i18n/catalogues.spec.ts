import { CATALOGUES, translate } from './i18n';

describe('console message catalogues', () => {
  it('zh and en carry exactly the same keys (a page never shows a bare key)', () => {
    const zh = Object.keys(CATALOGUES.zh).sort();
    const en = Object.keys(CATALOGUES.en).sort();
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
  });

  it('keeps the {slots} of a message the same in both languages', () => {
    const slots = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(CATALOGUES.zh)) {
      expect({ key, slots: slots(CATALOGUES.en[key] ?? '') }).toEqual({
        key,
        slots: slots(CATALOGUES.zh[key]),
      });
    }
  });

  it('fills slots and falls back to the key when a message is unknown', () => {
    expect(translate('zh', 'no.such.key')).toBe('no.such.key');
    expect(translate('en', 'work.count', { count: 3 })).toContain('3');
  });
});
