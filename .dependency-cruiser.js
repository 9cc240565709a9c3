// Import boundaries (DESIGN §1): a lib depends only on libs below it; no lib imports an app;
// no app imports another app. `npm run lint:deps` fails on any violation.
const levels = {
  core: 0,
  db: 1,
  calendar: 1,
  tenancy: 2,
  ledger: 2,
  // Queue names and payloads sit low so every lib that enqueues can name its queue.
  jobs: 2,
  collection: 3,
  notices: 3,
  // The pack (schema, loader, registries, install/upgrade), what it measures and rewards
  // (KPIs, incentives, drives), and what it does to a case (ladder, rules, gates, dry run).
  policy: 4,
  outcomes: 5,
  // The debtor's page links (debtor_links): the pack's selfService rules, issued by the
  // engine's letters and the console, revoked when collection closes the case.
  'self-service': 5,
  engine: 6,
  reporting: 7,
  imports: 7,
  // The nightly run composes every lib below it, reports and retention included.
  operations: 8,
};

// A lib's public entries: its index, and the tabular reader core exports apart.
const PUBLIC_ENTRIES = ['^libs/[^/]+/src/index\\.ts$', '^libs/core/src/tabular/index\\.ts$'];

const libRules = Object.entries(levels).map(([lib, level]) => {
  const forbidden = Object.entries(levels)
    .filter(([other, otherLevel]) => other !== lib && otherLevel >= level)
    .map(([other]) => other);
  return {
    name: `lib-${lib}-only-below`,
    comment: `libs/${lib} (level ${level}) may import only libs of a lower level`,
    severity: 'error',
    from: { path: `^libs/${lib}/` },
    to: { path: forbidden.length ? `^libs/(${forbidden.join('|')})/` : '^$' },
  };
});

module.exports = {
  forbidden: [
    {
      name: 'lib-imports-app',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'app-imports-other-app',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    // A lib is used only through its public index (DESIGN §1): `@qingshou/x`, never
    // `libs/x/src/**` by path from another lib or an app. Tests in test/ may reach inside.
    // `@qingshou/core/tabular` is core's second entry (the tabular reader loads exceljs,
    // which core's index must not pull into every process).
    {
      name: 'lib-through-index-only',
      comment: 'import another lib as @qingshou/<lib> (its index.ts), not a file inside it',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/$1/', ...PUBLIC_ENTRIES] },
    },
    {
      name: 'app-through-index-only',
      comment: 'an app imports a lib as @qingshou/<lib> (its index.ts), not a file inside it',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^libs/[^/]+/src/', pathNot: PUBLIC_ENTRIES },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...libRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.spec\\.ts$)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
