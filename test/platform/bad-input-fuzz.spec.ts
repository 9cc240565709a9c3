import { sampleBodyFor } from '../access/support/sample-bodies';
import { CollectionTestApi, startCollectionApi } from '../collection/support/collection-api';
import {
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantRowCounts as rowCountsOf,
  tenantWithUsers,
} from '../collection/support/fixtures';

interface WriteRoute {
  readonly method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
}

type Stack = { route?: { path: string; methods: Record<string, boolean> } }[];

/** Every write route Express serves (controllers, not app.all fallbacks), from the router. */
function writeRoutes(api: CollectionTestApi): WriteRoute[] {
  const express = api.app.getHttpAdapter().getInstance() as {
    _router?: { stack: Stack };
    router?: { stack: Stack };
  };
  const verbs = ['post', 'put', 'patch', 'delete'];
  const routes = ((express.router ?? express._router)?.stack ?? []).flatMap(({ route }) => {
    if (!route || route.methods._all || route.path.startsWith('/api/docs')) return [];
    return Object.keys(route.methods)
      .filter((m) => verbs.includes(m))
      .map((m) => ({ method: m.toUpperCase() as WriteRoute['method'], path: route.path }));
  });
  // Express 5 lists a path once per layer that serves it (up to four: 1,035 entries for 379
  // routes); the same request to the same route answers the same, so each is sent once.
  const unique = new Map(routes.map((r) => [`${r.method} ${r.path}`, r]));
  return [...unique.values()];
}

const COMMON_FIELDS = { name: '王五', reason: '核实', note: '备注', on: '2026-03-10' };

/**
 * A valid-looking body: the route meta-test's sample, else a few common fields. A route that
 * takes no fields (标记失联 / 恢复联系: the form posts only its CSRF token, sample `{}`) gets
 * the common ones too — an empty body carries no bad value, so the route would rightly act
 * on it; with them the bad value reaches the route and must be refused before it acts.
 */
const baseBody = (route: WriteRoute): Record<string, unknown> => {
  const sample = sampleBodyFor(`${route.method} ${route.path.replace(/^\/api\/v1/, '')}`) as
    Record<string, unknown> | undefined;
  return { ...(sample && Object.keys(sample).length > 0 ? sample : COMMON_FIELDS) };
};

/** Each string field of the body with `mark` appended (every field, so one reaching a handler shows). */
const markStrings = (body: Record<string, unknown>, mark: string) =>
  Object.fromEntries(
    Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? `${v}${mark}` : v]),
  );

const DATE = /^\d{4}-\d{2}-\d{2}/;
const deepJson = (depth: number) => `{"a":${'['.repeat(depth)}1${']'.repeat(depth)}}`;
const deepForm = (depth: number) => `${'a'}${'[b]'.repeat(depth)}=1`;

/**
 * Issue 14 part 1: each class of bad input, sent to every write route the router serves, is
 * a 4xx (never a 5xx, which is what the issue found) and writes nothing in any tenant table.
 * Ids in paths are real where the route takes a case/debtor/account/notice, so a handler that
 * let bad input through would act on a real row.
 */
