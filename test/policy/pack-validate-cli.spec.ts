import { join } from 'node:path';
import { PackValidateCommand } from '../../apps/cli/src/commands/pack.command';
import { PackLoader, PackRegistry } from '../../libs/policy/src';

/** Runs the CLI command as `npm run cli -- pack validate <dir>` does, capturing what it prints. */
async function validate(dir: string): Promise<{ out: string[]; err: string[]; exitCode: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  const error = jest
    .spyOn(console, 'error')
    .mockImplementation((line: string) => void err.push(line));
  const before = process.exitCode;
  process.exitCode = 0;
  try {
    await new PackValidateCommand(new PackLoader(new PackRegistry())).run([dir]);
    return { out, err, exitCode: Number(process.exitCode ?? 0) };
  } finally {
    process.exitCode = before;
    log.mockRestore();
    error.mockRestore();
  }
}

describe('npm run cli -- pack validate <dir>', () => {
  it('prints every problem of a broken pack with its path and exits 1', async () => {
    const { err, exitCode } = await validate(join(__dirname, 'fixtures', 'broken-pack'));
    expect(exitCode).toBe(1);
    expect(err).toEqual([
      'version: "1.0" is not a semantic version (MAJOR.MINOR.PATCH)',
      'stages[0].when.dpd.min: must be ≥ 0',
      'stages[0].do[0].task.sla: unknown duration "2 hours" (use "2 working hours")',
      expect.stringMatching(/^stages\[1\]\.when\.dpdd: unknown condition "dpdd"/),
      'stages[1].do[0].notice.template: template "lawyer-letter" not found (no templates/lawyer-letter.hbs in this pack or the packs it extends)',
      expect.stringMatching(/^stages\[1\]\.do\[1\]\.fax: unknown action "fax"/),
      'incentives[0].when.settledBefore: parameter "amnestyDate" is not declared',
      'stages[1].id: duplicate id "calls" (also stages[0])',
      expect.stringMatching(/^8 problem\(s\) in .*broken-pack$/),
    ]);
  });

  it('prints "ok: <id>@<version>, N stages, …" for a valid pack', async () => {
    const { out, exitCode } = await validate(
      join(__dirname, '..', '..', 'policies', 'test-extends'),
    );
    expect(exitCode).toBe(0);
    expect(out).toEqual([
      'ok: test-extends@1.1.0, 6 stages, 1 target, 1 incentive, 1 flag, 2 reports, 6 parameters, 2 templates',
    ]);
  });
});
