import { EntityManager } from '@mikro-orm/postgresql';
import { CommandBus } from '@nestjs/cqrs';
import { addDays, Clock, localDateOf } from '@qingshou/calendar';
import type { ActorMeta } from '@qingshou/core';
import { type DomainEvent, EventLog, TenantTx } from '@qingshou/db';
import { AccountBalances, type Balance, type LoadedAccount } from '@qingshou/ledger';
import {
  EvaluateFlags,
  LaunchDrive,
  RecomputeRatings,
  RecordKpiInput,
  SnapshotKpis,
} from '@qingshou/outcomes';
import { EvaluateCases } from '@qingshou/engine';
import { randomUUID } from 'node:crypto';
import { batchFor, type DemoBatch, demoBatches, recordDemoBatches } from './agency-batches';
import { analyzeDatabase } from './analyze-tables';
import { ACTIVITY, ACTIVITY_DAYS, logDemoActivity } from './demo-activity';
import type { DemoTenant } from './demo-tenants';
import { insertRows, writePortfolio } from './portfolio-writer';
import { recordCoopPlans } from './coop-plans';
import { PORTFOLIOS } from './portfolios';
import { COOP_DRIVE } from './portfolios/coop.portfolio';
import { Prng } from './prng';

export interface SeedOptions {
  /** The PRNG seed: the same seed gives the same books. */
  readonly seed: string;
  /** Accounts per tenant; default each kind's own size. */
  readonly size?: number;
  /** Run escalation for this many days before today too, oldest first (0: today only). */
  readonly historyDays: number;
  /** Daily KPI snapshots for this many days up to today (default 14), so dashboards trend. */
  readonly kpiDays?: number;
  /** Days of collectors' work logged up to today (default ACTIVITY_DAYS); cases open by then. */
  readonly activityDays?: number;
  /** The database owner's URL: planner statistics are refreshed after the book is written. */
  readonly ownerUrl?: string;
  readonly meta: (tenantId: string) => ActorMeta;
}

export interface TenantSummary {
  readonly slug: string;
  /** False when the tenant already had accounts and was left as it was. */
  readonly seeded: boolean;
  readonly accounts: number;
  readonly overdue: number;
  readonly cases: number;
  readonly tasksToday: number;
  readonly seconds: number;
}

/** How each pack opens cases (its `caseScope`). */
const CASE_SCOPE: Record<string, 'debtor' | 'account'> = {
  'leasing-dealer-arrears': 'debtor',
  'student-loan': 'debtor',
  'credit-coop-npl-drive': 'debtor',
  'housing-fund': 'debtor',
  'microloan-overdue': 'account',
  'card-collection-agency': 'account',
};
const COLLECTOR_ROLES = ['phone-collector', 'field-collector'];
const DEMO_ACTOR = 'demo-seed';
const DEFAULT_KPI_DAYS = 14;

/**
 * Gives a demo tenant a book of business: generates the portfolio (seeded, deterministic),
 * writes it set-based, snapshots every balance, opens a case for each overdue debtor or
 * account (as the pack's caseScope says), assigns them round-robin to the tenant's
 * collectors, launches the co-op's drive, and runs the engine up to today so the worklists
 * are full. A tenant that already has accounts is left alone.
 */
