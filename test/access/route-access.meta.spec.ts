import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { PERMISSIONS, isPermission, type Permission, type Role } from '@qingshou/core';
import { PERMISSION_KEY, PUBLIC_KEY, ROLES_KEY } from '../../apps/api/src/auth/access.decorators';
import { sampleBodyFor } from './support/sample-bodies';
import { CollectionTestApi, startCollectionApi } from '../collection/support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantRowCounts as rowCountsOf,
  tenantWithUsers,
} from '../collection/support/fixtures';

interface DeclaredRoute {
  readonly method: string;
  readonly path: string;
  readonly permission: unknown;
  readonly roles: unknown;
  readonly isPublic: boolean;
  /** The handler reads a request body (@Body) or an upload (@UploadedFile). */
  readonly takesBody: boolean;
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
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, name) ?? {}) as object;
        const bodyKinds = [RouteParamtypes.BODY, RouteParamtypes.FILE, RouteParamtypes.FILES];
        const takesBody = Object.keys(args).some((key) =>
          bodyKinds.includes(Number(key.split(':')[0]) as RouteParamtypes),
        );
        routes.push({
          method: RequestMethod[method],
          path: `/${[base, path].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/'),
          permission: meta(PERMISSION_KEY),
          roles: meta(ROLES_KEY),
          isPublic: meta(PUBLIC_KEY) === true,
          takesBody,
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
    // app.all() layers (the not-found fallbacks, registered once per HTTP verb, so they answer
    // every verb down to ACL) and the OpenAPI pages are not controller routes.
    if (!route || route.methods._all || route.methods.acl || route.path.startsWith('/api/docs')) {
      return [];
    }
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

  const tenantRowCounts = () => rowCountsOf(api);

  const call = (who: Member, method: string, path: string, body: object = {}) => {
    const http = api.http();
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const request = http[verb](path).set('Authorization', `Bearer ${who.token}`);
    // Console forms post urlencoded with the page's CSRF token (double submit), as the
    // browser does, so the refusal seen is the handler's and not the CSRF guard's.
    return path.startsWith('/console')
      ? request
          .set('Cookie', 'qs_csrf=meta-csrf')
          .set('x-csrf-token', 'meta-csrf')
          .type('form')
          .send(body)
      : request.send(body);
  };

  const idRoutes = () =>
    servedRoutes(api).filter(
      (r) => /:(id|taskId|subjectId)\b/.test(r.path) && !r.path.startsWith('/console/assets'),
    );

  /**
   * Each id route as the router serves it, with its declared permission and a VALID body for
   * a write (so validation passes and the handler itself must refuse). A route that takes a
   * body without a sample fails the test: a new route cannot slip past with a 400.
   */
  const probes = () => {
    const declared = new Map(declaredRoutes(api).map((r) => [`${r.method} ${r.path}`, r]));
    const missing: string[] = [];
    const list = idRoutes().map((route) => {
      const key = `${route.method} ${route.path.replace(/^\/api\/v1/, '')}`;
      const meta = declared.get(key);
      if (!meta) throw new Error(`${key} is served but not declared`);
      const needsBody = meta.takesBody && route.method !== 'GET';
      const body = needsBody ? sampleBodyFor(key) : {};
      if (!body) missing.push(key);
      return { key, route, permission: meta.permission as Permission, body: body ?? {} };
    });
    return { list, missing };
  };

  /** 404 when the role may do the thing (the object is hidden), 403 when it may not. */
  const expectedFor = (roles: readonly Role[], permission: Permission) =>
    PERMISSIONS[permission].some((r) => roles.includes(r)) ? 404 : 403;

  it('every write route that takes an id and a body has a valid sample body', () => {
    expect(probes().missing).toEqual([]);
  });

  it("another collector of the tenant gets 404 (or the role's 403) on every id route, and nothing is written", async () => {
    const { list } = probes();
    expect(list.length).toBeGreaterThan(20);
    const before = await tenantRowCounts();
    const wrong: string[] = [];
    for (const probe of list) {
      if (!isPermission(probe.permission)) {
        wrong.push(`${probe.key}: declares no permission of the matrix`);
        continue;
      }
      const response = await call(a.wang, probe.route.method, fill(probe.route.path), probe.body);
      const expected = expectedFor(['phone-collector'], probe.permission);
      if (response.status !== expected) {
        wrong.push(
          `${probe.key} → ${response.status} (expected ${expected}): ${response.text.slice(0, 160)}`,
        );
      }
    }
    expect(wrong).toEqual([]);
    expect(await tenantRowCounts()).toEqual(before);
    // The notice routes the issue found open now answer 404 to Wang.
    for (const suffix of ['', '/html', '/pdf', '/dispatches']) {
      await call(a.wang, 'GET', `/api/v1/notices/${ids.notice}${suffix}`).expect(404);
    }
    await call(a.wang, 'POST', `/api/v1/notices/${ids.notice}/delivery`, {
      status: 'sent',
      on: '2026-03-10',
    }).expect(404);
    await call(a.wang, 'POST', `/api/v1/debtors/${ids.debtor}/related-parties`, {
      kind: 'guarantor',
      name: '王五',
    }).expect(404);
    expect(await tenantRowCounts()).toEqual(before);
    // The owner still reads her letter: the 404 is about who asks, not a broken route.
    await call(a.li, 'GET', `/api/v1/notices/${ids.notice}`).expect(200);
  });

  it("a user of another tenant gets 404 (or the role's 403) on every id route", async () => {
    const before = await tenantRowCounts();
    const wrong: string[] = [];
    for (const probe of probes().list) {
      if (!isPermission(probe.permission)) {
        wrong.push(`${probe.key}: declares no permission of the matrix`);
        continue;
      }
      const response = await call(
        b.manager,
        probe.route.method,
        fill(probe.route.path),
        probe.body,
      );
      const expected = expectedFor(['manager'], probe.permission);
      if (response.status !== expected) {
        wrong.push(
          `${probe.key} → ${response.status} (expected ${expected}): ${response.text.slice(0, 160)}`,
        );
      }
    }
    expect(wrong).toEqual([]);
    expect(await tenantRowCounts()).toEqual(before);
  });
});
