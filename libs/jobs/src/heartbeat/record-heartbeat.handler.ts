import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RedisClient } from '@qingshou/db';
import { HeartbeatResult, RecordHeartbeat } from './record-heartbeat.command';

@CommandHandler(RecordHeartbeat)
export class RecordHeartbeatHandler implements ICommandHandler<RecordHeartbeat, HeartbeatResult> {
  constructor(private readonly redis: RedisClient) {}

  async execute(command: RecordHeartbeat): Promise<HeartbeatResult> {
    await this.redis.set('worker:heartbeat', String(process.pid), 'EX', 300);
    return { ok: true, correlationId: command.correlationId, pid: process.pid };
  }
}
