import { launchDates, PhaseDateError, templateDates } from './phase-dates';

/** 篇三 and the township plan: 摸底 5/15–5/19, 认定 –7/15, 宣传动员 –7/22, 全面清收 –11/30, 复查整改 –12/31. */
const SEED = [
  { id: 'survey', start: '2012-05-15', end: '2012-05-19' },
  { id: 'determination', end: '2012-07-15' },
  { id: 'mobilisation', end: '2012-07-22' },
  { id: 'collection', end: '2012-11-30' },
  { id: 'review', end: '2012-12-31' },
];

describe('drive phases: the pack calendar shifted to the launch date', () => {
  it('launched on the seed date, the phases are the seed dates', () => {
    expect(launchDates(SEED, '2012-05-15').map((p) => [p.id, p.startsOn, p.endsOn])).toEqual([
      ['survey', '2012-05-15', '2012-05-19'],
      ['determination', '2012-05-20', '2012-07-15'],
      ['mobilisation', '2012-07-16', '2012-07-22'],
      ['collection', '2012-07-23', '2012-11-30'],
      ['review', '2012-12-01', '2012-12-31'],
    ]);
  });

  it('launched on 2026-03-02 every phase keeps its length (5, 57, 7, 131, 31 days)', () => {
    expect(launchDates(SEED, '2026-03-02').map((p) => [p.startsOn, p.endsOn])).toEqual([
      ['2026-03-02', '2026-03-06'],
      ['2026-03-07', '2026-05-02'],
      ['2026-05-03', '2026-05-09'],
      ['2026-05-10', '2026-09-17'],
      ['2026-09-18', '2026-10-18'],
    ]);
  });

  it('phases given as lengths follow on from each other', () => {
    const phases = [
      { id: 'a', start: '2026-07-16', days: 5 },
      { id: 'b', days: 10 },
    ];
    expect(templateDates(phases).map((p) => [p.startsOn, p.endsOn])).toEqual([
      ['2026-07-16', '2026-07-20'],
      ['2026-07-21', '2026-07-30'],
    ]);
  });

  it('refuses a phase that starts before the previous one ends', () => {
    expect(() =>
      templateDates([
        { id: 'a', start: '2026-01-01', end: '2026-01-10' },
        { id: 'b', start: '2026-01-05', days: 3 },
      ]),
    ).toThrow(PhaseDateError);
  });
});
