import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { hasPermission } from '@qingshou/core';
import {
  AddContactPoint,
  CaseContactsView,
  GetCaseContacts,
  MarkDebtorReachable,
  MarkDebtorUnreachable,
  SetContactPointStatus,
} from '@qingshou/ledger';
import { Permission } from '../../auth/access.decorators';
import { FormState, formWithProblems, submitForm, validateForm } from '../forms/form-state';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml, ConsoleRedirect } from '../http/console-redirect';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';
import {
  AddContactPointBody,
  isPhoneSubtype,
  PHONE_AS_TYPED,
  PHONE_REASON,
  SetContactPointStatusBody,
} from './case-contacts.dto';
import { ADD_FORM, contactPanel, freshAddForm, statusSpec } from './case-contacts-panel';

/**
 * The case page's contact panel (issue 11 §2, views/cases/show.contacts.hbs): the debtor's
 * phones and addresses, related parties, groups and 失联. The page includes the panel, which
 * loads itself here; each action answers with the panel again (htmx swaps #case-contacts),
 * a plain form post with a redirect to the case. Who sees what whole is GetCaseContacts'.
 */
@ConsoleController('cases', 'case.read')
export class CaseContactsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  /** The panel; `reveal=1` is 显示完整 (reveal roles only, audited). */
  @Get(':id/contact-panel')
  async panel(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('reveal') reveal?: string,
  ): Promise<string> {
    return this.render(page, id, { reveal: reveal === '1' });
  }

  @Post(':id/contact-points')
  @Permission('contact-point.manage')
  async add(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<string> {
    const checked = await validateForm(AddContactPointBody, ADD_FORM, body);
    let failed: FormState | null = null;
    if (!checked.ok) failed = checked.form;
    else if (isPhoneSubtype(checked.value.subtype) && !PHONE_AS_TYPED.test(checked.value.value)) {
      failed = formWithProblems(
        ADD_FORM,
        checked.values,
        [{ path: 'value', reason: PHONE_REASON }],
        null,
        null,
      );
    } else {
      const v = checked.value;
      const owner = v.owner && v.owner !== 'debtor' ? v.owner : null;
      const outcome = await submitForm(ADD_FORM, checked.values, () =>
        this.commands.execute(
          new AddContactPoint(page.meta(), id, {
            kind: isPhoneSubtype(v.subtype) ? 'phone' : 'address',
            subtype: v.subtype,
            value: v.value,
            source: v.source ?? 'collector',
            relatedPartyId: owner,
          }),
        ),
      );
      if (!outcome.ok) failed = outcome.form;
    }
    if (failed) throw new ConsoleHtml(await this.render(page, id, { addForm: failed }), 422);
    return this.done(page, id, 'flash.contactPointAdded');
  }

  @Post(':id/contact-points/:pointId/status')
  @Permission('contact-point.manage')
  async setStatus(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('pointId', ParseUUIDPipe) pointId: string,
    @Body() body: unknown,
  ): Promise<string> {
    const spec = statusSpec(pointId);
    const checked = await validateForm(SetContactPointStatusBody, spec, body);
    let failed: FormState | null = checked.ok ? null : checked.form;
    if (checked.ok) {
      const outcome = await submitForm(spec, checked.values, () =>
        this.commands.execute(
          new SetContactPointStatus(page.meta(), id, pointId, checked.value.status),
        ),
      );
      if (!outcome.ok) failed = outcome.form;
    }
    if (failed) {
      const html = await this.render(page, id, { statusForms: { [pointId]: failed } });
      throw new ConsoleHtml(html, 422);
    }
    return this.done(page, id, 'flash.contactPointStatusSet');
  }

  /** 标记失联 */
  @Post(':id/unreachable')
  @Permission('contact-point.manage')
  async unreachable(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<string> {
    await this.commands.execute(new MarkDebtorUnreachable(page.meta(), id));
    return this.done(page, id, 'flash.debtorUnreachable');
  }

  /** 恢复联系: the debtor marked 失联 is reached again; clears the flag. */
  @Post(':id/reachable')
  @Permission('contact-point.manage')
  async reachable(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<string> {
    await this.commands.execute(new MarkDebtorReachable(page.meta(), id));
    return this.done(page, id, 'flash.debtorReachable');
  }

  private async done(page: PageContext, id: string, flash: string): Promise<string> {
    if (!page.htmx) throw new ConsoleRedirect(`/console/cases/${id}`, flash);
    return this.render(page, id, { flash });
  }

  private async render(
    page: PageContext,
    id: string,
    extras: {
      reveal?: boolean;
      addForm?: FormState;
      statusForms?: Record<string, FormState>;
      flash?: string;
    },
  ): Promise<string> {
    const view = await this.queries.execute<GetCaseContacts, CaseContactsView>(
      new GetCaseContacts(page.meta(), id, { reveal: extras.reveal === true }),
    );
    const mayManage = hasPermission(
      { userId: page.user.userId, roles: page.user.roles },
      'contact-point.manage',
    );
    return this.views.partial('cases/show.contacts', page, {
      title: 'case.title',
      contacts: contactPanel(page, view, {
        mayManage,
        addForm: extras.addForm ?? freshAddForm(),
        statusForms: extras.statusForms ?? {},
        flash: extras.flash ?? null,
      }),
    });
  }
}
