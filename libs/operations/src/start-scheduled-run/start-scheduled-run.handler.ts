import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { localDateOf } from '@qingshou/calendar';
import { TenantTx } from '@qingshou/db';
import { RequestedRun, RequestRun } from '../request-run/request-run.command';
import { tenantTimeZone } from '../support/tenant-zone';
import { StartScheduledRun } from './start-scheduled-run.command';

@CommandHandler(StartScheduledRun)
export class StartScheduledRunHandler implements ICommandHandler<StartScheduledRun, RequestedRun> {
  constructor(
    private readonly tx: TenantTx,
    private readonly commands: CommandBus,
  ) {}

  async execute(command: StartScheduledRun): Promise<RequestedRun> {
    requirePermission(viewerOf(command), 'run.start');
    const zone = await this.tx.run(command.tenantId, (em) => tenantTimeZone(em, command.tenantId));
    const asOf = localDateOf(command.firedAt, zone);
    return this.commands.execute(new RequestRun(command, command.kind, asOf, true, 'incremental'));
  }
}
