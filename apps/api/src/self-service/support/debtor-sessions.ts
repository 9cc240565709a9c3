import { Injectable } from '@nestjs/common';
import { RedisClient } from '@qingshou/db';
import { newSessionId } from '@qingshou/self-service';

/** A debtor's session lives 15 minutes from the code, never renewed: short, like the task. */
export const DEBTOR_SESSION_SECONDS = 15 * 60;

export interface DebtorSession {
  readonly tenantId: string;
  readonly linkId: string;
  readonly caseId: string;
  readonly tokenHash: string;
}

/**
 * Sessions of the debtor's page in Redis (shared by every API instance), bound to one link:
 * a session presented under another link's address is no session. Console sessions live
 * elsewhere and open nothing here.
 */
@Injectable()
export class DebtorSessions {
  constructor(private readonly redis: RedisClient) {}

  async start(session: DebtorSession): Promise<string> {
    const id = newSessionId();
    await this.redis.set(this.key(id), JSON.stringify(session), 'EX', DEBTOR_SESSION_SECONDS);
    return id;
  }

  async find(id: string | undefined, tokenHash: string): Promise<DebtorSession | null> {
    if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
    const raw = await this.redis.get(this.key(id));
    if (!raw) return null;
    const session = JSON.parse(raw) as DebtorSession;
    return session.tokenHash === tokenHash ? session : null;
  }

  async end(id: string): Promise<void> {
    await this.redis.del(this.key(id));
  }

  private key(id: string): string {
    return `selfsvc:session:${id}`;
  }
}
