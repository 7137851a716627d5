// `node scripts/run-built.mjs dist/<path>.js [args…]`: builds when the sources changed, then runs
// the compiled entry point in this process with the remaining arguments (see `migrate` and `seed`
// in package.json).
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt } from './ensure-built.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('Usage: node scripts/run-built.mjs dist/<path>.js [args…]');
  process.exit(2);
}

try {
  await ensureBuilt({ root, log: (message) => console.error(message) });
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
process.argv = [process.argv[0], resolve(root, entry), ...args];
await import(pathToFileURL(resolve(root, entry)).href);
