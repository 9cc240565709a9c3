import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_ENCODINGS, IMPORT_KINDS, IMPORT_STATUSES } from '@qingshou/imports';
import type { ImportKind } from '@qingshou/imports';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** The multipart fields besides the file. */
export class SubmitImportBody {
  @ApiProperty({ enum: IMPORT_KINDS })
  @IsIn(IMPORT_KINDS)
  kind!: ImportKind;

  @ApiPropertyOptional({
    description:
      'A mapping name (accounts, student-loans, coop-npl, leasing-receivables, housing-fund-loans, employer-contributions, card-cases, card-repayments, payments) or a mapping object as JSON; default: the kind’s generic mapping',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  mapping?: string;

  @ApiPropertyOptional({ enum: IMPORT_ENCODINGS, description: 'CSV only; detected when absent' })
  @IsOptional()
  @IsIn(IMPORT_ENCODINGS)
  encoding?: string;

  // Documents the multipart part; the bytes arrive through multer, never in this body.
  @ApiProperty({ type: 'string', format: 'binary' })
  @IsOptional()
  file?: unknown;
}

export class SubmittedImport {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: IMPORT_STATUSES })
  status!: string;

  @ApiProperty({ description: 'true: the same file, kind and mapping were already submitted' })
  duplicate!: boolean;
}

export class ImportCountsDto {
  @ApiProperty() debtorsCreated!: number;
  @ApiProperty() accountsCreated!: number;
  @ApiProperty({
    description: 'rows whose account was already imported (same source and reference)',
  })
  accountsExisting!: number;
  @ApiProperty() installmentsCreated!: number;
  @ApiProperty() paymentsCreated!: number;
  @ApiProperty() paymentsExisting!: number;
  @ApiProperty({ description: 'client-file receipts matched to a payment the agency recorded' })
  paymentsMatched!: number;
  @ApiProperty({
    description: 'client-file receipts held: same account, within the date window, another amount',
  })
  paymentsMismatched!: number;
  @ApiProperty() casesOpened!: number;
  @ApiProperty() groupMembersAdded!: number;
  @ApiProperty() relatedPartiesAdded!: number;
}

/** GET /imports/{id}: the import row; counts and rows/s move at every committed chunk. */
export class ImportResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: IMPORT_KINDS }) kind!: string;
  @ApiProperty() mappingName!: string;
  @ApiProperty({ description: 'the (source, external_ref) namespace written' }) source!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() fileSha256!: string;
  @ApiProperty() fileSize!: number;
  @ApiProperty({ enum: ['csv', 'xlsx'] }) fileFormat!: string;
  @ApiProperty({ nullable: true, example: 'gb18030', description: 'utf8, utf8-bom or gb18030' })
  encoding!: string | null;
  @ApiProperty({ enum: IMPORT_STATUSES }) status!: string;
  @ApiProperty({ description: 'rows read and committed so far' }) rowsTotal!: number;
  @ApiProperty() rowsOk!: number;
  @ApiProperty() rowsFailed!: number;
  @ApiProperty({ description: 'last file row committed (a retry resumes after it)' })
  lastRow!: number;
  @ApiProperty({ nullable: true }) rowsPerSecond!: number | null;
  @ApiProperty({ type: ImportCountsDto }) counts!: ImportCountsDto;
  @ApiProperty({ nullable: true }) error!: string | null;
  @ApiProperty({ nullable: true }) errorZh!: string | null;
  @ApiProperty({ nullable: true, description: 'the report file in storage, once finished' })
  errorReportKey!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty() requestedBy!: string;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ nullable: true }) startedAt!: string | null;
  @ApiProperty({ nullable: true }) finishedAt!: string | null;
}
