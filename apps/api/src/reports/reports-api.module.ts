import { Module } from '@nestjs/common';
import { ReportingModule } from '@qingshou/reporting';
import { LegalHoldController } from './legal-hold.controller';
import { ReportsController } from './reports.controller';

/** /api/v1/reports and the legal-hold route; api.module imports this one module. */
@Module({
  imports: [ReportingModule],
  controllers: [ReportsController, LegalHoldController],
})
export class ReportsApiModule {}
