import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '@fabrique/config';

export interface OutgoingEmail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
}

/**
 * Sends e-mails through the SMTP server of SMTP_URL. Without one, nodemailer's JSON transport
 * builds the message and nothing leaves: the subject and recipient go to the log instead, so a
 * developer's machine runs the whole delivery path without a mail server.
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;
  private readonly logOnly: boolean;

  constructor(private readonly config: AppConfig) {
    this.logOnly = !config.SMTP_URL;
    this.transport = config.SMTP_URL
      ? // Pooled: a run sends many e-mails, and opening a connection per e-mail costs ~100 ms each.
        // Bounded timeouts: a server that stops answering fails the e-mail (retried later) instead
        // of holding the delivery queue for nodemailer's default ten minutes.
        createTransport({ url: config.SMTP_URL, pool: true, maxConnections: 3, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 })
      : createTransport({ jsonTransport: true });
  }

  /** Resolves with the Message-ID once the server accepted the message; rejects when it did not. */
  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const info = (await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers: email.headers,
    })) as { messageId: string };
    if (this.logOnly) this.logger.log({ to: email.to.address, subject: email.subject, messageId: info.messageId }, 'e-mail written to the log (no SMTP_URL)');
    return { messageId: info.messageId };
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