export class DemoPortfolioSeeder {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly balances: AccountBalances,
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  async seed(tenant: DemoTenant, tenantId: string, options: SeedOptions): Promise<TenantSummary> {
    const started = Date.now();
    const portfolio = PORTFOLIOS[tenant.kind];
    const existing = await this.tx.run(tenantId, (em) =>
      em.execute<{ n: string }[]>(`select count(*) as n from accounts where tenant_id = ?`, [
        tenantId,
      ]),
    );
    if (!portfolio || Number(existing[0].n) > 0) {
      return { ...(await this.summary(tenantId, tenant.slug)), seeded: false, seconds: 0 };
    }
    const now = this.clock.now();
    const timeZone = await this.tx.run(tenantId, async (em) => {
      const rows = await em.execute<{ time_zone: string }[]>(
        `select time_zone from tenants where id = ?`,
        [tenantId],
      );
      return rows[0].time_zone;
    });
    const today = localDateOf(now, timeZone);
    const book = portfolio.generate(new Prng(`${options.seed}:${tenant.slug}`), {
      today,
      size: options.size ?? portfolio.size,
    });
    const firstDay = addDays(today, -options.historyDays);
    await this.tx.run(tenantId, async (em) => {
      const loaded = await writePortfolio(em, tenantId, book, DEMO_ACTOR, now);
      const balances = await this.snapshotBalances(em, tenantId, loaded, today, now);
      const scope = CASE_SCOPE[tenant.pack] ?? 'account';
      await this.openCases(em, tenantId, loaded, balances, scope, {
        today,
        // Cases were being worked for a month before today (the activity's history).
        firstDay: addDays(today, -(options.activityDays ?? ACTIVITY_DAYS)),
        now,
        timeZone,
        batches: tenant.pack === 'card-collection-agency' ? demoBatches(today) : undefined,
      });
      const team = await this.formTeam(em, tenantId, now);
      await this.events.append(
        em,
        { tenantId, actorId: DEMO_ACTOR, correlationId: `demo-${randomUUID()}`, occurredAt: now },
        [
          ...team,
          {
            type: 'DemoPortfolioSeeded',
            aggregateType: 'tenant',
            aggregateId: tenantId,
            payload: {
              seed: options.seed,
              asOf: today,
              groups: book.groups.length,
              debtors: book.debtors.length,
              accounts: book.accounts.length,
            },
          },
        ],
      );
    });
    if (options.ownerUrl) await analyzeDatabase(options.ownerUrl);
    if (tenant.pack === 'credit-coop-npl-drive') {
      await this.commands.execute(
        new LaunchDrive(options.meta(tenantId), 'npl-drive', addDays(today, -COOP_DRIVE.daysAgo)),
      );
      await recordCoopPlans(this.tx, this.commands, options.meta(tenantId), tenantId);
    }
    for (let day = firstDay; day <= today; day = addDays(day, 1)) {
      await this.commands.execute(new EvaluateCases(options.meta(tenantId), day));
    }
    const activity = ACTIVITY[tenant.pack];
    if (activity) {
      await logDemoActivity(this.commands, this.tx, this.clock, tenantId, activity, {
        seed: `${options.seed}:${tenant.slug}`,
        now: this.clock.now(),
        days: options.activityDays ?? ACTIVITY_DAYS,
        timeZone,
        system: options.meta(tenantId),
      });
    }
    await this.commands.execute(new EvaluateFlags(options.meta(tenantId), today));
    for (const input of book.kpiInputs ?? []) {
      await this.commands.execute(new RecordKpiInput(options.meta(tenantId), input));
    }
    // The figures are recomputed from the dated ledger for each past day, oldest first.
    const kpiDays = options.kpiDays ?? DEFAULT_KPI_DAYS;
    for (
      let day = addDays(today, 1 - kpiDays);
      kpiDays > 0 && day <= today;
      day = addDays(day, 1)
    ) {
      await this.commands.execute(new SnapshotKpis(options.meta(tenantId), day));
      // As the daily run does: each group's rating (信用村) kept with the day it changed.
      await this.commands.execute(new RecomputeRatings(options.meta(tenantId), day));
    }
    const summary = await this.summary(tenantId, tenant.slug);
    return { ...summary, seeded: true, seconds: (Date.now() - started) / 1000 };
  }

  /**
   * 篇八: the supervisor distributes and reviews the collectors' cases. Where the tenant has a
   * supervisor, one team holds them as lead and the collectors as members, so the supervisor
   * sees (and may reassign) the collectors' cases. Rows as the seeder writes everything else
   * (the CLI does not load the collection handlers), with the TeamCreated event they imply.
   */
  private async formTeam(em: EntityManager, tenantId: string, now: Date): Promise<DomainEvent[]> {
    const users = await em.execute<{ id: string; roles: string[] }[]>(
      `select id, roles from users where tenant_id = ? and status = 'active'
         and roles && array['supervisor', 'phone-collector', 'field-collector']::text[]
       order by username`,
      [tenantId],
    );
    if (!users.some((u) => u.roles.includes('supervisor'))) return [];
    const id = randomUUID();
    const name = '催收一组';
    const members = users.map((u) => ({
      userId: u.id,
      role: u.roles.includes('supervisor') ? 'lead' : 'member',
    }));
    await insertRows(
      em,
      'teams',
      ['tenant_id', 'id', 'name', 'created_at'],
      [[tenantId, id, name, now]],
    );
    await insertRows(
      em,
      'team_members',
      ['tenant_id', 'team_id', 'user_id', 'role', 'added_at'],
      members.map((m) => [tenantId, id, m.userId, m.role, now]),
    );
    const after = { name, members };
    return [{ type: 'TeamCreated', aggregateType: 'team', aggregateId: id, payload: after, after }];
  }

