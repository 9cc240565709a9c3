import { Body, Get, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ActorMeta, NotFoundError } from '@qingshou/core';
import {
  AvailablePack,
  GetCurrentPack,
  InstallationView,
  ListAvailablePacks,
  ListPackInstallations,
} from '@qingshou/policy';
import { DryRunPack, DryRunReport } from '@qingshou/engine';
import { DryRunBody } from '../../policy/engine.dto';
import {
  emptyForm,
  FormSpec,
  FormState,
  formWithProblems,
  submitForm,
  validateForm,
} from '../forms/form-state';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml } from '../http/console-redirect';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';
import { nameIn } from '../dashboard/dashboard-model';
import { translateCode } from '../i18n/i18n';
import { dryRunModel, parameterRows } from './pack-model';

const DRY_RUN: FormSpec = { id: 'dry-run', fields: ['choice', 'params', 'asOf'] };
/** The bundled packs are files shipped with the release: read and validated once a minute. */
const AVAILABLE_TTL_MS = 60_000;

/** The installed pack with its parameters, its history, and a dry run of another version. */
@ConsoleController('admin/pack', 'console.pack')
export class PackPageController {
  private available: { at: number; packs: Promise<AvailablePack[]> } | null = null;

  constructor(
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  /** Stale while revalidating: after the first load no page waits for the pack files. */
  private availablePacks(meta: ActorMeta): Promise<AvailablePack[]> {
    const cached = this.available;
    if (cached && Date.now() - cached.at <= AVAILABLE_TTL_MS) return cached.packs;
    const packs = this.queries.execute<ListAvailablePacks, AvailablePack[]>(
      new ListAvailablePacks(meta, false),
    );
    if (cached) {
      this.available = { at: Date.now(), packs: cached.packs };
      packs.then(
        () => (this.available = { at: Date.now(), packs }),
        () => undefined,
      );
      return cached.packs;
    }
    this.available = { at: Date.now(), packs };
    packs.catch(() => (this.available = null));
    return packs;
  }

  @Get()
  async show(@Page() page: PageContext): Promise<string> {
    return this.views.page('admin/pack', page, await this.model(page, null, null));
  }

  /** POST /packs/dry-run's query: what the chosen pack would do, writing nothing. */
  @Post('dry-run')
  async dryRun(@Page() page: PageContext, @Body() body: unknown): Promise<string> {
    const raw = (body ?? {}) as Record<string, unknown>;
    const choice = String(raw.choice ?? '');
    const [pack, version] = choice.split('@');
    let params: unknown = {};
    const paramsText = String(raw.params ?? '').trim();
    const values = { choice, params: paramsText, asOf: String(raw.asOf ?? '') };
    try {
      params = paramsText ? JSON.parse(paramsText) : {};
    } catch {
      return this.fail(page, {
        ...emptyForm(DRY_RUN, values),
        errors: { params: [page.t('admin.pack.paramsJson')] },
      });
    }
    const checked = await validateForm(DryRunBody, DRY_RUN, {
      pack,
      version,
      ...(values.asOf ? { asOf: values.asOf } : {}),
    });
    if (!checked.ok) {
      return this.fail(page, {
        ...checked.form,
        values,
        errors: { choice: Object.values(checked.form.errors).flat() },
      });
    }
    if (!params || typeof params !== 'object' || Array.isArray(params)) {
      return this.fail(page, {
        ...emptyForm(DRY_RUN, values),
        errors: { params: [page.t('admin.pack.paramsJson')] },
      });
    }
    const done = await submitForm(DRY_RUN, values, () =>
      this.queries.execute<DryRunPack, DryRunReport>(
        new DryRunPack(
          page.meta(),
          pack,
          version,
          params as Record<string, unknown>,
          checked.value.asOf,
        ),
      ),
    );
    if (!done.ok) {
      // A parameter's problem (`params.launchDate`) goes next to the JSON box, named.
      const problems = done.error.problems.map((p) => ({
        path: /^(body\.)?params\b/.test(p.path) ? 'params' : p.path,
        reason: `${p.path}: ${p.reason}`,
      }));
      return this.fail(
        page,
        formWithProblems(DRY_RUN, values, problems, done.error.message, done.error.code),
      );
    }
    const model = await this.model(page, emptyForm(DRY_RUN, values), dryRunModel(done.result));
    return page.htmx
      ? this.views.partial('admin/pack.dry-run', page, model)
      : this.views.page('admin/pack', page, model);
  }

  private async fail(page: PageContext, form: FormState): Promise<never> {
    const model = await this.model(page, form, null);
    const html = page.htmx
      ? await this.views.partial('admin/pack.dry-run', page, model)
      : await this.views.page('admin/pack', page, model);
    throw new ConsoleHtml(html, 422);
  }

  private async model(
    page: PageContext,
    form: FormState | null,
    result: ReturnType<typeof dryRunModel> | null,
  ) {
    const meta = page.meta();
    const [current, history, available] = await Promise.all([
      this.queries
        .execute<GetCurrentPack, InstallationView>(new GetCurrentPack(meta))
        .catch((error: unknown) => {
          if (error instanceof NotFoundError) return null;
          throw error;
        }),
      this.queries.execute<ListPackInstallations, InstallationView[]>(
        new ListPackInstallations(meta),
      ),
      this.availablePacks(meta),
    ]);
    const choices = available
      .filter((p) => p.valid)
      .map((p) => ({
        value: `${p.id}@${p.version}`,
        // By name and version (学生贷款方案（版本 1.0.0）), never the pack's id.
        label: `${nameIn(page.lang, p.names as { zh?: string; en?: string }, p.id)}（${page.t('pack.versionOf', { version: p.version })}）`,
      }));
    const currentChoice = current
      ? `${current.packId}@${current.version}`
      : (choices[0]?.value ?? '');
    const defaultParams = current ? JSON.stringify(current.params, null, 2) : '{}';
    return {
      title: 'admin.pack.title',
      current: current
        ? {
            packId: current.packId,
            version: current.version,
            name: nameIn(page.lang, current.resolved?.spec.names, current.packId),
            installedAt: current.installedAt,
            digest: current.digest.slice(0, 12),
            parameters: current.resolved ? parameterRows(page.lang, current.resolved) : [],
          }
        : null,
      history,
      choices,
      // The dry run's pack as the choice list names it.
      // Letters by their titles (the installed pack's templates), recipients in words.
      result: result
        ? {
            ...result,
            pack: choices.find((c) => c.value === result.pack)?.label ?? result.pack,
            notices: result.notices.map((n) => ({
              ...n,
              template: current?.resolved?.templates[n.template]?.title ?? page.t('notices.letter'),
              recipient: translateCode(page.lang, 'contact.party', n.recipient),
            })),
          }
        : null,
      form: form ?? emptyForm(DRY_RUN, { choice: currentChoice, params: defaultParams, asOf: '' }),
    };
  }
}
