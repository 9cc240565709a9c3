import { AuditChainVerifier, TenantTx } from '@qingshou/db';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { tenantIdBySlug } from './tenant-lookup';

@SubCommand({
  name: 'verify',
  description: "Walk a tenant's hash chain; print the first broken link or ok",
})
export class AuditVerifyCommand extends CommandRunner {
  constructor(
    private readonly tx: TenantTx,
    private readonly verifier: AuditChainVerifier,
  ) {
    super();
  }

  async run(_: string[], options: { tenant: string }): Promise<void> {
    const tenantId = await tenantIdBySlug(this.tx, options.tenant);
    const verdict = await this.tx.run(tenantId, (em) => this.verifier.verify(em, tenantId));
    if (verdict.ok) {
      console.log(`ok, ${verdict.events} events`);
      return;
    }
    console.log(
      `broken at seq ${verdict.brokenAtSeq} (event ${verdict.eventId}): ${verdict.reason}; ${verdict.events} events before it verify`,
    );
    process.exitCode = 3;
  }

  @Option({ flags: '--tenant <slug>', required: true })
  parseTenant(value: string): string {
    return value;
  }
}

@Command({ name: 'audit', description: 'Audit trail', subCommands: [AuditVerifyCommand] })
export class AuditCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}
