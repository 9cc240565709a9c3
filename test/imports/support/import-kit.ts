import { QueryBus } from '@nestjs/cqrs';
import { randomBytes } from 'node:crypto';
import type { ActorMeta } from '@qingshou/core';
import { rm } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Client } from 'pg';
import {
  ImportFiles,
  ImportKind,
  ImportView,
  RegisteredImport,
  RegisterImport,
  RunImport,
  RunImportOptions,
} from '../../../libs/imports/src';
import { AccountBalanceView, GetAccountBalance } from '../../../libs/ledger/src';
import { createTenant, startTestApi, TestApi } from '../../support/test-app';
import { connect } from '../../support/test-db';

export const FIXTURES = resolve(__dirname, '../../fixtures');

/** One test file's world: the app on its own database, a tenant, an owner connection. */
export interface ImportKit {
  readonly api: TestApi;
  readonly tenantId: string;
  /** Superuser connection: counts what really is in the tables, past RLS. */
  readonly owner: Client;
  importFile(
    path: string,
    kind: ImportKind,
    mapping?: string | object,
    options?: RunImportOptions & { encoding?: string; fileName?: string },
  ): Promise<ImportView>;
  /** Rows of a tenant table (RLS bypassed, filtered by this tenant). */
  count(table: string, where?: string): Promise<number>;
  /** The ledger's own balance of an imported account, found by its reference. */
  balance(source: string, externalRef: string, asOf?: string): Promise<AccountBalanceView>;
  close(): Promise<void>;
}

export async function startImportKit(slug: string): Promise<ImportKit> {
  const api = await startTestApi();
  const tenantId = await createTenant(api, slug);
  const owner = await connect(api.db.ownerUrl);
  // The clerk (内勤) who brings in the file: imports are decided against her roles.
  const meta = (): ActorMeta => ({
    tenantId,
    actorId: 'test-clerk',
    correlationId: `test-${randomBytes(4).toString('hex')}`,
    roles: ['clerk'],
  });
  return {
    api,
    tenantId,
    owner,
    async importFile(path, kind, mapping, options = {}) {
      const registered: RegisteredImport = await api.commands.execute(
        new RegisterImport(meta(), {
          kind,
          mapping,
          encoding: options.encoding,
          filePath: path,
          fileName: options.fileName ?? basename(path),
        }),
      );
      return api.commands.execute(new RunImport(meta(), registered.import.id, options));
    },
    async count(table, where = 'true') {
      const { rows } = await owner.query<{ n: string }>(
        `select count(*) as n from ${table} where tenant_id = $1 and (${where})`,
        [tenantId],
      );
      return Number(rows[0].n);
    },
    async balance(source, externalRef, asOf) {
      const { rows } = await owner.query<{ id: string }>(
        `select id from accounts where tenant_id = $1 and source = $2 and external_ref = $3`,
        [tenantId, source, externalRef],
      );
      if (!rows[0]) throw new Error(`no account ${source}/${externalRef}`);
      return api.app.get(QueryBus).execute(new GetAccountBalance(meta(), rows[0].id, asOf));
    },
    async close() {
      const storage = api.app.get(ImportFiles).root;
      await owner.end();
      await api.close();
      await rm(resolve(storage, 'imports', tenantId), { recursive: true, force: true });
    },
  };
}
