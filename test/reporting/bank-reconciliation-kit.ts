import { QueryBus } from '@nestjs/cqrs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { randomBytes } from 'node:crypto';
import type { ActorMeta } from '@qingshou/core';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ImportFiles, type ImportView, RegisterImport, RunImport } from '../../libs/imports/src';
import { GetAccountBalance } from '../../libs/ledger/src';
import { residentId } from '../collection/support/fixtures';
import type { CollectionTestApi } from '../collection/support/collection-api';
import { binaryBody } from '../support/binary-body';

/** What the card-agency reconciliation specs share: files, imports, balances, report sheets. */
export class ReconciliationKit {
  private constructor(
    readonly api: CollectionTestApi,
    readonly tenantId: string,
    private readonly dir: string,
  ) {}

  static async open(api: CollectionTestApi, tenantId: string): Promise<ReconciliationKit> {
    return new ReconciliationKit(api, tenantId, await mkdtemp(join(tmpdir(), 'qs-reconcile-')));
  }

  /** The clerk (内勤) who loads the bank's file and reads the balances. */
  private meta(): ActorMeta {
    return {
      tenantId: this.tenantId,
      actorId: 'test-clerk',
      correlationId: `test-${randomBytes(4).toString('hex')}`,
      roles: ['clerk'],
    };
  }

  /** The bank's files are GBK CSV (篇八 sample: card-bank-repayments.gbk.csv). */
  async gbkCsv(name: string, rows: readonly (readonly string[])[]): Promise<string> {
    const path = join(this.dir, name);
    await writeFile(path, iconv.encode(rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'gbk'));
    return path;
  }

  /** A bank batch of cards (委案), one case per card: 委案金额 is what the card owes. */
  async cardBatch(cards: readonly { card: string; name: string; owed: string }[]) {
    const path = await this.gbkCsv('cases.csv', [
      ['委案批次号', '卡号', '持卡人姓名', '证件号码', '委案金额', '本金', '逾期天数', '委案日期'],
      ...cards.map((c) => [
        'B202603',
        c.card,
        c.name,
        residentId(),
        c.owed,
        c.owed,
        '60',
        '2026-03-01',
      ]),
    ]);
    return this.importFile(path, 'cases', 'card-cases');
  }

  async importFile(path: string, kind: 'cases' | 'payments', mapping: string): Promise<ImportView> {
    const registered = await this.api.commands.execute(
      new RegisterImport(this.meta(), { kind, mapping, filePath: path, fileName: 'bank.csv' }),
    );
    return this.api.commands.execute(new RunImport(this.meta(), registered.import.id, {}));
  }

  /** The ledger's own figure: everything payable on the date, to the fen. */
  async totalDue(accountId: string, asOf: string): Promise<string> {
    const balance = await this.api.app
      .get(QueryBus)
      .execute(new GetAccountBalance(this.meta(), accountId, asOf));
    return balance.totalDue as string;
  }

  async generate(token: string, reportId: string, asOf: string, format: 'xlsx' | 'html') {
    const run = await this.api
      .http()
      .post(`/api/v1/reports/${reportId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ asOf, format })
      .expect(201);
    const file = await this.api
      .http()
      .get(`/api/v1/reports/runs/${run.body.id}/download`)
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    return file.body as Buffer;
  }

  /** The rows of one sheet below its header row (the first cell equal to `firstHeader`). */
  static async sheet(content: Buffer, name: string, firstHeader: string): Promise<unknown[][]> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(content as never);
    const sheet = workbook.getWorksheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.findIndex((r) => r[0] === firstHeader);
    if (header < 0) throw new Error(`no header ${firstHeader} in ${name}`);
    // The notes (说明) follow the table.
    const end = rows.findIndex((r, i) => i > header && r[0] === '说明');
    return rows.slice(header + 1, end < 0 ? undefined : end);
  }

  async close(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    const storage = this.api.app.get(ImportFiles).root;
    await rm(resolve(storage, 'imports', this.tenantId), { recursive: true, force: true });
  }
}
