import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '../..');

/**
 * DESIGN §1: each table has one owner lib that writes it. `cases` and `tasks` belong to
 * libs/collection; the engine, imports, the nightly run and retention call its set-based
 * writers (openCases, insertTasks, cancelOpenTasks, moveCaseStages, setLegalHold,
 * purgeCaseTasks) inside their own transaction. This scan reads the SQL in every string and
 * template literal of libs/ and apps/ (comments are not SQL) and the ORM calls, and fails
 * naming the file that writes either table anywhere else.
 */
const OWNER = 'libs/collection/';
const OWNED_TABLES = ['cases', 'tasks'];
const OWNED_ENTITIES = ['Case', 'Task', 'CaseAccount'];
/** Schema changes are not writes of rows. */
const SKIPPED = /(^|\/)(migrations|node_modules|dist)(\/|$)/;

const TABLE = `(?:only\\s+)?(?:"?public"?\\.)?"?(${OWNED_TABLES.join('|')})"?(?![\\w.])`;
const SQL_WRITES = [
  new RegExp(`\\binsert\\s+into\\s+${TABLE}`, 'i'),
  new RegExp(`\\bupdate\\s+${TABLE}`, 'i'),
  new RegExp(`\\bdelete\\s+from\\s+${TABLE}`, 'i'),
  new RegExp(`\\bcopy\\s+${TABLE}`, 'i'),
  new RegExp(`\\bmerge\\s+into\\s+${TABLE}`, 'i'),
  new RegExp(`\\btruncate\\s+(?:table\\s+)?${TABLE}`, 'i'),
];
/** EntityManager / repository / query-builder calls that write an entity. */
const ORM_WRITES = new Set([
  'create',
  'persist',
  'persistAndFlush',
  'upsert',
  'upsertMany',
  'insert',
  'insertMany',
  'nativeInsert',
  'nativeUpdate',
  'nativeDelete',
  'remove',
  'removeAndFlush',
  'assign',
  'getRepository',
  'createQueryBuilder',
  'qb',
  'getReference',
]);

function literalTexts(source: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      // The interpolations are other code; the literal parts around them are the SQL.
      out.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ? '));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function ormWrites(source: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const first = node.arguments[0];
      const entity =
        first && (ts.isIdentifier(first) || ts.isStringLiteral(first)) ? first.text : null;
      if (ORM_WRITES.has(method) && entity && OWNED_ENTITIES.includes(entity)) {
        out.push(`${method}(${entity})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** What a file writes of the owned tables: SQL statements and ORM calls, as found. */
function ownedTableWrites(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
  const sql = literalTexts(source).flatMap((literal) =>
    SQL_WRITES.flatMap((pattern) => {
      const hit = pattern.exec(literal);
      return hit ? [hit[0].replace(/\s+/g, ' ').toLowerCase()] : [];
    }),
  );
  return [...sql, ...ormWrites(source)];
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    const rel = relative(ROOT, path);
    if (SKIPPED.test(rel)) return [];
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [rel] : [];
  });
}

describe('issue 12: only libs/collection writes cases and tasks (one owner per table)', () => {
  const files = [...tsFiles(join(ROOT, 'libs')), ...tsFiles(join(ROOT, 'apps'))];

  it('the detector names SQL and ORM writes of cases/tasks, and not reads or comments', () => {
    const found = ownedTableWrites(
      'sample.ts',
      `// we update cases here (a comment)
       const a = \`INSERT INTO cases (id) values (?)\`;
       const b = 'update  public.tasks t set status = 1';
       const c = \`delete from tasks where case_id = \${id}\`;
       const d = \`with x as (select 1) UPDATE "cases" c set stage = ?\`;
       const e = 'copy tasks (id) from stdin';
       em.nativeUpdate(Task, {}, {});
       em.create(Case, {});
       const r = 'select * from cases join tasks on true';
       const s = 'update case_accounts set x = 1; insert into task_notes values (1)';`,
    );
    expect(found).toEqual([
      'insert into cases',
      'update public.tasks',
      'delete from tasks',
      'update "cases"',
      'copy tasks',
      'nativeUpdate(Task)',
      'create(Case)',
    ]);
  });

  it('scans the tree (libs and apps, collection included)', () => {
    expect(files.length).toBeGreaterThan(500);
    // The owner itself writes both tables: the scan would see it if it looked there.
    const owner = files.filter((f) => f.startsWith(OWNER));
    const writes = owner.flatMap((f) => ownedTableWrites(f, readFileSync(join(ROOT, f), 'utf8')));
    expect(writes).toEqual(
      expect.arrayContaining(['insert into cases', 'insert into tasks', 'update cases']),
    );
  });

  it('no file outside libs/collection writes cases or tasks (SQL or ORM)', () => {
    const offenders = files
      .filter((f) => !f.startsWith(OWNER))
      .flatMap((f) => {
        const writes = ownedTableWrites(f, readFileSync(join(ROOT, f), 'utf8'));
        return writes.length > 0 ? [`${f}: ${[...new Set(writes)].join(', ')}`] : [];
      });
    expect(offenders).toEqual([]);
  });
});

describe("issue 16 §3: only libs/self-service writes the debtor's page links (debtor_links, debtor_link_routes)", () => {
  const LINK_OWNER = 'libs/self-service/';
  const LINK_TABLE = `(?:only\\s+)?(?:"?public"?\\.)?"?(debtor_links|debtor_link_routes)"?(?![\\w.])`;
  const LINK_WRITES = [
    new RegExp(`\\binsert\\s+into\\s+${LINK_TABLE}`, 'i'),
    new RegExp(`\\bupdate\\s+${LINK_TABLE}`, 'i'),
    new RegExp(`\\bdelete\\s+from\\s+${LINK_TABLE}`, 'i'),
  ];
  const linkWrites = (path: string): string[] => {
    const text = readFileSync(join(ROOT, path), 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
    return literalTexts(source).flatMap((literal) =>
      LINK_WRITES.flatMap((pattern) => {
        const hit = pattern.exec(literal);
        return hit ? [hit[0].replace(/\s+/g, ' ').toLowerCase()] : [];
      }),
    );
  };
  const files = [...tsFiles(join(ROOT, 'libs')), ...tsFiles(join(ROOT, 'apps'))];

  it('the owner writes both tables (the scan would see a write elsewhere)', () => {
    const writes = files.filter((f) => f.startsWith(LINK_OWNER)).flatMap(linkWrites);
    expect(writes).toEqual(
      expect.arrayContaining([
        'insert into debtor_links',
        'insert into debtor_link_routes',
        'update debtor_links',
      ]),
    );
  });

  it('no file outside libs/self-service writes them', () => {
    const offenders = files
      .filter((f) => !f.startsWith(LINK_OWNER))
      .flatMap((f) => {
        const writes = linkWrites(f);
        return writes.length > 0 ? [`${f}: ${[...new Set(writes)].join(', ')}`] : [];
      });
    expect(offenders).toEqual([]);
  });
});