  /** Computes every account as of today (with the pack's options and relief) and upserts. */
  private async snapshotBalances(
    em: EntityManager,
    tenantId: string,
    loaded: LoadedAccount[],
    today: string,
    now: Date,
  ): Promise<Map<string, Balance>> {
    await this.balances.attachRelief(em, tenantId, loaded);
    const byAccount = new Map<string, Balance>();
    const rows: unknown[][] = [];
    for (const one of loaded) {
      const b = this.balances.compute(tenantId, one, today);
      byAccount.set(one.account.id, b);
      rows.push([
        tenantId,
        one.account.id,
        b.asOf,
        b.overduePrincipal,
        b.overdueInterest,
        b.dueToday,
        b.penaltyInterest,
        b.compoundInterest,
        b.fees,
        b.totalDue,
        b.outstandingPrincipal,
        b.overpayment,
        b.dpd,
        b.agingBucket,
        b.loanClass,
        now,
      ]);
    }
    await insertRows(
      em,
      'account_balances',
      [
        'tenant_id',
        'account_id',
        'as_of',
        'overdue_principal',
        'overdue_interest',
        'due_today',
        'penalty_interest',
        'compound_interest',
        'fees',
        'total_due',
        'outstanding_principal',
        'overpayment',
        'dpd',
        'aging_bucket',
        'loan_class',
        'refreshed_at',
      ],
      rows,
    );
    return byAccount;
  }

