// Builds dist/ with `npm run build` when a source is newer than the last successful build,
// so `npm start`, `npm run migrate` and `npm run seed` always run what the sources say
// without paying for a build when nothing changed.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = 'dist/.build-stamp';
const INPUTS = ['apps', 'libs', 'tsconfig.base.json', 'tsconfig.build.json', 'package-lock.json'];

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted or renamed file changes its folder
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.') || /\.(e2e-)?spec\.ts$/.test(entry)) continue;
    newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

/** True when dist/ is missing or older than any source, config or the lock file. */
export function buildIsStale(root = process.cwd()) {
  const stamp = join(root, STAMP);
  if (!existsSync(stamp)) return true;
  const builtAt = statSync(stamp).mtimeMs;
  return INPUTS.some((input) => newestChange(join(root, input)) > builtAt);
}

/** Runs `npm run build` when needed; resolves when dist/ is current, rejects when the build fails. */
export async function ensureBuilt({ root = process.cwd(), log = console.log } = {}) {
  if (!buildIsStale(root)) return false;
  log('Building (npm run build)…');
  const stamp = join(root, STAMP);
  rmSync(stamp, { force: true }); // a failed build must not look current next time
  const code = await new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (exitCode, signal) => resolve(signal ? 1 : exitCode));
  });
  if (code !== 0) throw new Error('The build failed (see the compiler errors above).');
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  return true;
}
