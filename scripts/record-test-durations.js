// `npx jest --json --outputFile=/tmp/jest.json` (the whole suite, as CI runs it), then
// `node scripts/record-test-durations.js /tmp/jest.json`: writes each spec file's seconds to
// test/support/test-durations.json, which the jest sequencer orders files by (longest first).
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const input = process.argv[2];
if (!input) {
  console.error('usage: node scripts/record-test-durations.js <jest --json output>');
  process.exit(1);
}
const { testResults } = JSON.parse(readFileSync(input, 'utf8'));

/**
 * The spec's path in this checkout. A run made in another folder (CI's clone, e.g.
 * /tmp/ci-run2) names files outside it; keyed as '../../tmp/ci-run2/test/…' the sequencer,
 * which looks up 'test/…', never found them and ordered every file by its estimate.
 */
function keyOf(name) {
  const parts = name.split('\\').join('/').split('/');
  for (let i = 0; i < parts.length; i++) {
    const candidate = parts.slice(i).join('/');
    if (/^(apps|libs|test)\//.test(candidate) && existsSync(join(root, candidate)))
      return candidate;
  }
  return relative(root, name).split('\\').join('/');
}

const out = join(root, 'test', 'support', 'test-durations.json');
const durations = JSON.parse(readFileSync(out, 'utf8'));
for (const result of testResults) {
  const file = keyOf(result.name);
  const seconds = (result.endTime - result.startTime) / 1000;
  if (seconds > 0) durations[file] = Math.round(seconds);
}
const sorted = Object.fromEntries(Object.entries(durations).sort(([a], [b]) => (a < b ? -1 : 1)));
writeFileSync(out, `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`${Object.keys(sorted).length} files in ${relative(root, out)}`);
