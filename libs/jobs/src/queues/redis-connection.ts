import type { RedisOptions } from 'bullmq';

/** BullMQ's connection from REDIS_URL, the one Redis setting. */
export function redisConnectionOptions(url: string): RedisOptions {
  // Workers block on Redis; BullMQ requires unlimited retries for them.
  return { url, maxRetriesPerRequest: null };
}
