import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { assertCaseVisible, requirePermission, systemMeta, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { NoticePreview, PreviewNotice } from '@qingshou/notices';
import { CaseLetters, checkLetterRequest } from '../case-notices/case-letter';
import { CaseNoticePreview, PreviewCaseNotice } from './preview-case-notice.query';

/** Nothing is stored, so a preview needs no key: the order's key is never written. */
const PREVIEW_KEY = 'preview';

/**
 * Decides access as IssueCaseNotice does (notice.preview; another collector's case → 404),
 * builds the same data, then renders it through the notices lib's PreviewNotice with the
 * pack's delivery rule and the letter's date — asked as the system, since access is decided.
 */
@QueryHandler(PreviewCaseNotice)
export class PreviewCaseNoticeHandler implements IQueryHandler<
  PreviewCaseNotice,
  CaseNoticePreview
> {
  constructor(
    private readonly tx: TenantTx,
    private readonly letters: CaseLetters,
    private readonly queries: QueryBus,
  ) {}

  async execute(query: PreviewCaseNotice): Promise<CaseNoticePreview> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'notice.preview');
    checkLetterRequest(query.letter);
    const { letter, ready } = await this.tx.run(query.tenantId, async (em) => {
      await assertCaseVisible(em, viewer, query.tenantId, query.letter.caseId);
      const prepared = await this.letters.prepare(em, query, query.letter, PREVIEW_KEY);
      return { letter: prepared, ready: await this.letters.data(em, prepared, 'preview') };
    });
    const preview: NoticePreview = await this.queries.execute(
      new PreviewNotice(
        systemMeta(query),
        { templateId: `${letter.ctx.pack.pack.id}/${letter.template.name}` },
        ready.data,
        { deliveryRule: letter.deliveryRule, issuedOn: letter.ctx.asOf },
      ),
    );
    return { ...preview, approvalKind: letter.gate?.kind ?? null, letterDate: letter.ctx.asOf };
  }
}
