// Transpile-only TypeScript for a child process (no ts-node in this repo): each .ts file is
// transpiled on require with the repo's compiler options (decorator metadata included) and
// cached on disk by content hash; @qingshou/* resolves through tsconfig paths.
/* eslint-disable @typescript-eslint/no-require-imports */
/* global require, __dirname */
const ts = require('typescript');
const { addHook } = require('pirates');
const tsconfigPaths = require('tsconfig-paths');
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, writeFileSync, existsSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '../../..');
const parsed = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile).config;
tsconfigPaths.register({ baseUrl: root, paths: parsed.compilerOptions.paths });
const options = {
  ...ts.convertCompilerOptionsFromJson(parsed.compilerOptions, root).options,
  sourceMap: false,
  inlineSourceMap: true,
  incremental: false,
  declaration: false,
};
const cache = join(tmpdir(), 'qs-ts-register-cache');
mkdirSync(cache, { recursive: true });

addHook(
  (code, filename) => {
    const key = createHash('sha1').update(filename).update('\0').update(code).digest('hex');
    const file = join(cache, `${key}.js`);
    if (existsSync(file)) return readFileSync(file, 'utf8');
    const out = ts.transpileModule(code, {
      fileName: filename,
      compilerOptions: options,
    }).outputText;
    writeFileSync(file, out);
    return out;
  },
  { exts: ['.ts'], ignoreNodeModules: true },
);
