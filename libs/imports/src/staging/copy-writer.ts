import type { EntityManager } from '@mikro-orm/postgresql';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * The pg connection under the EntityManager's current transaction (knex hands the
 * transaction's own connection back from acquireConnection). COPY and the merge run on it,
 * so they share the transaction, its `app.tenant_id` and its TEMP tables.
 */
export async function transactionClient(em: EntityManager): Promise<PoolClient> {
  const trx = em.getTransactionContext<{ client?: { acquireConnection(): Promise<unknown> } }>();
  if (!trx?.client) throw new Error('COPY must run inside a transaction');
  return (await trx.client.acquireConnection()) as PoolClient;
}

/**
 * `COPY … FROM STDIN` with back-pressure: `write` waits while PostgreSQL is behind, so no
 * more than the socket's buffer is queued beyond the prepared chunk itself.
 */
export class CopyWriter {
  private readonly done: Promise<void>;

  private constructor(private readonly stream: ReturnType<typeof copyFrom>) {
    this.done = finished(stream);
    // Surfaced by end()/abort(); without a listener a server error would crash the process.
    this.done.catch(() => undefined);
  }

  static open(client: PoolClient, sql: string): CopyWriter {
    return new CopyWriter(client.query(copyFrom(sql)));
  }

  /** Sends a batch of COPY lines; waits while PostgreSQL is behind. */
  async write(batch: Buffer): Promise<void> {
    if (!this.stream.write(batch)) {
      await Promise.race([once(this.stream, 'drain'), this.done]);
    }
  }

  /** Ends the COPY and returns the number of rows PostgreSQL stored. */
  async end(): Promise<number> {
    this.stream.end();
    await this.done;
    return this.stream.rowCount;
  }

  /** Sends CopyFail so the connection leaves COPY mode and the transaction can roll back. */
  async abort(reason: Error): Promise<void> {
    if (this.stream.destroyed || this.stream.writableFinished) return;
    this.stream.destroy(reason);
    await Promise.race([once(this.stream, 'close'), this.done]).catch(() => undefined);
  }
}
