import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig } from '@fabrique/config';

/** Paths the API answers itself: everything else a browser asks for is the web app's. */
const API_PATHS = /^\/(api|docs|docs-json|health|admin)(\/|$)/;

/**
 * Serves the built web app (apps/web, `vite build`) from WEB_DIST_DIR: its hashed assets with a
 * long cache, and index.html for every other GET outside the API so that the app's own routes
 * (/me/week, /threads/:id… also used in e-mails) load it. Returns false when there is no build.
 */
export function serveWebApp(app: NestExpressApplication): boolean {
  const dir = resolve(app.get(AppConfig).WEB_DIST_DIR);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(join(dir, 'assets'), { prefix: '/assets', immutable: true, maxAge: '365d', fallthrough: false });
  app.useStaticAssets(dir, { index: false });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || API_PATHS.test(request.path)) return next();
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(index);
  });
  return true;
}
