import { Injectable } from '@nestjs/common';
import { Clock } from '@qingshou/calendar';
import { DomainError } from '@qingshou/core';
import { RedisClient } from '@qingshou/db';

/** Steps per window: the same limits for every link and address, whatever the answer. */
export const SELF_SERVICE_LIMITS = {
  windowSeconds: 15 * 60,
  /** Steps on one link (opening, ID characters, code, actions) per window. */
  perLink: 30,
  /** Steps from one address over all links per window (an office behind one NAT is not the target). */
  perAddress: 120,
};

export class SelfServiceThrottled extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('self-service-throttled', '操作过于频繁，请稍后再试', 429);
  }
}

/**
 * Counts every step of the debtor's page in Redis, so every API instance shares the limits:
 * fixed windows numbered by the injected clock, per link (its token's hash, known or not)
 * and per client address. Counted before the link is looked up, so a refusal tells nothing.
 */
@Injectable()
export class SelfServiceThrottle {
  constructor(
    private readonly redis: RedisClient,
    private readonly clock: Clock,
  ) {}

  async hit(tokenHash: string, ip: string): Promise<void> {
    const now = this.clock.now().getTime();
    const windowMs = SELF_SERVICE_LIMITS.windowSeconds * 1000;
    const window = Math.floor(now / windowMs);
    const keys = [`selfsvc:link:${tokenHash}:${window}`, `selfsvc:ip:${ip}:${window}`];
    const counts = await this.redis
      .multi()
      .incr(keys[0])
      .expire(keys[0], SELF_SERVICE_LIMITS.windowSeconds)
      .incr(keys[1])
      .expire(keys[1], SELF_SERVICE_LIMITS.windowSeconds)
      .exec();
    const perLink = Number(counts?.[0]?.[1] ?? 0);
    const perAddress = Number(counts?.[2]?.[1] ?? 0);
    if (perLink > SELF_SERVICE_LIMITS.perLink || perAddress > SELF_SERVICE_LIMITS.perAddress) {
      throw new SelfServiceThrottled(
        Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000)),
      );
    }
  }
}
