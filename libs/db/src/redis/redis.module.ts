import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@qingshou/core';
import Redis from 'ioredis';

/** One shared Redis connection for counters and locks (BullMQ keeps its own). */
@Injectable()
export class RedisClient extends Redis implements OnApplicationShutdown {
  constructor(@Inject(AppConfig) config: AppConfig) {
    super(config.REDIS_URL, {
      maxRetriesPerRequest: 2,
      lazyConnect: false,
      keyPrefix: config.REDIS_KEY_PREFIX,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.quit().catch(() => undefined);
  }
}

@Global()
@Module({ providers: [RedisClient], exports: [RedisClient] })
export class RedisModule {}
