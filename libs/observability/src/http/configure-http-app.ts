import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@fabrique/config';
import { createValidationPipe, HttpErrorFilter } from '@fabrique/errors';


export interface HttpAppOptions {
  /** Routes live under /api; health checks and docs stay at the root. */
  apiPrefix?: string;
  openApi?: { title: string; description: string };
}

/**
 * Everything an HTTP process sets up the same way, shared by main.ts and the
 * tests so that tests exercise the app as it runs in production.
 */
export function configureHttpApp(app: NestExpressApplication, options: HttpAppOptions = {}): void {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  // The web app (served by the API) opens its socket to the realtime service, another origin.
  const realtime = config.REALTIME_PUBLIC_URL;
  // upgrade-insecure-requests only where the app is served over https: on a plain-http LAN address
  // (a training room's server) it would send the page's own assets to an https that does not exist.
  const secure = config.PUBLIC_URL.startsWith('https:');
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { connectSrc: ["'self'", realtime, realtime.replace(/^http/, 'ws')], upgradeInsecureRequests: secure ? [] : null } },
      strictTransportSecurity: secure,
    }),
  );
  app.enableCors({ origin: config.CORS_ORIGINS, credentials: true });
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '2mb' });
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  if (options.apiPrefix) app.setGlobalPrefix(options.apiPrefix, { exclude: ['health/live', 'health/ready'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  if (options.openApi) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle(options.openApi.title)
        .setDescription(options.openApi.description)
        .setVersion('0.1.0')
        .addBearerAuth()
        .build(),
    );
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  }
}
