import { CommandBus } from '@nestjs/cqrs';
import { TenantTx } from '@qingshou/db';
import { tenantIdBySlug } from '@qingshou/policy';
import { EvaluateCases, EvaluationSummary } from '@qingshou/engine';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { operatorMeta } from './platform-actor';

interface EvaluateOptions {
  tenant: string;
  asOf?: string;
}

/**
 * `pack evaluate --tenant <slug> --as-of <date>`: the engine's run for one tenant and date,
 * the same EvaluateCases the API and the nightly job send. Prints the summary as JSON.
 */
@SubCommand({
  name: 'evaluate',
  description: "Evaluate the tenant's open cases as of a date against its pinned pack",
})
export class PackEvaluateCommand extends CommandRunner {
  constructor(
    private readonly commands: CommandBus,
    private readonly tx: TenantTx,
  ) {
    super();
  }

  @Option({ flags: '--tenant <slug>', required: true })
  parseTenant(value: string): string {
    return value;
  }

  @Option({
    flags: '--as-of <date>',
    description: "YYYY-MM-DD; default today in the tenant's zone",
  })
  parseAsOf(value: string): string {
    return value;
  }

  async run(_: string[], options: EvaluateOptions): Promise<void> {
    const tenantId = await tenantIdBySlug(this.tx, options.tenant);
    const summary: EvaluationSummary = await this.commands.execute(
      new EvaluateCases(operatorMeta(tenantId), options.asOf),
    );
    console.log(JSON.stringify(summary, null, 2));
  }
}
