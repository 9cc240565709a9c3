import { Body, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CreateUser, SignOutEverywhere } from '@qingshou/tenancy';
import { emptyForm, FormState, submitForm } from '../forms/form-state';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml, ConsoleRedirect } from '../http/console-redirect';
import { ListUsers, UserRow } from '../queries/list-users/list-users.query';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';
import { GRANTABLE_ROLES, readUserForm, USER_FORM } from './user-form';

/** Tenant admin: users and their roles; a new user goes through CreateUser (POST /users). */
@ConsoleController('admin/users', 'user.manage')
export class UsersPageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get()
  async show(@Page() page: PageContext): Promise<string> {
    return this.views.page('admin/users', page, await this.model(page, emptyForm(USER_FORM)));
  }

  @Post()
  async create(@Page() page: PageContext, @Body() body: unknown): Promise<string> {
    const read = await readUserForm(body);
    if (!read.ok) return this.fail(page, read.form);
    const { username, displayName, password, roles } = read.value;
    const done = await submitForm(
      USER_FORM,
      { username, displayName, roles: roles.join(',') },
      () =>
        this.commands.execute(new CreateUser(page.meta(), username, displayName, password, roles)),
    );
    if (!done.ok) return this.fail(page, done.form);
    if (!page.htmx) throw new ConsoleRedirect('/console/admin/users', 'flash.userCreated');
    return this.views.partial('admin/users.main', page, {
      ...(await this.model(page, emptyForm(USER_FORM))),
      flash: 'flash.userCreated',
    });
  }

  /** 全部下线: every session of the user ends at once (a lost phone, a shared password). */
  @Post(':id/sign-out')
  async signOut(@Page() page: PageContext, @Param('id', ParseUUIDPipe) id: string): Promise<never> {
    await this.commands.execute(new SignOutEverywhere(page.meta(), id));
    throw new ConsoleRedirect('/console/admin/users', 'flash.userSignedOut');
  }

  private async fail(page: PageContext, form: FormState): Promise<never> {
    const model = await this.model(page, form);
    const html = page.htmx
      ? await this.views.partial('admin/users.main', page, model)
      : await this.views.page('admin/users', page, model);
    throw new ConsoleHtml(html, 422);
  }

  private async model(page: PageContext, form: FormState) {
    const users = await this.queries.execute<ListUsers, UserRow[]>(new ListUsers(page.meta()));
    const ticked = new Set((form.values.roles ?? '').split(',').filter(Boolean));
    return {
      title: 'admin.users.title',
      users,
      form,
      roleChoices: GRANTABLE_ROLES.map((role) => ({ role, checked: ticked.has(role) })),
      rolesError: form.errors.roles ?? null,
      flash: null as string | null,
    };
  }
}
