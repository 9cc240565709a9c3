import { Module } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { TenantTx } from '@qingshou/db';
import {
  IMPORT_KINDS,
  ImportFiles,
  ImportKind,
  ImportProgress,
  ImportsModule,
  ImportView,
  RegisteredImport,
  RegisterImport,
  RunImport,
} from '@qingshou/imports';
import { SingleBar } from 'cli-progress';
import { Command, CommandRunner, Option } from 'nest-commander';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { operatorMeta } from './platform-actor';
import { tenantIdBySlug } from './tenant-lookup';

interface ImportOptions {
  tenant: string;
  kind: string;
  mapping?: string;
  encoding?: string;
  chunkSize?: number;
  json?: boolean;
  progress?: boolean;
  timings?: boolean;
}

/**
 * `npm run cli -- import <file> --tenant <slug> --kind accounts [--mapping coop-npl]`: runs
 * the import in this process (no worker needed) with a progress bar, then prints the summary
 * and where the per-row report is. Exit code 0 succeeded, 3 partially, 1 failed.
 */
@Command({
  name: 'import',
  arguments: '<file>',
  description: 'Import a CSV/XLSX file (accounts, payments or agency cases) into a tenant',
})
export class ImportCommand extends CommandRunner {
  constructor(
    private readonly commands: CommandBus,
    private readonly tx: TenantTx,
    private readonly files: ImportFiles,
  ) {
    super();
  }

  async run([file]: string[], options: ImportOptions): Promise<void> {
    const started = performance.now();
    const tenantId = await tenantIdBySlug(this.tx, options.tenant);
    const meta = operatorMeta(tenantId);
    const registered: RegisteredImport = await this.commands.execute(
      new RegisterImport(meta, {
        kind: options.kind as ImportKind,
        mapping: mappingArg(options.mapping),
        encoding: options.encoding,
        filePath: file,
        fileName: basename(file),
      }),
    );
    const bar = options.progress === false || options.json ? undefined : await progressBar(file);
    const timings: Record<string, number> | undefined = options.timings ? {} : undefined;
    const result: ImportView = await this.commands.execute(
      new RunImport(meta, registered.import.id, {
        chunkSize: options.chunkSize,
        timings,
        onProgress: (p: ImportProgress) =>
          bar?.update(p.rowsTotal, { rate: Math.round(p.rowsPerSecond), failed: p.rowsFailed }),
      }),
    );
    bar?.stop();
    const report = result.errorReportKey ? this.files.pathOf(result.errorReportKey) : null;
    const elapsedMs = Math.round(performance.now() - started);
    if (options.json) {
      const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
      console.log(
        JSON.stringify({ import: result, errorReport: report, elapsedMs, maxRssMb, timings }),
      );
    } else {
      printSummary(result, report, elapsedMs);
    }
    process.exitCode =
      result.status === 'failed' ? 1 : result.status === 'partially-succeeded' ? 3 : 0;
  }

  @Option({ flags: '--tenant <slug>', required: true })
  parseTenant(value: string): string {
    return value;
  }

  @Option({ flags: '--kind <kind>', required: true, description: IMPORT_KINDS.join('|') })
  parseKind(value: string): string {
    return value;
  }

  @Option({
    flags: '--mapping <name|file.json>',
    description: 'a built-in mapping name or a JSON file with a mapping object',
  })
  parseMapping(value: string): string {
    return value;
  }

  @Option({ flags: '--encoding <encoding>', description: 'utf8|gbk|gb18030 (CSV; default detect)' })
  parseEncoding(value: string): string {
    return value;
  }

  @Option({ flags: '--chunk-size <rows>', description: 'rows per transaction (default 50000)' })
  parseChunkSize(value: string): number {
    return Number(value);
  }

  @Option({ flags: '--json', description: 'print the summary as one JSON line' })
  parseJson(): boolean {
    return true;
  }

  @Option({ flags: '--timings', description: 'time each phase and merge statement (with --json)' })
  parseTimings(): boolean {
    return true;
  }

  @Option({ flags: '--no-progress', description: 'no progress bar' })
  parseProgress(): boolean {
    return false;
  }
}

/** A mapping file (packs' or a clerk's own) is read here; a name passes through. */
function mappingArg(value: string | undefined): string | object | undefined {
  if (value && extname(value).toLowerCase() === '.json' && existsSync(value)) {
    return JSON.parse(readFileSync(value, 'utf8')) as object;
  }
  return value;
}

/** For a CSV the line count (one quick pass) gives the bar a total; XLSX rows show as a count. */
async function progressBar(file: string): Promise<SingleBar> {
  let total = 0;
  if (extname(file).toLowerCase() !== '.xlsx') {
    for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) total += 1;
    }
  }
  const bar = new SingleBar({
    format:
      total > 0
        ? ' {bar} {percentage}% | {value}/{total} rows | {rate} rows/s | {failed} failed'
        : ' {value} rows | {rate} rows/s | {failed} failed',
    hideCursor: true,
    clearOnComplete: false,
  });
  bar.start(Math.max(total - 1, 0), 0, { rate: 0, failed: 0 });
  return bar;
}

function printSummary(view: ImportView, report: string | null, elapsedMs: number): void {
  const c = view.counts;
  console.log(`import ${view.id}: ${view.status}`);
  console.log(
    `  file     ${view.fileName} (${view.kind}, mapping ${view.mappingName}, ${view.encoding ?? view.fileFormat})`,
  );
  console.log(
    `  rows     ${view.rowsTotal} read, ${view.rowsOk} ok, ${view.rowsFailed} failed; ${view.rowsPerSecond ?? 0} rows/s; ${(elapsedMs / 1000).toFixed(1)} s in all`,
  );
  console.log(`  debtors  ${c.debtorsCreated} created`);
  console.log(
    `  accounts ${c.accountsCreated} created, ${c.accountsExisting} already there; ${c.installmentsCreated} installments`,
  );
  console.log(`  payments ${c.paymentsCreated} created, ${c.paymentsExisting} already there`);
  if (c.paymentsMatched || c.paymentsMismatched)
    console.log(
      `  matched  ${c.paymentsMatched} to our records, ${c.paymentsMismatched} held (amount differs)`,
    );
  if (c.casesOpened) console.log(`  cases    ${c.casesOpened} opened`);
  if (view.error) console.log(`  error    ${view.errorZh ?? view.error}`);
  if (report) console.log(`  report   ${report}`);
}

/** The CLI imports this module for the `import` command and the imports lib it drives. */
@Module({ imports: [ImportsModule], providers: [ImportCommand] })
export class ImportCliModule {}
