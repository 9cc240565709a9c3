import {
  Body,
  Controller,
  Param,
  ParseUUIDPipe,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  AddCaseCost,
  CreateTask,
  CreateTaskResult,
  LogContact,
  LogContactResult,
  RecordLegalStep,
  RecordLegalStepResult,
  RecordPromise,
  RecordSettlementInKind,
} from '@qingshou/collection';
import type { Principal } from '@qingshou/core';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import {
  AddCostBody,
  CreateTaskBody,
  LegalStepBody,
  LogContactBody,
  RecordPromiseBody,
  SettlementInKindBody,
} from './activity.dto';
import { actorMeta } from './actor-meta';

/** The part of multer's file the command needs (multer's global types are not loaded). */
interface MulterFile {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
}

/** Call recordings run long; beyond this a 413 says so rather than filling memory. */
const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/** What happens on a case: contacts, promises, costs, legal steps, settlements in kind, tasks. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id')
export class CaseActivityController {
  constructor(private readonly commands: CommandBus) {}

  @Post('contacts')
  @Permission('case.work')
  @ApiConsumes('application/json', 'multipart/form-data')
  @UseInterceptors(
    FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }),
  )
  logContact(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: LogContactBody,
    @UploadedFile() file: MulterFile | undefined,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<LogContactResult> {
    const upload = file
      ? { data: file.buffer, originalName: file.originalname, contentType: file.mimetype }
      : undefined;
    const { file: _ignored, promiseAmount, promiseDueOn, ...fields } = body;
    const promise =
      promiseAmount || promiseDueOn ? { amount: promiseAmount, dueOn: promiseDueOn } : undefined;
    return this.commands.execute(
      new LogContact(actorMeta(principal, correlationId), {
        caseId: id,
        ...fields,
        promise,
        file: upload,
      }),
    );
  }

  @Post('promises')
  @Permission('promise.record')
  recordPromise(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecordPromiseBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ id: string }> {
    return this.commands.execute(
      new RecordPromise(actorMeta(principal, correlationId), { caseId: id, ...body }),
    );
  }

  @Post('costs')
  @Permission('cost.add')
  addCost(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AddCostBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ id: string; approved: boolean }> {
    return this.commands.execute(
      new AddCaseCost(actorMeta(principal, correlationId), { caseId: id, ...body }),
    );
  }

  @Post('legal-steps')
  @Permission('legal-step.record')
  recordLegalStep(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: LegalStepBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RecordLegalStepResult> {
    return this.commands.execute(
      new RecordLegalStep(actorMeta(principal, correlationId), { caseId: id, ...body }),
    );
  }

  @Post('settlements-in-kind')
  @Permission('settlement-in-kind.record')
  recordSettlementInKind(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SettlementInKindBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<{ id: string }> {
    return this.commands.execute(
      new RecordSettlementInKind(actorMeta(principal, correlationId), { caseId: id, ...body }),
    );
  }

  @Post('tasks')
  @Permission('task.manage')
  createTask(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateTaskBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<CreateTaskResult> {
    return this.commands.execute(
      new CreateTask(actorMeta(principal, correlationId), { caseId: id, ...body }),
    );
  }
}
