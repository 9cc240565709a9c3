import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { JobDurations } from '@qingshou/jobs';
import { FailedJobsController } from './failed-jobs.controller';
import { MetricsEndpoint } from './metrics-endpoint';
import { PrometheusRegistry } from './prometheus-registry';
import { QueueRegistry } from './queue-registry';

/** Operations: /metrics for Prometheus and failed jobs by API; api.module imports this. */
@Module({
  controllers: [FailedJobsController],
  providers: [QueueRegistry, JobDurations, PrometheusRegistry, MetricsEndpoint],
})
export class MetricsModule implements NestModule {
  constructor(private readonly endpoint: MetricsEndpoint) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply((req: Request, res: Response, next: NextFunction) =>
        this.endpoint.time(req, res, next),
      )
      .forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