  /**
   * One live case per overdue debtor (or account), opened the day after it fell behind or
   * on the first escalation day, whichever is later, and assigned that day round-robin.
   * The same rows and audit events OpenCase and AssignCase write, set-based.
   */
  private async openCases(
    em: EntityManager,
    tenantId: string,
    loaded: LoadedAccount[],
    balances: Map<string, Balance>,
    scope: 'debtor' | 'account',
    when: {
      today: string;
      firstDay: string;
      now: Date;
      timeZone: string;
      /** The agency's 委托批次: each case opens on its batch's date, from its import. */
      batches?: readonly DemoBatch[];
    },
  ): Promise<void> {
    const collectors = await em.execute<{ id: string }[]>(
      `select id from users where tenant_id = ? and status = 'active' and roles && ?::text[]
       order by username`,
      [tenantId, `{${COLLECTOR_ROLES.join(',')}}`],
    );
    const byDebtor = new Map<string, LoadedAccount[]>();
    for (const one of loaded) {
      const list = byDebtor.get(one.account.debtorId) ?? [];
      list.push(one);
      byDebtor.set(one.account.debtorId, list);
    }
    const dpd = (one: LoadedAccount) => balances.get(one.account.id)?.dpd ?? 0;
    const subjects: {
      debtorId: string;
      accountId: string | null;
      accountIds: string[];
      dpd: number;
    }[] = [];
    for (const [debtorId, accounts] of byDebtor) {
      if (scope === 'debtor') {
        const worst = Math.max(...accounts.map(dpd));
        if (worst > 0) {
          const ids = accounts.map((a) => a.account.id).sort();
          subjects.push({ debtorId, accountId: null, accountIds: ids, dpd: worst });
        }
      } else {
        for (const one of accounts) {
          if (dpd(one) > 0) {
            subjects.push({
              debtorId,
              accountId: one.account.id,
              accountIds: [one.account.id],
              dpd: dpd(one),
            });
          }
        }
      }
    }
    const cases: unknown[][] = [];
    const links: unknown[][] = [];
    const assignments: unknown[][] = [];
    const events: DomainEvent[] = [];
    const perBatch = new Map<string, number>();
    subjects.forEach((s, i) => {
      const id = randomUUID();
      const behindSince = addDays(when.today, 1 - s.dpd);
      const batch = when.batches ? batchFor(when.batches, behindSince) : null;
      if (batch) perBatch.set(batch.id, (perBatch.get(batch.id) ?? 0) + 1);
      const openedOn = batch?.date ?? (behindSince > when.firstDay ? behindSince : when.firstDay);
      const openedAt = new Date(`${openedOn}T01:00:00Z`);
      const assignee = collectors.length ? collectors[i % collectors.length].id : null;
      cases.push([
        tenantId,
        id,
        s.debtorId,
        scope,
        s.accountId,
        'open',
        assignee,
        0,
        openedOn,
        1,
        openedAt,
        openedAt,
        batch?.id ?? null,
      ]);
      for (const accountId of s.accountIds) links.push([tenantId, id, accountId]);
      const snapshot = {
        status: 'open',
        assigneeId: null,
        teamId: null,
        priority: 0,
        stage: null,
        overdueReasonCode: null,
        pausedUntil: null,
        closedOn: null,
      };
      events.push({
        type: 'CaseOpened',
        aggregateType: 'case',
        aggregateId: id,
        payload: { debtorId: s.debtorId, scope, accountIds: s.accountIds },
        before: null,
        after: { ...snapshot, debtorId: s.debtorId, scope, accountIds: s.accountIds },
        // Relayed like OpenCase's: the worker runs the pack's rules on them (篇八's first call).
        publish: ['domain-events'],
      });
      if (assignee) {
        assignments.push([tenantId, randomUUID(), id, assignee, DEMO_ACTOR, openedAt]);
        events.push({
          type: 'CaseAssigned',
          aggregateType: 'case',
          aggregateId: id,
          payload: {
            assigneeId: assignee,
            previousAssigneeId: null,
            teamId: null,
            handoverNote: null,
            tasksMoved: 0,
          },
          before: snapshot,
          after: { ...snapshot, assigneeId: assignee },
          publish: ['domain-events'],
        });
      }
    });
    if (when.batches) {
      await recordDemoBatches(em, tenantId, when.batches, perBatch, DEMO_ACTOR);
    }
    await insertRows(
      em,
      'cases',
      [
        'tenant_id',
        'id',
        'debtor_id',
        'scope',
        'account_id',
        'status',
        'assignee_id',
        'priority',
        'opened_on',
        'version',
        'created_at',
        'updated_at',
        'import_id',
      ],
      cases,
    );
    await insertRows(em, 'case_accounts', ['tenant_id', 'case_id', 'account_id'], links);
    await insertRows(
      em,
      'case_assignments',
      ['tenant_id', 'id', 'case_id', 'to_user_id', 'assigned_by', 'assigned_at'],
      assignments,
    );
    const ctx = {
      tenantId,
      actorId: DEMO_ACTOR,
      correlationId: `demo-${randomUUID()}`,
      occurredAt: when.now,
    };
    for (let i = 0; i < events.length; i += 1000) {
      await this.events.append(em, ctx, events.slice(i, i + 1000));
    }
  }

  /** Accounts, overdue accounts, open cases, open tasks due by the end of today. */
  async summary(
    tenantId: string,
    slug: string,
  ): Promise<Omit<TenantSummary, 'seeded' | 'seconds'>> {
    const now = this.clock.now();
    return this.tx.run(tenantId, async (em) => {
      const [zone] = await em.execute<{ time_zone: string }[]>(
        `select time_zone from tenants where id = ?`,
        [tenantId],
      );
      const today = localDateOf(now, zone.time_zone);
      const [row] = await em.execute<Record<string, string>[]>(
        `select
           (select count(*) from accounts where tenant_id = t.id) as accounts,
           (select count(*) from account_balances where tenant_id = t.id and dpd > 0) as overdue,
           (select count(*) from cases where tenant_id = t.id and closed_on is null) as cases,
           (select count(*) from tasks where tenant_id = t.id and status = 'open'
              and (due_at at time zone t.time_zone)::date <= ?::date) as tasks_today
         from tenants t where t.id = ?`,
        [today, tenantId],
      );
      return {
        slug,
        accounts: Number(row.accounts),
        overdue: Number(row.overdue),
        cases: Number(row.cases),
        tasksToday: Number(row.tasks_today),
      };
    });
  }
}
