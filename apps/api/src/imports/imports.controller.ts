import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConsumes,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { actorMetaOf, Principal, ValidationFailedError } from '@qingshou/core';
import {
  GetImport,
  ImportView,
  RegisteredImport,
  SubmitImport,
  WriteImportErrors,
} from '@qingshou/imports';
import type { Response } from 'express';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { ImportResponse, SubmitImportBody, SubmittedImport } from './imports.dto';

/** The part of multer's disk-stored file the command needs. */
interface StoredUpload {
  path: string;
  originalname: string;
}

const meta = (principal: Principal, correlationId: string) => actorMetaOf(principal, correlationId);

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** 202: the file is stored and queued; poll GET /imports/{id} for progress. */
  @Post()
  @HttpCode(202)
  @Permission('import.start')
  @ApiConsumes('multipart/form-data')
  @ApiAcceptedResponse({ type: SubmittedImport })
  @UseInterceptors(FileInterceptor('file'))
  async submit(
    @Body() body: SubmitImportBody,
    @UploadedFile() file: StoredUpload | undefined,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubmittedImport> {
    if (!file) {
      throw new ValidationFailedError('No file was uploaded', [
        { path: 'file', reason: 'is required (multipart field "file")' },
      ]);
    }
    const registered: RegisteredImport = await this.commands.execute(
      new SubmitImport(meta(principal, correlationId), {
        kind: body.kind,
        mapping: body.mapping,
        encoding: body.encoding,
        filePath: file.path,
        fileName: uploadName(file.originalname),
        moveFile: true,
      }),
    );
    response.setHeader('Location', `/api/v1/imports/${registered.import.id}`);
    return {
      id: registered.import.id,
      status: registered.import.status,
      duplicate: !registered.created,
    };
  }

  @Get(':id')
  @Permission('import.read')
  @ApiOkResponse({ type: ImportResponse })
  get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<ImportView> {
    return this.queries.execute(new GetImport(meta(principal, correlationId), id));
  }

  /** The per-row report: UTF-8 with BOM (Excel opens it), 行号,列,值,原因, cells neutralised. */
  @Get(':id/errors.csv')
  @Permission('import.read')
  @ApiProduces('text/csv')
  async errors(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.queries.execute(
      new WriteImportErrors(meta(principal, correlationId), id, response, (name) => {
        response.status(200);
        response.setHeader('Content-Type', 'text/csv; charset=utf-8');
        response.setHeader(
          'Content-Disposition',
          `attachment; filename="import-errors.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
        );
      }),
    );
  }
}

/**
 * Browsers send the file name's UTF-8 bytes, which multer's parser reads as latin1; a name
 * that round-trips cleanly is taken as UTF-8 (学生贷款.csv instead of mojibake).
 */
function uploadName(name: string): string {
  const codes = [...name].map((c) => c.charCodeAt(0));
  if (!codes.some((c) => c >= 0x80) || codes.some((c) => c > 0xff)) return name;
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  return utf8.includes('\uFFFD') ? name : utf8;
}
