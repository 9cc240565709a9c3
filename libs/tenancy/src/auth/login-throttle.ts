import { Injectable } from '@nestjs/common';
import { DomainError } from '@qingshou/core';
import { RedisClient } from '@qingshou/db';

export const LOGIN_LIMITS = {
  /** Failed passwords per user before the account is throttled. */
  failuresPerUser: 5,
  /** Attempts per client address, successful or not. */
  attemptsPerIp: 30,
  windowSeconds: 15 * 60,
};

export class TooManyAttemptsError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'too-many-login-attempts',
      `Too many login attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`,
      429,
    );
  }
}

/**
 * Counts in Redis, so every API instance shares them. The per-user count only grows on a
 * wrong password, so a locked-out user is not kept out by someone else's typos from
 * another tenant; the per-IP count caps password spraying across users.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly redis: RedisClient) {}

  async checkAndCountAttempt(tenantSlug: string, username: string, ip: string): Promise<void> {
    const ipKey = `login:ip:${ip}`;
    const attempts = await this.redis.incr(ipKey);
    if (attempts === 1) await this.redis.expire(ipKey, LOGIN_LIMITS.windowSeconds);
    if (attempts > LOGIN_LIMITS.attemptsPerIp)
      throw new TooManyAttemptsError(await this.ttl(ipKey));
    const userKey = this.userKey(tenantSlug, username);
    const failures = Number((await this.redis.get(userKey)) ?? 0);
    if (failures >= LOGIN_LIMITS.failuresPerUser) {
      throw new TooManyAttemptsError(await this.ttl(userKey));
    }
  }

  async recordFailure(tenantSlug: string, username: string): Promise<void> {
    const key = this.userKey(tenantSlug, username);
    const failures = await this.redis.incr(key);
    if (failures === 1) await this.redis.expire(key, LOGIN_LIMITS.windowSeconds);
  }

  async recordSuccess(tenantSlug: string, username: string): Promise<void> {
    await this.redis.del(this.userKey(tenantSlug, username));
  }

  private userKey(tenantSlug: string, username: string): string {
    return `login:user:${tenantSlug}:${username.toLowerCase()}`;
  }

  private async ttl(key: string): Promise<number> {
    const ttl = await this.redis.ttl(key);
    return ttl > 0 ? ttl : LOGIN_LIMITS.windowSeconds;
  }
}
