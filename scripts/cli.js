// `npm run cli -- <command>`: build if needed, then run the nest-commander CLI.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { ensureBuild, root } = require('./ensure-build');

ensureBuild();
const result = spawnSync(process.execPath, [join(root, 'dist/apps/cli/src/main.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(result.status ?? 1);
