import type { Request } from 'express';
import { DESK_PAGE, PHONE_PAGE, worklistView } from './worklist-filters';

const request = (headers: Record<string, string> = {}) => ({ headers }) as unknown as Request;

describe('the worklist’s filters and pages (议题 11 §9)', () => {
  it('reads kind, due and DPD bounds and carries them in the next-page link', () => {
    const view = worklistView(request(), {
      kind: 'call',
      due: 'overdue',
      minDpd: '30',
      maxDpd: '90',
    });
    expect(view.filters).toEqual({ kind: 'call', due: 'overdue', minDpd: 30, maxDpd: 90 });
    expect(view.query).toBe('kind=call&due=overdue&minDpd=30&maxDpd=90&per=50&');
  });

  it('ignores what is not a filter (a bad bound never makes an error page)', () => {
    const view = worklistView(request(), { kind: 'Call; drop', due: 'someday', minDpd: '-1' });
    expect(view.filters).toEqual({});
  });

  it('a phone gets 20 rows a page, a desk 50', () => {
    expect(worklistView(request({ 'sec-ch-ua-mobile': '?1' }), {}).per).toBe(PHONE_PAGE);
    expect(
      worklistView(request({ 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Mobile' }), {})
        .per,
    ).toBe(20);
    expect(worklistView(request({ 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64)' }), {}).per).toBe(
      DESK_PAGE,
    );
    expect(worklistView(request(), { per: '20' }).per).toBe(20);
  });
});
