import { uuid7 } from './uuid7';

describe('uuid7', () => {
  it('is a version-7 UUID and ids made later sort later, even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => uuid7(1_800_000_000_000));
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
