import type { PackVocabulary } from '@qingshou/policy';
import { codeName } from './helpers';

const vocab: PackVocabulary = {
  stages: { 'home-visit': { zh: '上门催收', en: 'Home visit' } },
  taskKinds: { 'enter-batch': { zh: '录入委案批次', en: 'Enter the batch' } },
  approvalKinds: { 'branch-review': { zh: '分公司经理审阅', en: 'Branch manager reviews' } },
  flags: {},
};

describe('codeName: platform codes from the catalogue, pack codes from the pinned pack', () => {
  it('names a pack stage and task kind in the user’s language', () => {
    expect(codeName('zh', vocab, 'stage', 'home-visit')).toBe('上门催收');
    expect(codeName('en', vocab, 'stage', 'home-visit')).toBe('Home visit');
    expect(codeName('zh', vocab, 'task.kind', 'enter-batch')).toBe('录入委案批次');
    expect(codeName('zh', vocab, 'approval.kind', 'branch-review')).toBe('分公司经理审阅');
  });

  it('prefers the catalogue for platform codes and falls back to the code itself', () => {
    expect(codeName('zh', vocab, 'task.kind', 'call')).not.toBe('call');
    expect(codeName('zh', vocab, 'stage', 'unknown-stage')).toBe('unknown-stage');
    expect(codeName('zh', null, 'stage', 'home-visit')).toBe('home-visit');
  });

  it('names the per-collector breakdown in the pack’s word for its case holders (按业务员)', () => {
    const leasing = { ...vocab, collectorTitle: { zh: '业务员', en: 'Salesperson' } };
    expect(codeName('zh', leasing, 'group', 'collector')).toBe('按业务员');
    expect(codeName('en', leasing, 'group', 'collector')).toBe('Per Salesperson');
    expect(codeName('zh', vocab, 'group', 'collector')).toBe('按催收员');
    expect(codeName('zh', leasing, 'group', 'school')).toBe('按学校');
  });
});
