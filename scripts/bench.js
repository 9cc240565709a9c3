// `npm run bench [-- --only import|run|web] [-- --accounts 100000 --schedule bullet|monthly --no-floor --keep]`:
// builds dist/ if needed, compiles bench/*.ts next to it (dist/bench, so `../libs/…`
// imports resolve to the built libs), type-checks them, then runs each benchmark.
const { spawnSync } = require('node:child_process');
const { mkdirSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const ts = require('typescript');
const { ensureBuild, root } = require('./ensure-build');

const benchDir = join(root, 'bench');
const outDir = join(root, 'dist', 'bench');
const sources = readdirSync(benchDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));

function compilerOptions() {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile).config;
  return ts.convertCompilerOptionsFromJson(config.compilerOptions, root).options;
}

/** bench/ is outside tsconfig's include, so it is type-checked here, against the sources. */
function typeCheck(options) {
  const program = ts.createProgram(
    sources.map((f) => join(benchDir, f)),
    { ...options, noEmit: true, incremental: false },
  );
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length === 0) return;
  const host = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  };
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
  process.exit(1);
}

/** Per-file transpile (the repo uses isolatedModules), CommonJS like the rest of dist/. */
function compile(options) {
  mkdirSync(outDir, { recursive: true });
  for (const file of sources) {
    const { outputText } = ts.transpileModule(readFileSync(join(benchDir, file), 'utf8'), {
      compilerOptions: { ...options, sourceMap: false, declaration: false },
      fileName: file,
    });
    writeFileSync(join(outDir, file.replace(/\.ts$/, '.js')), outputText);
  }
}

ensureBuild();
const options = compilerOptions();
if (!process.argv.includes('--no-typecheck')) typeCheck(options);
compile(options);
let args = process.argv.slice(2).filter((a) => a !== '--no-typecheck');
// `--only run` (or `import`) runs bench/<name>.bench.ts alone; its own options follow.
const only = args.indexOf('--only');
const selected = only >= 0 ? args[only + 1] : null;
if (only >= 0) args = args.filter((_, i) => i !== only && i !== only + 1);
const names = { run: 'daily-run' };
let status = 0;
for (const bench of sources.filter(
  (f) => f.endsWith('.bench.ts') && (!selected || f === `${names[selected] ?? selected}.bench.ts`),
)) {
  console.log(`== ${bench}`);
  const result = spawnSync(
    process.execPath,
    [join(outDir, bench.replace(/\.ts$/, '.js')), ...args],
    {
      stdio: 'inherit',
      cwd: root,
    },
  );
  status ||= result.status ?? 1;
}
process.exit(status);
