import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { migrate } from '../libs/db/src/migrator';

export const PG_BASE = process.env.BENCH_PG_BASE ?? 'postgres://postgres@127.0.0.1:5432';

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: `${PG_BASE}/postgres` });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database for one measurement; dropped afterwards unless --keep. */
export async function freshDatabase(name: string): Promise<string> {
  await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
  const url = `${PG_BASE}/${name}`;
  await migrate(url);
  return url;
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The baseline: the same file streamed from this process into a bare table (nine text
 * columns, no keys, no RLS) with `COPY … FROM STDIN (FORMAT csv, HEADER)`.
 */
export async function rawCopy(url: string, file: string): Promise<{ ms: number; rows: number }> {
  return withClient(url, async (client) => {
    await client.query(
      `create table bench_raw_copy (${Array.from({ length: 9 }, (_, i) => `c${i + 1} text`).join(', ')})`,
    );
    const started = performance.now();
    const copy = client.query(
      copyFrom(`copy bench_raw_copy from stdin with (format csv, header true)`),
    );
    await pipeline(createReadStream(file), copy);
    const ms = performance.now() - started;
    return { ms, rows: copy.rowCount };
  });
}

/**
 * The floor: the rows of the bare table, shaped beforehand (untimed) with ordered ids like
 * the importer's, inserted set-based straight into debtors, accounts and installments with
 * all their keys, foreign keys and checks, as the superuser (so without RLS), without any
 * validation, staging or schedule arithmetic. No import of these rows into these tables can
 * be faster than this on the same machine.
 */
export async function ledgerFloor(url: string, tenantId: string): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    await client.query(
      `create table floor_rows as
       select lpad(to_hex(row_number() over ()), 32, '0')::uuid as account_id,
              lpad(to_hex(dense_rank() over (order by c3)), 32, '0')::uuid as debtor_id, *
       from bench_raw_copy`,
    );
    const timings: Record<string, number> = {};
    const step = async (label: string, sql: string) => {
      const started = performance.now();
      await client.query(sql, [tenantId]);
      timings[label] = performance.now() - started;
    };
    await client.query('begin');
    await client.query('set local jit = off');
    await step(
      'debtors',
      `insert into debtors (tenant_id, id, kind, name, id_number, phones, created_at, created_by)
       select distinct on (debtor_id) $1, debtor_id, 'person', c2, c3, array[c4], now(), 'bench'
       from floor_rows order by debtor_id`,
    );
    await step(
      'accounts',
      `insert into accounts (tenant_id, id, debtor_id, type, source, external_ref, principal,
         annual_rate, start_date, repayment_method, created_at, created_by)
       select $1, account_id, debtor_id, 'loan', 'floor', c1, c5::numeric,
         rtrim(c6, '%')::numeric / 100, c7::date, 'bullet', now(), 'bench'
       from floor_rows`,
    );
    await step(
      'installments',
      `insert into installments (tenant_id, account_id, seq, due_date, principal, interest)
       select $1, account_id, 1, (c7::date + make_interval(months => c8::int))::date,
         c5::numeric, 0
       from floor_rows`,
    );
    const started = performance.now();
    await client.query('commit');
    timings.commit = performance.now() - started;
    return timings;
  });
}

/** Peak RSS of another process, sampled from /proc (VmHWM is the kernel's high-water mark). */
export function watchPeakRss(pid: number): { stop(): number } {
  let peakKb = 0;
  const read = async () => {
    try {
      const handle = createReadStream(`/proc/${pid}/status`, 'utf8');
      let text = '';
      handle.on('data', (chunk) => (text += chunk));
      await once(handle, 'end');
      const match = /VmHWM:\s+(\d+) kB/.exec(text);
      if (match) peakKb = Math.max(peakKb, Number(match[1]));
    } catch {
      // The process has exited; its last sample stands.
    }
  };
  const timer = setInterval(() => void read(), 200);
  return {
    stop() {
      clearInterval(timer);
      return peakKb / 1024;
    },
  };
}
