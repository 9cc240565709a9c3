import { Injectable } from '@nestjs/common';
import { RedisClient } from '@qingshou/db';
import { randomUUID } from 'node:crypto';

/**
 * The time sessions are measured in. Like a token's own expiry it is wall time, kept apart
 * from the business Clock that tests move by days; session specs bind a FixedClock here.
 */
export abstract class SessionClock {
  abstract now(): Date;
}

export class SystemSessionClock extends SessionClock {
  now(): Date {
    return new Date();
  }
}

/** A tenant's limits: idle timeout and absolute lifetime, in seconds. */
export interface SessionPolicy {
  readonly idleSeconds: number;
  readonly absoluteSeconds: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleSeconds: 30 * 60,
  absoluteSeconds: 12 * 60 * 60,
};

/**
 * One round trip per request: the session must exist, belong to the token's tenant and
 * user, have been used within its idle timeout and be short of its end; then it is marked
 * used. An ended session is deleted on the spot. Returns the session's end (ms) or 0.
 */
const TOUCH = `
local s = redis.call('HMGET', KEYS[1], 'tid', 'uid', 'last', 'idle', 'end')
if not s[1] then return 0 end
if s[1] ~= ARGV[1] or s[2] ~= ARGV[2] then return 0 end
local now = tonumber(ARGV[3])
if now - tonumber(s[3]) > tonumber(s[4]) or now >= tonumber(s[5]) then
  redis.call('DEL', KEYS[1])
  return 0
end
if now > tonumber(s[3]) then redis.call('HSET', KEYS[1], 'last', ARGV[3]) end
return tonumber(s[5])
`;

/**
 * Server-side sessions in Redis, shared by every API instance: a hash per session and a
 * set of session ids per user, so "sign out everywhere" finds them all. Redis expires a
 * session's keys at its absolute end as a backstop; the checks themselves use SessionClock.
 */
@Injectable()
export class SessionStore {
  constructor(private readonly redis: RedisClient) {}

  async open(tenantId: string, userId: string, policy: SessionPolicy, now: Date): Promise<string> {
    const sessionId = randomUUID();
    const at = now.getTime();
    const lifetimeMs = policy.absoluteSeconds * 1000;
    const userKey = this.userKey(tenantId, userId);
    await this.redis
      .multi()
      .hset(this.key(sessionId), {
        tid: tenantId,
        uid: userId,
        last: String(at),
        idle: String(policy.idleSeconds * 1000),
        end: String(at + lifetimeMs),
      })
      .pexpire(this.key(sessionId), lifetimeMs)
      .sadd(userKey, sessionId)
      .pexpire(userKey, lifetimeMs)
      .exec();
    return sessionId;
  }

  /** The session's end (ms since epoch) when it is live for this tenant and user, else null. */
  async touch(
    sessionId: string,
    tenantId: string,
    userId: string,
    now: Date,
  ): Promise<number | null> {
    const end = await this.redis.eval(
      TOUCH,
      1,
      this.key(sessionId),
      tenantId,
      userId,
      String(now.getTime()),
    );
    return typeof end === 'number' && end > 0 ? end : null;
  }

  async revoke(sessionId: string): Promise<void> {
    await this.redis.del(this.key(sessionId));
  }

  /** Ends every session of one user; returns how many were live. */
  async revokeAllOf(tenantId: string, userId: string): Promise<number> {
    const userKey = this.userKey(tenantId, userId);
    const ids = await this.redis.smembers(userKey);
    if (ids.length === 0) return 0;
    const deleted = await this.redis.del(...ids.map((id) => this.key(id)));
    await this.redis.srem(userKey, ...ids);
    return deleted;
  }

  private key(sessionId: string): string {
    return `session:${sessionId}`;
  }

  private userKey(tenantId: string, userId: string): string {
    return `sessions:${tenantId}:${userId}`;
  }
}
