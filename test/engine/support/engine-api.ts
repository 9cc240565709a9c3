import type { EntityManager } from '@mikro-orm/postgresql';
import { CommandBus } from '@nestjs/cqrs';
import { systemMeta } from '@qingshou/core';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ApiModule } from '../../../apps/api/src/api.module';
import { configureApp } from '../../../apps/api/src/http/configure-app';
import { Clock, FixedClock } from '../../../libs/calendar/src';
import {
  ApprovalPolicy,
  ApprovalRequestContext,
  ContactDecision,
  ContactPolicy,
  ContactRequest,
  ContactTerms,
} from '../../../libs/collection/src';
import type { Role } from '../../../libs/core/src';
import { PLATFORM_TENANT_ID } from '../../../libs/db/src';
import { NoticeTemplateFile, NoticeTemplateSource } from '../../../libs/notices/src';
import { InstallPack } from '../../../libs/policy/src';
import {
  EvaluateCases,
  EvaluationSummary,
  PackApprovalPolicy,
  PackContactPolicy,
  PackSnapshotTemplateSource,
} from '../../../libs/engine/src';
import type { CollectionTestApi } from '../../collection/support/collection-api';
import { connect, createTestDatabase } from '../../support/test-db';

/**
 * Nest resolves a port inside the module that provides it, so a test binds the engine's
 * implementations through these forwarders: overridden before compile, pointed at the
 * engine's instances after. (An app binds them with `withPorts(ENGINE_COLLECTION_PORTS)`.)
 */
class ContactForwarder extends ContactPolicy {
  target?: ContactPolicy;
  check(r: ContactRequest, em?: EntityManager): Promise<ContactDecision> {
    return (this.target as ContactPolicy).check(r, em);
  }
  override checkAll(rs: readonly ContactRequest[], em?: EntityManager): Promise<ContactDecision[]> {
    return (this.target as ContactPolicy).checkAll(rs, em);
  }
  override terms(tenantId: string): Promise<ContactTerms> {
    return (this.target as ContactPolicy).terms(tenantId);
  }
}
class ApprovalForwarder extends ApprovalPolicy {
  target?: ApprovalPolicy;
  approverRole(r: ApprovalRequestContext): Promise<Role> {
    return (this.target as ApprovalPolicy).approverRole(r);
  }
}
class TemplateForwarder extends NoticeTemplateSource {
  target?: NoticeTemplateSource;
  find(tenantId: string, id: string): Promise<NoticeTemplateFile | undefined> {
    return (this.target as NoticeTemplateSource).find(tenantId, id);
  }
}

/** The real HTTP stack with a fixed clock and the policy engine bound to collection and notices. */
export async function startEngineApi(now: string): Promise<CollectionTestApi> {
  process.env.NODE_ENV = 'test';
  const db = await createTestDatabase();
  const clock = new FixedClock(now);
  const storageDir = await mkdtemp(join(tmpdir(), 'qs-engine-'));
  const contact = new ContactForwarder();
  const approval = new ApprovalForwarder();
  const templates = new TemplateForwarder();
  const moduleRef = await Test.createTestingModule({
    imports: [
      ApiModule.forRoot({
        config: db.config,
        queuePrefix: `qs-test-${randomBytes(4).toString('hex')}`,
      }),
    ],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .overrideProvider(ContactPolicy)
    .useValue(contact)
    .overrideProvider(ApprovalPolicy)
    .useValue(approval)
    .overrideProvider(NoticeTemplateSource)
    .useValue(templates)
    .compile();
  const app = configureApp(moduleRef.createNestApplication({ logger: false }));
  await app.init();
  contact.target = app.get(PackContactPolicy, { strict: false });
  approval.target = app.get(PackApprovalPolicy, { strict: false });
  templates.target = app.get(PackSnapshotTemplateSource, { strict: false });
  return {
    app,
    db,
    clock,
    storageDir,
    http: () => request(app.getHttpServer()),
    commands: app.get(CommandBus),
    async close() {
      await app.close();
      await db.drop();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}

/** Setting up a scenario is the system's work (like the CLI's demo seed). */
export const meta = (tenantId: string, actorId = 'test-setup') =>
  systemMeta({ tenantId, actorId, correlationId: `test-${randomBytes(4).toString('hex')}` });

export async function installPack(
  api: CollectionTestApi,
  tenantId: string,
  pack = 'test-engine-ladder',
  params: Record<string, unknown> = {},
): Promise<void> {
  await api.commands.execute(
    new InstallPack(meta(tenantId), PLATFORM_TENANT_ID, pack, undefined, params),
  );
}

/** 02:00 in Shanghai on `date`: the nightly run's hour. */
export function nightOf(date: string): string {
  return `${date}T02:00:00+08:00`;
}

export function evaluate(
  api: CollectionTestApi,
  tenantId: string,
  asOf: string,
): Promise<EvaluationSummary> {
  return api.commands.execute(new EvaluateCases(meta(tenantId, 'scheduler'), asOf));
}

/** Rows per table for one tenant, as the owner sees them (RLS off): what was really written. */
export const COUNTED = [
  'cases',
  'tasks',
  'notices',
  'approvals',
  'event_log',
  'outbox',
  'case_stage_history',
  'engine_actions',
  'pack_flags',
  'blacklist',
] as const;

/** Row counts of COUNTED plus the sum of case versions (an update shows there too). */
export async function rowCounts(
  api: CollectionTestApi,
  tenantId: string,
): Promise<Record<string, number>> {
  const client = await connect(api.db.ownerUrl);
  try {
    const counts: Record<string, number> = {};
    for (const table of COUNTED) {
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from ${table} where tenant_id = $1`,
        [tenantId],
      );
      counts[table] = rows[0].n;
    }
    const { rows } = await client.query<{ v: number }>(
      `select coalesce(sum(version), 0)::int as v from cases where tenant_id = $1`,
      [tenantId],
    );
    counts['cases.version'] = rows[0].v;
    return counts;
  } finally {
    await client.end();
  }
}
