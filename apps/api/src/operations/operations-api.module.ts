import { Module } from '@nestjs/common';
import { OperationsModule } from '@qingshou/operations';
import { RunsController } from './runs.controller';

/** /api/v1/runs: request a run (the worker executes it) and read its progress. */
@Module({
  imports: [OperationsModule.register({ queue: true })],
  controllers: [RunsController],
})
export class OperationsApiModule {}
