import { Module } from '@nestjs/common';
import { CommandBus, QueryBus, CqrsModule } from '@nestjs/cqrs';
import { ValidationFailedError } from '@qingshou/core';
import { NoticesModule } from '@qingshou/notices';
import { PLATFORM_TENANT_ID, TenantTx } from '@qingshou/db';
import {
  AvailablePack,
  formatProblem,
  InstalledPack,
  InstallPack,
  ListAvailablePacks,
  PackChangePreview,
  PackLoader,
  PolicyModule,
  PreviewPackChange,
  summarizePack,
  tenantIdBySlug,
  UpgradedPack,
  UpgradePack,
} from '@qingshou/policy';
import { ENGINE_NOTICES_PORTS, EngineModule } from '@qingshou/engine';
import { OutcomesModule } from '@qingshou/outcomes';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { PackEvaluateCommand } from './evaluate.command';
import { operatorMeta } from './platform-actor';

interface PackOptions {
  tenant: string;
  pack: string;
  version?: string;
  param?: string[];
  yes?: boolean;
}

/** `--param a=1 --param b=x` → { a: '1', b: 'x' }; the loader reads each as its declared type. */
function paramsOf(pairs: string[] = []): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) {
      throw new ValidationFailedError('Bad --param', [
        { path: '--param', reason: `"${pair}" is not name=value` },
      ]);
    }
    params[pair.slice(0, at).trim()] = pair.slice(at + 1);
  }
  return params;
}

/** The options install, diff and upgrade share. */
abstract class TenantPackCommand extends CommandRunner {
  @Option({ flags: '--tenant <slug>', required: true })
  parseTenant(value: string): string {
    return value;
  }

  @Option({ flags: '--pack <id>', required: true })
  parsePack(value: string): string {
    return value;
  }

  @Option({
    flags: '--version <range>',
    description: 'a version or range; default the one in policies/',
  })
  parseVersion(value: string): string {
    return value;
  }

  @Option({ flags: '--param <name=value>', description: 'a parameter override; repeat for more' })
  parseParam(value: string, previous: string[] = []): string[] {
    return [...previous, value];
  }
}

@SubCommand({
  name: 'validate',
  arguments: '<dir>',
  description: 'Validate a pack directory; print every problem',
})
export class PackValidateCommand extends CommandRunner {
  constructor(private readonly loader: PackLoader) {
    super();
  }

  async run([dir]: string[]): Promise<void> {
    const result = this.loader.loadDir(dir);
    if (!result.ok) {
      for (const problem of result.problems) console.error(formatProblem(problem));
      console.error(`${result.problems.length} problem(s) in ${dir}`);
      process.exitCode = 1;
      return;
    }
    const open = result.pack.unresolved.length
      ? `; required parameters: ${result.pack.unresolved.join(', ')}`
      : '';
    console.log(
      `ok: ${result.pack.id}@${result.pack.version}, ${summarizePack(result.pack)}${open}`,
    );
  }
}

@SubCommand({ name: 'list', description: 'List the packs in policies/ with their versions' })
export class PackListCommand extends CommandRunner {
  constructor(private readonly queries: QueryBus) {
    super();
  }

  async run(): Promise<void> {
    const packs: AvailablePack[] = await this.queries.execute(
      new ListAvailablePacks(operatorMeta(), true),
    );
    for (const p of packs) {
      const state = p.valid ? (p.summary ?? '') : `INVALID (${p.problems.length} problems)`;
      console.log(`${`${p.id}@${p.version}`.padEnd(36)}${p.audience.padEnd(12)}${state}`);
    }
  }
}

@SubCommand({ name: 'install', description: 'Install a pack for a tenant (pins a snapshot)' })
export class PackInstallCommand extends TenantPackCommand {
  constructor(
    private readonly commands: CommandBus,
    private readonly tx: TenantTx,
  ) {
    super();
  }

  async run(_: string[], options: PackOptions): Promise<void> {
    const tenantId = await tenantIdBySlug(this.tx, options.tenant);
    const installed: InstalledPack = await this.commands.execute(
      new InstallPack(
        operatorMeta(tenantId),
        PLATFORM_TENANT_ID,
        options.pack,
        options.version,
        paramsOf(options.param),
      ),
    );
    console.log(
      `Installed ${installed.packId}@${installed.version} for ${options.tenant} (installation ${installed.installationId}): ${installed.summary}`,
    );
  }
}

@SubCommand({
  name: 'diff',
  description: "Show what a pack change would do to the tenant's installation",
})
export class PackDiffCommand extends TenantPackCommand {
  constructor(
    private readonly queries: QueryBus,
    private readonly tx: TenantTx,
  ) {
    super();
  }

  async run(_: string[], options: PackOptions): Promise<void> {
    const tenantId = await tenantIdBySlug(this.tx, options.tenant);
    const preview: PackChangePreview = await this.queries.execute(
      new PreviewPackChange(
        operatorMeta(tenantId),
        options.pack,
        options.version,
        paramsOf(options.param),
      ),
    );
    console.log(JSON.stringify(preview, null, 2));
  }
}

@SubCommand({
  name: 'upgrade',
  description:
    'Upgrade the tenant to a pack version or parameters (prints the diff; --yes applies)',
})
export class PackUpgradeCommand extends TenantPackCommand {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly tx: TenantTx,
  ) {
    super();
  }

  async run(_: string[], options: PackOptions): Promise<void> {
    const tenantId = await tenantIdBySlug(this.tx, options.tenant);
    const params = paramsOf(options.param);
    const preview: PackChangePreview = await this.queries.execute(
      new PreviewPackChange(operatorMeta(tenantId), options.pack, options.version, params),
    );
    console.log(JSON.stringify(preview, null, 2));
    if (!options.yes || !preview.basedOn) {
      console.log(
        preview.basedOn
          ? 'Not applied: re-run with --yes to upgrade.'
          : 'No installation to upgrade: use pack install.',
      );
      return;
    }
    const upgraded: UpgradedPack = await this.commands.execute(
      new UpgradePack(
        operatorMeta(tenantId),
        PLATFORM_TENANT_ID,
        options.pack,
        options.version,
        params,
        preview.basedOn,
      ),
    );
    console.log(
      `Upgraded ${options.tenant} to ${upgraded.packId}@${upgraded.version} (installation ${upgraded.installationId})`,
    );
  }

  @Option({ flags: '--yes', description: 'apply the upgrade after printing the diff' })
  parseYes(): boolean {
    return true;
  }
}

@Command({
  name: 'pack',
  description: 'Policy packs: validate, list, install, diff, upgrade, evaluate',
  subCommands: [
    PackValidateCommand,
    PackListCommand,
    PackInstallCommand,
    PackDiffCommand,
    PackUpgradeCommand,
    PackEvaluateCommand,
  ],
})
export class PackCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}

/** The pack commands with what they need; cli.module imports this one module. */
@Module({
  // `pack evaluate` issues notices: from the tenant's pinned templates, not policies/.
  imports: [
    CqrsModule,
    PolicyModule,
    OutcomesModule,
    EngineModule,
    NoticesModule.withPorts(ENGINE_NOTICES_PORTS),
  ],
  providers: [
    PackCommand,
    PackValidateCommand,
    PackListCommand,
    PackInstallCommand,
    PackDiffCommand,
    PackUpgradeCommand,
    PackEvaluateCommand,
  ],
})
export class PackCliModule {}
