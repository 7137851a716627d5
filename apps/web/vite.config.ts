import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const lib = (name: string) => fileURLToPath(new URL(`../../libs/${name}/src/index.ts`, import.meta.url));

/**
 * The web app: `npm run build` writes it to dist/apps/web, which the API serves at / (production,
 * and `npm start`). `npm run dev:web` serves it here with hot reload, the API proxied from :3000.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // Only the pure libraries: types and rules shared with the server, nothing of Nest or the database.
  resolve: { alias: { '@fabrique/contracts': lib('contracts'), '@fabrique/domain': lib('domain') } },
  build: { outDir: `${root}dist/apps/web`, emptyOutDir: true, sourcemap: true },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
