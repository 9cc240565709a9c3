import {
  Body,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  DEFAULT_MAPPINGS,
  GetImport,
  IMPORT_ENCODINGS,
  IMPORT_KINDS,
  IMPORT_ROLES,
  ImportView,
  RegisteredImport,
  SubmitImport,
  WriteImportErrors,
} from '@qingshou/imports';
import { GetLastRecordingsArchive, RecordingsArchiveRun } from '@qingshou/collection';
import { hasPermission } from '@qingshou/core';
import type { Response } from 'express';
import { Permission } from '../../auth/access.decorators';
import { SubmitImportBody } from '../../imports/imports.dto';
import {
  emptyForm,
  FormSpec,
  FormState,
  formWithProblems,
  submitForm,
  validateForm,
} from '../forms/form-state';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml, ConsoleRedirect } from '../http/console-redirect';
import {
  ImportErrorRow,
  ImportListRow,
  ListImportErrors,
  ListImports,
} from '../queries/list-imports/list-imports.query';
import { translateCode } from '../i18n/i18n';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';
import { ImportUploadInterceptor } from './import-upload.interceptor';

const UPLOAD: FormSpec = { id: 'import', fields: ['kind', 'mapping', 'encoding', 'file'] };
const RUNNING = ['queued', 'running'];

/** Imports: the list, an upload through SubmitImport, progress (polled) and row errors. */
@ConsoleController('admin/imports', 'import.read')
export class ImportsPageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get()
  async list(@Page() page: PageContext): Promise<string> {
    return this.views.page('admin/imports', page, await this.listModel(page, emptyForm(UPLOAD)));
  }

  @Post()
  @Permission('import.start')
  @UseInterceptors(ImportUploadInterceptor)
  async upload(
    @Page() page: PageContext,
    @Body() body: unknown,
    @UploadedFile() file: { path: string; originalname: string } | undefined,
  ): Promise<string> {
    const checked = await validateForm(SubmitImportBody, UPLOAD, body);
    if (!checked.ok) return this.fail(page, checked.form);
    if (!file) {
      return this.fail(
        page,
        formWithProblems(
          UPLOAD,
          checked.values,
          [{ path: 'file', reason: page.t('form.required') }],
          null,
          null,
        ),
      );
    }
    const { kind, mapping, encoding } = checked.value;
    const done = await submitForm(UPLOAD, checked.values, () =>
      this.commands.execute<SubmitImport, RegisteredImport>(
        new SubmitImport(page.meta(), {
          kind,
          mapping,
          encoding,
          filePath: file.path,
          fileName: uploadName(file.originalname),
          moveFile: true,
        }),
      ),
    );
    if (!done.ok) return this.fail(page, done.form);
    const flash = done.result.created ? 'flash.importQueued' : 'flash.importDuplicate';
    // htmx follows HX-Redirect with a full page load; a plain form gets a 303.
    throw new ConsoleRedirect(`/console/admin/imports/${done.result.import.id}`, flash);
  }

  @Get(':id')
  async show(@Page() page: PageContext, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return this.views.page('admin/import', page, await this.importModel(page, id));
  }

  /** The progress fragment htmx polls while the import runs (it stops polling when done). */
  @Get(':id/progress')
  async progress(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<string> {
    return this.views.partial('admin/import.progress', page, await this.importModel(page, id));
  }

  /** The whole per-row report as CSV (UTF-8 with BOM), as GET /imports/{id}/errors.csv. */
  @Get(':id/errors.csv')
  async errors(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.queries.execute(
      new WriteImportErrors(page.meta(), id, response, (name) => {
        response.status(200);
        response.setHeader('Content-Type', 'text/csv; charset=utf-8');
        response.setHeader('Cache-Control', 'private, no-store');
        response.setHeader(
          'Content-Disposition',
          `attachment; filename="import-errors.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
        );
      }),
    );
  }

  private async fail(page: PageContext, form: FormState): Promise<never> {
    const model = await this.listModel(page, form);
    const html = page.htmx
      ? await this.views.partial('admin/imports.upload', page, model)
      : await this.views.page('admin/imports', page, model);
    throw new ConsoleHtml(html, 422);
  }

  private async listModel(page: PageContext, form: FormState) {
    const imports = await this.queries.execute<ListImports, ImportListRow[]>(
      new ListImports(page.meta(), 50),
    );
    // 篇八: the recordings job's last run, for those who keep the files (backup.read).
    const showRecordingsArchive = hasPermission(page.user, 'backup.read');
    const recordingsArchive = showRecordingsArchive
      ? await this.queries.execute<GetLastRecordingsArchive, RecordingsArchiveRun | null>(
          new GetLastRecordingsArchive(page.meta()),
        )
      : null;
    return {
      title: 'admin.imports.title',
      imports,
      showRecordingsArchive,
      recordingsArchive,
      form,
      mayUpload: page.user.roles.some((r) => (IMPORT_ROLES as readonly string[]).includes(r)),
      kinds: IMPORT_KINDS,
      mappings: [...DEFAULT_MAPPINGS.values()].map((m) => ({
        value: m.name,
        // In words (信用卡委托案件（委托案件）), never the mapping's code name.
        label: `${translateCode(page.lang, 'admin.imports.mapping', m.name)}（${translateCode(page.lang, 'admin.imports.kinds', m.kind)}）`,
      })),
      encodings: IMPORT_ENCODINGS.filter((e) => e !== 'utf-8' && e !== 'gb2312').map((e) => ({
        value: e,
        label: e.toUpperCase(),
      })),
    };
  }

  private async importModel(page: PageContext, id: string) {
    const meta = page.meta();
    const [item, errors] = await Promise.all([
      this.queries.execute<GetImport, ImportView>(new GetImport(meta, id)),
      this.queries.execute<ListImportErrors, ImportErrorRow[]>(new ListImportErrors(meta, id, 100)),
    ]);
    const done = item.rowsOk + item.rowsFailed;
    return {
      title: 'admin.imports.detail',
      item,
      // CSV · UTF8-BOM as an office writes them (lower-case csv reads as an English word).
      formatShown: [item.fileFormat, item.encoding]
        .filter(Boolean)
        .map((s) => String(s).toUpperCase())
        .join(' · '),
      running: RUNNING.includes(item.status),
      percent: item.rowsTotal > 0 ? Math.min(100, Math.round((done / item.rowsTotal) * 100)) : null,
      done,
      counts: Object.entries(item.counts)
        .filter(([, n]) => n > 0)
        .map(([key, n]) => ({ key, n })),
      errors: errors.map((e) => ({
        ...e,
        reasonShown: page.lang === 'zh' ? e.reasonZh : e.reason,
      })),
      moreErrors: item.rowsFailed > errors.length,
    };
  }
}

/** Browsers send UTF-8 file names that multer reads as latin1 (as the API's controller). */
function uploadName(name: string): string {
  const codes = [...name].map((c) => c.charCodeAt(0));
  if (!codes.some((c) => c >= 0x80) || codes.some((c) => c > 0xff)) return name;
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  return utf8.includes('\uFFFD') ? name : utf8;
}
