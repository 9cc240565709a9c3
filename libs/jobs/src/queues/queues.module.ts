import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@qingshou/core';
import { ALL_QUEUES } from './queue-names';
import { redisConnectionOptions } from './redis-connection';

/** The BullMQ connection from REDIS_URL and every queue registered for injection. */
@Module({})
export class QueuesModule {
  static forRoot(prefix = 'qingshou'): DynamicModule {
    const queues = BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name })));
    return {
      module: QueuesModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            connection: redisConnectionOptions(config.REDIS_URL),
            prefix,
            defaultJobOptions: {
              attempts: 5,
              backoff: { type: 'exponential', delay: 1000 },
              // Completed ids are kept a day so a re-added job id is recognised and dropped.
              removeOnComplete: { age: 24 * 3600, count: 100000 },
              removeOnFail: { age: 7 * 24 * 3600 },
            },
          }),
        }),
        queues,
      ],
      exports: [queues],
    };
  }
}
