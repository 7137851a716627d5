import { Module } from '@nestjs/common';
import { NotificationPreferencesController } from './notification-preferences.controller.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';
import { ReminderSettingsController } from './reminder-settings.controller.js';
import { ReminderSettingsService } from './reminder-settings.service.js';

@Module({
  controllers: [NotificationsController, NotificationPreferencesController, ReminderSettingsController],
  providers: [NotificationsRepository, NotificationsService, NotificationPreferencesService, ReminderSettingsService],
})
export class NotificationsModule {}
