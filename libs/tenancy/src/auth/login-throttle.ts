import { Injectable } from '@nestjs/common';
import { Clock } from '@qingshou/calendar';
import { DomainError } from '@qingshou/core';
import { RedisClient } from '@qingshou/db';

export const LOGIN_LIMITS = {
  /** Consecutive wrong passwords on one account answered without any wait. */
  freeFailures: 3,
  /** The longest wait one account can be put under (seconds), however many failures. */
  maxDelaySeconds: 60,
  /** Wrong passwords per client address per window; successful logins never count. */
  failuresPerIp: 30,
  windowSeconds: 15 * 60,
};

/**
 * Seconds an account waits after `failures` consecutive wrong passwords: 0, 0, 0, 1, 2, 4, …
 * capped at a minute. A delay, never a lock: whoever guesses slows down, and the owner's
 * right password still works once the short wait is over.
 */
export function delayAfterFailures(failures: number): number {
  if (failures < LOGIN_LIMITS.freeFailures) return 0;
  const doublings = Math.min(failures - LOGIN_LIMITS.freeFailures, 16);
  return Math.min(2 ** doublings, LOGIN_LIMITS.maxDelaySeconds);
}

export class TooManyAttemptsError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'too-many-login-attempts',
      `Too many failed logins; try again in ${retryAfterSeconds} seconds`,
      429,
    );
  }
}

/**
 * Counts in Redis, so every API instance shares them; times come from the injected Clock
 * (Redis expiry only tidies keys away). Only failures count: an office behind one NAT
 * can log in all day. Per account, consecutive failures grow a short delay (reset by a
 * success); per address, failures are capped per window to slow spraying across users.
 */
/** KEYS[1] the wait key; ARGV now (ms), the wait to reserve (ms), expiry (s). 0 = go ahead. */
const CHECK_AND_RESERVE = `
local notBefore = tonumber(redis.call('GET', KEYS[1]) or '0')
local now = tonumber(ARGV[1])
if now < notBefore then return notBefore end
if tonumber(ARGV[2]) > 0 then
  redis.call('SET', KEYS[1], tostring(now + tonumber(ARGV[2])), 'EX', tonumber(ARGV[3]))
end
return 0`;

@Injectable()
export class LoginThrottle {
  constructor(
    private readonly redis: RedisClient,
    private readonly clock: Clock,
  ) {}

  /** Throws TooManyAttemptsError (429, Retry-After) while this attempt must wait. */
  async checkAllowed(tenantSlug: string, username: string, ip: string): Promise<void> {
    const now = this.clock.now().getTime();
    const ipFailures = Number((await this.redis.get(this.ipKey(ip, now))) ?? 0);
    if (ipFailures >= LOGIN_LIMITS.failuresPerIp) {
      const windowMs = LOGIN_LIMITS.windowSeconds * 1000;
      const windowEnds = (Math.floor(now / windowMs) + 1) * windowMs;
      throw new TooManyAttemptsError(Math.max(1, Math.ceil((windowEnds - now) / 1000)));
    }
    // Should this attempt fail, the next one waits; that wait is reserved now, in one step
    // with the check, so guesses sent in parallel do not all slip through the same gap.
    const failures = Number((await this.redis.get(this.failKey(tenantSlug, username))) ?? 0);
    const reserveMs = delayAfterFailures(failures + 1) * 1000;
    const notBefore = Number(
      await this.redis.eval(
        CHECK_AND_RESERVE,
        1,
        this.waitKey(tenantSlug, username),
        String(now),
        String(reserveMs),
        String(LOGIN_LIMITS.windowSeconds),
      ),
    );
    if (notBefore > 0) {
      throw new TooManyAttemptsError(Math.max(1, Math.ceil((notBefore - now) / 1000)));
    }
  }

  async recordFailure(tenantSlug: string, username: string, ip: string): Promise<void> {
    const now = this.clock.now().getTime();
    const window = LOGIN_LIMITS.windowSeconds;
    const failures = await this.redis.incr(this.failKey(tenantSlug, username));
    await this.redis.expire(this.failKey(tenantSlug, username), window);
    const delay = delayAfterFailures(failures);
    if (delay > 0) {
      await this.redis.set(
        this.waitKey(tenantSlug, username),
        String(now + delay * 1000),
        'EX',
        window,
      );
    }
    const ipKey = this.ipKey(ip, now);
    if ((await this.redis.incr(ipKey)) === 1) await this.redis.expire(ipKey, window);
  }

  async recordSuccess(tenantSlug: string, username: string): Promise<void> {
    await this.redis.del(this.failKey(tenantSlug, username), this.waitKey(tenantSlug, username));
  }

  private failKey(tenantSlug: string, username: string): string {
    return `login:fail:${tenantSlug}:${username.toLowerCase()}`;
  }

  private waitKey(tenantSlug: string, username: string): string {
    return `login:wait:${tenantSlug}:${username.toLowerCase()}`;
  }

  /** A fixed window per address, numbered by the clock. */
  private ipKey(ip: string, nowMs: number): string {
    return `login:ipfail:${ip}:${Math.floor(nowMs / (LOGIN_LIMITS.windowSeconds * 1000))}`;
  }
}
