import { Module } from '@nestjs/common';
import { ClientConfigController } from './client-config.controller.js';

/** The web app's side of the API: its public configuration (the static files are served by serveWebApp). */
@Module({ controllers: [ClientConfigController] })
export class WebAppModule {}