describe('issue 14: bad input to every write route is a 4xx and writes nothing', () => {
  let api: CollectionTestApi;
  let admin: Member;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-03-11T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'fuzz-a', {
      admin: ['tenant-admin', 'manager', 'finance', 'clerk'],
    });
    admin = tenant.users.admin;
    const book = await debtorWithOverdueAccount(api, tenant.tenantId, {
      name: '李四',
      principal: '8000.00',
      dueOn: '2026-03-01',
      startDate: '2026-02-01',
    });
    const caseId = await openCase(api, admin, book.debtorId);
    const [notice] = await ownerQuery<{ id: string }>(
      api,
      `insert into notices (tenant_id, id, case_id, debtor_id, template_id, pack_version,
                            template_hash, channel, title, rendered_html, data, idempotency_key,
                            issued_by, created_at, updated_at)
       values ($1, gen_random_uuid(), $2, $3, 't/overdue', '1.0.0', repeat('a', 64), 'letter',
               '催收函', '<p>催收函</p>', '{}', 'fuzz-1', $4, now(), now())
       returning id`,
      [tenant.tenantId, caseId, book.debtorId, admin.id],
    );
    Object.assign(ids, {
      cases: caseId,
      debtors: book.debtorId,
      accounts: book.accountId,
      notices: notice!.id,
    });
  }, 120_000);
  afterAll(async () => api.close());

  const fill = (path: string) =>
    path.replace(/\/(\w+)\/:(\w+)/g, (_m, parent: string, name: string) => {
      const real = name === 'id' ? ids[parent] : undefined;
      return `/${parent}/${real ?? (name === 'slug' ? 'fuzz-a' : '3f0f6d8e-0000-4000-8000-000000000000')}`;
    });

  const tenantRowCounts = () => rowCountsOf(api);

  /** One request: JSON to the API, urlencoded (with the CSRF double submit) to the console. */
  const send = (route: WriteRoute, body: object | string, type?: 'json' | 'form') => {
    const verb = route.method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete';
    const console = route.path.startsWith('/console');
    const http = api.http();
    const request = http[verb](fill(route.path))
      .set('Authorization', `Bearer ${admin.token}`)
      .set('Cookie', 'qs_csrf=fuzz-csrf')
      .set('x-csrf-token', 'fuzz-csrf')
      .type(type ?? (console ? 'form' : 'json'));
    return request.send(body);
  };

  const CLASSES: Record<string, (route: WriteRoute) => [object | string, ('json' | 'form')?]> = {
    'a body over 1 MB': (route) => [{ ...baseBody(route), note: 'x'.repeat(1_100_000) }],
    'NUL in every string field': (route) => [markStrings(baseBody(route), '\u0000')],
    // A urlencoded form cannot carry a lone surrogate (it decodes as text), so the console's
    // forms get it as JSON, which Express parses for them too.
    'a lone surrogate in every string field': (route) => [
      markStrings(baseBody(route), '\ud800'),
      'json',
    ],
    'nesting 30,000 deep': (route) =>
      route.path.startsWith('/console') ? [deepForm(30_000), 'form'] : [deepJson(30_000), 'json'],
    'the date 0000-01-01': (route) => {
      const body = baseBody(route);
      const dates = Object.keys(body).filter((k) => DATE.test(String(body[k])));
      for (const k of dates.length ? dates : ['on']) body[k] = '0000-01-01';
      return [body];
    },
  };

  it('the router serves write routes of the API and the console', () => {
    const routes = writeRoutes(api);
    expect(routes.filter((r) => r.path.startsWith('/api/v1')).length).toBeGreaterThan(40);
    expect(routes.filter((r) => r.path.startsWith('/console')).length).toBeGreaterThan(5);
  });

  it.each(Object.keys(CLASSES))(
    '%s: every write route answers 4xx (problem+json, the console a Chinese page), and no tenant row changes',
    async (name) => {
      const before = await tenantRowCounts();
      const wrong: string[] = [];
      for (const route of writeRoutes(api)) {
        const [body, type] = CLASSES[name]!(route);
        const response = await send(route, body, type);
        // The API answers problem+json; a console form is answered with a page a person
        // reads (议题 11: never JSON), which must not be a 5xx either.
        const expected = route.path.startsWith('/console')
          ? /text\/html/
          : /application\/problem\+json/;
        const problem = expected.test(String(response.headers['content-type']));
        if (response.status < 400 || response.status > 499 || !problem) {
          wrong.push(
            `${route.method} ${route.path} → ${response.status} ${response.text.slice(0, 120)}`,
          );
        }
      }
      expect(wrong).toEqual([]);
      expect(await tenantRowCounts()).toEqual(before);
    },
    300_000,
  );
});
