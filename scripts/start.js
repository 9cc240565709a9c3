// `npm start`: build if needed, migrate (creating the database on first start), create the
// demo tenants, then run the API and the worker side by side until Ctrl-C.
const { spawn, spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { ensureBuild, root } = require('./ensure-build');

ensureBuild();
const node = process.execPath;
const cli = join(root, 'dist/apps/cli/src/main.js');
for (const args of [['migrate'], ['demo']]) {
  const result = spawnSync(node, [cli, ...args], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const children = ['api', 'worker'].map((app) =>
  spawn(node, [join(root, `dist/apps/${app}/src/main.js`)], { stdio: 'inherit', cwd: root }),
);
const port = process.env.PORT ?? '3000';
// Where `demo` keeps the demo logins (DEMO_CREDENTIALS_FILE, relative to the repository root).
const credentials = process.env.DEMO_CREDENTIALS_FILE ?? '.qingshou/demo-credentials.txt';
console.log(`
  Qingshou 清收 is starting
    Console    http://127.0.0.1:${port}/              (中文 / English)
    API        http://127.0.0.1:${port}/api/v1
    API docs   http://127.0.0.1:${port}/api/docs
    Health     http://127.0.0.1:${port}/health
    Queues     http://127.0.0.1:${port}/admin/queues   (platform admin)
    Metrics    http://127.0.0.1:${port}/metrics
  Demo logins: ${credentials}        Ctrl-C stops both processes.
`);

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill(signal);
}
process.on('SIGINT', () => stop('SIGTERM'));
process.on('SIGTERM', () => stop('SIGTERM'));
for (const child of children) {
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`A Qingshou process exited (code ${code}); stopping the other.`);
      stop('SIGTERM');
      process.exitCode = code || 1;
    }
  });
}
