import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { PdfBrowserPool, PdfUnavailableError } from '@qingshou/notices';
import { GetPlanLetter } from '../get-plan-letter/get-plan-letter.query';
import { GetPlanLetterPdf } from './get-plan-letter-pdf.query';

/**
 * The agreement as GetPlanLetter renders it — its permission, the case's visibility and the
 * pinned pack's template decided there and only there — printed by the process's one letter
 * browser (the notices' PdfBrowserPool: scripts off, no fetches, pages capped). Not cached:
 * a plan's figures and the print date move, and a clerk prints an agreement once or twice.
 */
@QueryHandler(GetPlanLetterPdf)
export class GetPlanLetterPdfHandler implements IQueryHandler<GetPlanLetterPdf, Buffer> {
  constructor(
    private readonly queries: QueryBus,
    private readonly pool: PdfBrowserPool,
  ) {}

  async execute(query: GetPlanLetterPdf): Promise<Buffer> {
    const html: string = await this.queries.execute(
      new GetPlanLetter(
        {
          tenantId: query.tenantId,
          actorId: query.actorId,
          roles: query.roles,
          correlationId: query.correlationId,
        },
        query.caseId,
        query.planId,
      ),
    );
    if (!this.pool.installed) throw new PdfUnavailableError();
    return this.pool.print(html);
  }
}
