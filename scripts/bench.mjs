// `npm run bench [-- --quick] [-- --only=<scenario>]`: builds dist/ when the sources changed (the
// same helper as `npm start`), then runs the benchmark harness (apps/bench) with the arguments.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './ensure-built.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
process.chdir(root);
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
Object.assign(process.env, { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' });

try {
  await ensureBuilt({ root, log: (message) => console.log(`[bench] ${message}`) });
} catch (error) {
  console.error(`[bench] ${error.message}`);
  process.exit(1);
}

const child = spawn(process.execPath, ['--enable-source-maps', 'dist/apps/bench/src/main.js', ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
// Ctrl-C reaches the harness too (same process group); it stops what it started, then exits.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
