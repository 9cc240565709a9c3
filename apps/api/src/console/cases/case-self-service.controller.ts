import { Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { DomainError } from '@qingshou/core';
import { Permission } from '../../auth/access.decorators';
import { IssueDebtorLink, RevokeDebtorLink } from '@qingshou/self-service';
import {
  DebtorLinksView,
  ListDebtorLinks,
} from '../../self-service/list-links/list-debtor-links.query';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml, ConsoleRedirect } from '../http/console-redirect';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';

/**
 * 债务人自助链接 on the case page (issue 16 §3): send the debtor a link by SMS, see each link's
 * state (有效/已过期/已作废/已锁定) and 作废 one at once. IssueDebtorLink and RevokeDebtorLink
 * decide who may and what the pack allows; the panel only words it.
 */
@ConsoleController('cases', 'case.read')
export class CaseSelfServiceController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get(':id/self-service')
  async panel(@Page() page: PageContext, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return this.render(page, id, null, 200);
  }

  @Post(':id/self-service')
  @HttpCode(200)
  @Permission('case.work')
  async send(@Page() page: PageContext, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return this.run(page, id, 'flash.debtorLinkSent', () =>
      this.commands.execute(new IssueDebtorLink(page.meta(), id, 'sms')),
    );
  }

  @Post(':id/self-service/:linkId/revoke')
  @HttpCode(200)
  @Permission('case.work')
  async revoke(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('linkId', ParseUUIDPipe) linkId: string,
  ): Promise<string> {
    return this.run(page, id, 'flash.debtorLinkRevoked', () =>
      this.commands.execute(new RevokeDebtorLink(page.meta(), id, linkId)),
    );
  }

  private async run(
    page: PageContext,
    id: string,
    flash: string,
    act: () => Promise<unknown>,
  ): Promise<string> {
    try {
      await act();
    } catch (error) {
      if (!(error instanceof DomainError) || error.status >= 500 || error.status === 404) {
        throw error;
      }
      return this.render(page, id, page.t('selfService.refused'), 422);
    }
    throw new ConsoleRedirect(`/console/cases/${id}`, flash);
  }

  private async render(
    page: PageContext,
    id: string,
    error: string | null,
    status: number,
  ): Promise<string> {
    const data = await this.queries.execute<ListDebtorLinks, DebtorLinksView>(
      new ListDebtorLinks(page.meta(), id),
    );
    const model = { title: 'selfService.title', caseId: id, data, error };
    const html = page.htmx
      ? await this.views.partial('cases/show.self-service', page, model)
      : await this.views.page('cases/self-service', page, model);
    if (status !== 200) throw new ConsoleHtml(html, status);
    return html;
  }
}
