import { ConcurrencyGate } from './concurrency-gate';

/** A task the test finishes by hand, so nothing depends on timing. */
function controllable() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ConcurrencyGate: at most `limit` tasks at once, the rest queued in order', () => {
  it('5 tasks under a cap of 2: 2 start, 3 wait, each finish lets exactly the next one in', async () => {
    const gate = new ConcurrencyGate(2);
    const tasks = Array.from({ length: 5 }, () => controllable());
    const started: number[] = [];
    const all = tasks.map((t, i) =>
      gate.run(async () => {
        started.push(i);
        await t.done;
        return i;
      }),
    );
    await settle();
    expect(started).toEqual([0, 1]);
    expect(gate.stats).toEqual({ running: 2, peak: 2, waiting: 3, queued: 3 });

    tasks[1].finish();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    expect(gate.stats.running).toBe(2);

    for (const t of tasks) t.finish();
    expect(await Promise.all(all)).toEqual([0, 1, 2, 3, 4]);
    expect(gate.stats).toEqual({ running: 0, peak: 2, waiting: 0, queued: 3 });
  });

  it('a failing task frees its slot for the next one', async () => {
    const gate = new ConcurrencyGate(1);
    const failed = gate.run(() => Promise.reject(new Error('chromium crashed')));
    const next = gate.run(() => Promise.resolve('printed'));
    await expect(failed).rejects.toThrow('chromium crashed');
    await expect(next).resolves.toBe('printed');
    expect(gate.stats.running).toBe(0);
  });

  it('refuses a limit below 1', () => {
    expect(() => new ConcurrencyGate(0)).toThrow(RangeError);
  });
});
