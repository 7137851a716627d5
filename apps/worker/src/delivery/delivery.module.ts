import { Module } from '@nestjs/common';
import { PreferenceLinks } from '@fabrique/auth';
import { HelpQueueModule } from '@fabrique/help-queue';
import { DeliveryClock } from './delivery-clock.js';
import { DeliveryProcessor } from './delivery.processor.js';
import { EmailSender } from './email-sender.js';
import { Mailer } from './mailer.js';
import { NotificationDispatcher } from './notification-dispatcher.js';

/**
 * Delivery of notifications: live push through the socket.io Redis emitter (LivePublisher),
 * e-mails through SMTP. PreferenceLinks is provided here: the worker does not import AuthModule.
 */
@Module({
  imports: [HelpQueueModule],
  providers: [DeliveryProcessor, NotificationDispatcher, EmailSender, Mailer, DeliveryClock, PreferenceLinks],
})
export class DeliveryModule {}
