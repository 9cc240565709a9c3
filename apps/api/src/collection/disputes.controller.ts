import {
  Body,
  Controller,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { DecideDispute, RaiseDispute, RaiseDisputeResult } from '@qingshou/collection';
import type { DisputeOutcome } from '@qingshou/collection';
import type { Principal } from '@qingshou/core';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import { actorMeta } from './actor-meta';
import { DecideDisputeBody, RaiseDisputeBody } from './disputes.dto';

/** The part of multer's file the command needs (multer's global types are not loaded). */
interface MulterFile {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
}

const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** 异议 on a case's account: raised with documents, decided by the pack's role (the handler). */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id/disputes')
export class DisputesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Permission('dispute.raise')
  @ApiConsumes('application/json', 'multipart/form-data')
  @UseInterceptors(FilesInterceptor('files', 10, { limits: { fileSize: MAX_DOCUMENT_BYTES } }))
  raise(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RaiseDisputeBody,
    @UploadedFiles() files: MulterFile[] | undefined,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RaiseDisputeResult> {
    const { files: _ignored, ...fields } = body;
    return this.commands.execute(
      new RaiseDispute(actorMeta(principal, correlationId), {
        caseId: id,
        ...fields,
        files: (files ?? []).map((f) => ({
          data: f.buffer,
          originalName: uploadName(f.originalname),
          contentType: f.mimetype,
        })),
      }),
    );
  }

  @Post(':disputeId/decision')
  @HttpCode(200)
  @Permission('dispute.decide')
  decide(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('disputeId', ParseUUIDPipe) disputeId: string,
    @Body() body: DecideDisputeBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ outcome: DisputeOutcome; decidedOn: string }> {
    return this.commands.execute(
      new DecideDispute(actorMeta(principal, correlationId), {
        caseId: id,
        disputeId,
        ...body,
      }),
    );
  }
}

/** Browsers send UTF-8 file names that multer reads as latin1 (as the imports controller). */
function uploadName(name: string): string {
  const codes = [...name].map((c) => c.charCodeAt(0));
  if (!codes.some((c) => c >= 0x80) || codes.some((c) => c > 0xff)) return name;
  const utf8 = Buffer.from(name, 'latin1').toString('utf8');
  return utf8.includes('\uFFFD') ? name : utf8;
}
