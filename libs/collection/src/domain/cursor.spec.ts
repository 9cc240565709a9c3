import { BadCursorError, decodeCursor, encodeCursor, toPage } from './cursor';

describe('opaque keyset cursors', () => {
  it('round-trips the last sort key', () => {
    const cursor = encodeCursor('worklist', [-5, '2026-03-11T02:00:00.000Z', 'a1']);
    expect(decodeCursor('worklist', cursor, 3)).toEqual([-5, '2026-03-11T02:00:00.000Z', 'a1']);
  });

  it('refuses a cursor from another list, of another length, or not base64 JSON', () => {
    const cursor = encodeCursor('search', [1, 'x']);
    expect(() => decodeCursor('worklist', cursor, 2)).toThrow(BadCursorError);
    expect(() => decodeCursor('search', cursor, 3)).toThrow(BadCursorError);
    expect(() => decodeCursor('search', '%%%', 2)).toThrow(BadCursorError);
    expect(() => decodeCursor('search', encodeCursor('search', [{} as never, 'x']), 2)).toThrow(
      BadCursorError,
    );
  });

  it('hands out a next cursor only when a further row exists', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const full = toPage(
      rows,
      2,
      (r) => r.id,
      (r) => r.id,
    );
    expect(full).toEqual({ items: ['a', 'b'], nextCursor: 'b' });
    expect(
      toPage(
        rows,
        3,
        (r) => r.id,
        (r) => r.id,
      ).nextCursor,
    ).toBeNull();
  });
});
