import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { PERMISSIONS, isPermission } from '@qingshou/core';
import { PERMISSION_KEY, PUBLIC_KEY, ROLES_KEY } from '../../apps/api/src/auth/access.decorators';
import { CollectionTestApi, startCollectionApi } from '../collection/support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from '../collection/support/fixtures';

interface DeclaredRoute {
  readonly method: string;
  readonly path: string;
  readonly permission: unknown;
  readonly roles: unknown;
  readonly isPublic: boolean;
}

/** Every controller route with its access metadata, read from Nest's module graph. */
function declaredRoutes(api: CollectionTestApi): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const module of api.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!type) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const meta = (key: string) =>
          Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, type);
        routes.push({
          method: RequestMethod[method],
          path: `/${[base, path].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/'),
          permission: meta(PERMISSION_KEY),
          roles: meta(ROLES_KEY),
          isPublic: meta(PUBLIC_KEY) === true,
        });
      }
    }
  }
  return routes;
}

/** Every route Express serves: method and path, from the router itself. */
function servedRoutes(api: CollectionTestApi): { method: string; path: string }[] {
  const express = api.app.getHttpAdapter().getInstance() as {
    _router?: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    router?: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const verbs = ['get', 'post', 'put', 'patch', 'delete'];
  return stack.flatMap((layer) => {
    const route = layer.route;
    // app.all() layers (the not-found fallbacks) and the OpenAPI pages are not controller routes.
    if (!route || route.methods._all || route.path.startsWith('/api/docs')) return [];
    return Object.keys(route.methods)
      .filter((m) => verbs.includes(m))
      .map((m) => ({ method: m.toUpperCase(), path: route.path }));
  });
}

describe('issue 12: access is one matrix and every id route hides what the caller may not see', () => {
  let api: CollectionTestApi;
  let a: Record<'manager' | 'wang' | 'li', Member>;
  let b: Record<'manager', Member>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-03-11T02:00:00Z' });
    const tenantA = await tenantWithUsers(api, 'acc-a', {
      manager: ['manager'],
      wang: ['phone-collector'],
      li: ['phone-collector'],
    });
    a = tenantA.users;
    b = (await tenantWithUsers(api, 'acc-b', { manager: ['manager'] })).users;
    const liBook = await debtorWithOverdueAccount(api, tenantA.tenantId, {
      name: '李四',
      principal: '8000.00',
      dueOn: '2026-03-01',
      startDate: '2026-02-01',
    });
    const wangBook = await debtorWithOverdueAccount(api, tenantA.tenantId, {
      name: '张三',
      principal: '5000.00',
      dueOn: '2026-03-01',
      startDate: '2026-02-01',
    });
    const liCase = await openCase(api, a.manager, liBook.debtorId);
    const wangCase = await openCase(api, a.manager, wangBook.debtorId);
    await assign(api, a.manager, liCase, a.li);
    await assign(api, a.manager, wangCase, a.wang);
    // Li's letter, stored as an issued notice is (the issue path is another part of issue 12).
    const [notice] = await ownerQuery<{ id: string }>(
      api,
      `insert into notices (tenant_id, id, case_id, debtor_id, template_id, pack_version,
                            template_hash, channel, title, rendered_html, data, idempotency_key,
                            issued_by, created_at, updated_at)
       values ($1, gen_random_uuid(), $2, $3, 't/overdue', '1.0.0', repeat('a', 64), 'letter', '催收函',
               '<p>催收函</p>', '{}', 'acc-li-1', $4, now(), now())
       returning id`,
      [tenantA.tenantId, liCase, liBook.debtorId, a.manager.id],
    );
    Object.assign(ids, {
      case: liCase,
      debtor: liBook.debtorId,
      account: liBook.accountId,
      notice: notice!.id,
    });
  }, 120_000);
  afterAll(async () => api.close());

  it('every route declares a permission of the matrix, and its roles are exactly the matrix', () => {
    const declared = declaredRoutes(api).filter((r) => !r.isPublic);
    expect(declared.length).toBeGreaterThan(80);
    const wrong = declared.filter(
      (r) =>
        !isPermission(r.permission) ||
        JSON.stringify([...(r.roles as string[])].sort()) !==
          JSON.stringify([...PERMISSIONS[r.permission]].sort()),
    );
    expect(wrong.map((r) => `${r.method} ${r.path} → ${String(r.permission)}`)).toEqual([]);
  });

  it('the router serves every declared route (the scanner misses none)', () => {
    const served = new Set(
      servedRoutes(api).map((r) => `${r.method} ${r.path.replace(/^\/api\/v1/, '')}`),
    );
    const unserved = declaredRoutes(api).filter((r) => !served.has(`${r.method} ${r.path}`));
    expect(unserved.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  /** A real id of Li's for a path, else a fresh uuid (still must not answer). */
  const fill = (path: string) =>
    path.replace(/:(\w+)/g, (_m, name: string) => {
      const before = path.slice(0, path.indexOf(`:${name}`));
      if (name === 'id') {
        if (/\/cases\/$/.test(before)) return ids.case!;
        if (/\/notices\/$/.test(before)) return ids.notice!;
        if (/\/debtors\/$/.test(before)) return ids.debtor!;
        if (/\/accounts\/$/.test(before)) return ids.account!;
      }
      if (name === 'slug') return 'acc-a';
      if (name === 'lang' || name === 'name' || name === 'reportId' || name === 'key') return 'x';
      if (name === 'subject') return 'case';
      return '3f0f6d8e-0000-4000-8000-000000000000';
    });

  const tenantRowCounts = async () => {
    const tables = await ownerQuery<{ table_name: string }>(
      api,
      `select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'tenant_id' order by 1`,
    );
    const counts: Record<string, number> = {};
    for (const { table_name } of tables) {
      const [row] = await ownerQuery<{ n: number }>(
        api,
        `select count(*)::int as n from "${table_name}"`,
      );
      counts[table_name] = row!.n;
    }
    return counts;
  };

  const call = (who: Member, method: string, path: string) => {
    const http = api.http();
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const request = http[verb](path).set('Authorization', `Bearer ${who.token}`);
    return path.startsWith('/console') ? request.set('Cookie', '').send({}) : request.send({});
  };

  const idRoutes = () =>
    servedRoutes(api).filter(
      (r) => /:(id|taskId|subjectId)\b/.test(r.path) && !r.path.startsWith('/console/assets'),
    );

  it("another collector of the tenant gets 404 (or the role's 403) on every id route, and nothing is written", async () => {
    const routes = idRoutes();
    expect(routes.length).toBeGreaterThan(20);
    const before = await tenantRowCounts();
    const answered: string[] = [];
    const wrong: string[] = [];
    for (const route of routes) {
      const path = fill(route.path);
      const response = await call(a.wang, route.method, path);
      answered.push(`${route.method} ${route.path} ${response.status}`);
      const usesRealId = Object.values(ids).some((id) => path.includes(id));
      const allowed = usesRealId && route.method === 'GET' ? [403, 404] : [400, 403, 404];
      if (!allowed.includes(response.status))
        wrong.push(`${route.method} ${path} → ${response.status}`);
    }
    expect(wrong).toEqual([]);
    expect(await tenantRowCounts()).toEqual(before);
    // The notice routes the issue found open now answer 404 to Wang.
    for (const suffix of ['', '/html', '/pdf', '/dispatches']) {
      await call(a.wang, 'GET', `/api/v1/notices/${ids.notice}${suffix}`).expect(404);
    }
    await call(a.wang, 'POST', `/api/v1/notices/${ids.notice}/delivery`)
      .send({ status: 'sent', on: '2026-03-10' })
      .expect(404);
    await call(a.wang, 'POST', `/api/v1/debtors/${ids.debtor}/related-parties`)
      .send({ kind: 'guarantor', name: '王五' })
      .expect(404);
    expect(await tenantRowCounts()).toEqual(before);
    // The owner still reads her letter: the 404 is about who asks, not a broken route.
    await call(a.li, 'GET', `/api/v1/notices/${ids.notice}`).expect(200);
  });

  it("a user of another tenant gets 404 (or the role's 403) on every id route", async () => {
    const before = await tenantRowCounts();
    const wrong: string[] = [];
    for (const route of idRoutes()) {
      const path = fill(route.path);
      const response = await call(b.manager, route.method, path);
      if (![400, 403, 404].includes(response.status))
        wrong.push(`${route.method} ${path} → ${response.status}`);
    }
    expect(wrong).toEqual([]);
    expect(await tenantRowCounts()).toEqual(before);
  });
});
