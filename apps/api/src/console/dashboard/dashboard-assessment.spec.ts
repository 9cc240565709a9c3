import type { AssessmentView } from '@qingshou/outcomes';
import { translate } from '../i18n/i18n';
import { assessmentModel } from './dashboard-assessment';
import { breakdownName, performanceModel } from './dashboard-model';

const t = (key: string, values?: Record<string, unknown>) => translate('zh', key, values);
const salesperson = { zh: '业务员', en: 'Salesperson' };

describe('年度考核 and the pack’s word for its collectors on the dashboard (issue 13 §1)', () => {
  const view: AssessmentView = {
    asOf: '2026-12-07',
    figuresAt: null,
    reports: [
      {
        id: 'annual-assessment',
        names: { zh: '生源地助学贷款年度工作考核', en: 'Annual student-loan assessment' },
        period: { start: '2026-01-01', end: '2026-12-07' },
        columns: [
          {
            key: 'default-rate',
            names: { zh: '学生违约率', en: 'Student default rate' },
            unit: 'ratio',
            bound: { display: '5.00%', side: 'max' },
          },
          {
            key: 'recoveredAmount:{"period":"year"}',
            names: { zh: '回收金额', en: 'Recovered amount' },
            unit: 'amount',
            bound: null,
          },
        ],
        sections: [
          {
            groupType: 'school',
            rows: [
              {
                groupId: 'g1',
                groupCode: 'zg',
                groupName: '某某县职业高级中学',
                cells: [
                  { display: '11.95%', status: 'missed', gapDisplay: '6.95%' },
                  { display: '7210.00' },
                ],
              },
            ],
          },
        ],
      },
    ],
  };

  it('a table per breakdown: the target against its bound with verdict and gap, then the measures', () => {
    const [report] = assessmentModel('zh', t, view);
    expect(report.title).toBe('生源地助学贷款年度工作考核');
    expect(report.bounds).toEqual(['学生违约率 上限 5.00%']);
    expect(report.columns.map((c) => c.heading)).toEqual(['学生违约率（上限 5.00%）', '回收金额']);
    const [section] = report.sections;
    expect(section.heading).toBe('按学校');
    expect(section.rows[0].cells).toEqual([
      expect.objectContaining({ value: '11.95%', status: 'missed', badge: 'danger', gap: '6.95%' }),
      expect.objectContaining({ value: '7210.00', money: true, target: false, status: null }),
    ]);
  });

  it('the per-collector breakdown reads the pack’s word (按业务员, 业务员业绩), else 按催收员', () => {
    expect(breakdownName('zh', t, 'collector', salesperson)).toBe('按业务员');
    expect(breakdownName('zh', t, 'collector')).toBe('按催收员');
    expect(breakdownName('zh', t, 'region', salesperson)).toBe('按销售区域');
    const perf = { from: '2026-12-01', to: '2026-12-07', rows: [] };
    expect(performanceModel(t, perf, '业务员')).toMatchObject({
      heading: '业务员业绩',
      collector: '业务员',
    });
    expect(performanceModel(t, perf)).toMatchObject({ heading: '催收员业绩', collector: '催收员' });
  });
});
