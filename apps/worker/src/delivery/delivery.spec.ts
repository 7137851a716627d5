import { randomUUID } from 'node:crypto';
import { type Server as HttpServer, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { type ParsedMail, simpleParser } from 'mailparser';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { Server } from 'socket.io';
import { type Socket, io as connect } from 'socket.io-client';
import type { DataSource } from 'typeorm';
import { PreferenceLinks } from '@fabrique/auth';
import { jobId, LIVE_NAMESPACE, NOTIFICATION_EVENT, type NotificationView, rooms } from '@fabrique/contracts';
import { LivePublisher } from '@fabrique/help-queue';
import type { User } from '@fabrique/persistence';
import { Fixtures } from '@fabrique/testing';
import { untilJobIs, WorkerTestContext } from '../testing/worker-test-context.js';
import { DeliveryClock } from './delivery-clock.js';
import { EmailSender, SEND_SCHEDULER } from './email-sender.js';
import { DISPATCH_SCHEDULER, NotificationDispatcher } from './notification-dispatcher.js';

// Jest runs the specs as ES modules, where its `jest` object is not a global.
const jest = import.meta.jest;

const PUBLIC_URL = 'https://fabrique.example.org';

/**
 * Delivery end to end: notifications in PostgreSQL, pushed through the socket.io Redis adapter
 * to a bare socket.io server standing in for the realtime service, e-mailed to a real SMTP
 * server in this process. Time is the DeliveryClock's, set by each test (the schedulers' runs
 * read it too): nothing waits for time to pass.
 */
describe('delivery queue: notifications pushed and e-mailed', () => {
  const ctx = new WorkerTestContext();
  const key = `${process.env.REDIS_PREFIX ?? 'fabrique'}:socket.io`;
  const received: Array<{ to: string; mail: ParsedMail }> = [];
  /** Recipients the SMTP server refuses for now (a temporary failure). */
  const refused = new Set<string>();
  let smtp: SMTPServer;
  let http: HttpServer;
  let io: Server;
  let pub: Redis;
  let sub: Redis;
  let socketUrl: string;
  const sockets: Socket[] = [];
  let dataSource: DataSource;
  let fixtures: Fixtures;
  let now = new Date('2030-03-12T10:00:00Z'); // 11:00 in Paris, outside quiet hours

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream).then(
          (mail) => {
            const to = session.envelope.rcptTo[0]?.address ?? '';
            if (refused.has(to)) return callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
            received.push({ to, mail });
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;

    pub = new Redis(process.env.REDIS_URL as string);
    sub = pub.duplicate();
    http = createServer();
    io = new Server(http, { adapter: createAdapter(pub, sub, { key }) });
    io.of(LIVE_NAMESPACE).on('connection', (socket) => socket.join(rooms.user(socket.handshake.query.userId as string)));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    socketUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}${LIVE_NAMESPACE}`;

    // Other specs of this Jest worker leave undelivered notifications in its database: out of the way.
    const pg = new Client({ connectionString: process.env.DATABASE_URL });
    await pg.connect();
    await pg.query(`UPDATE notifications SET dispatched_at = now() WHERE dispatched_at IS NULL`);
    await pg.query(`UPDATE notification_emails SET status = 'cancelled' WHERE status IN ('pending', 'failed', 'sending')`);
    await pg.end();

    const saved = { SMTP_URL: process.env.SMTP_URL, PUBLIC_URL: process.env.PUBLIC_URL };
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
    process.env.PUBLIC_URL = PUBLIC_URL;
    try {
      await ctx.start();
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    jest.spyOn(ctx.app.get(DeliveryClock), 'now').mockImplementation(() => now);
    dataSource = ctx.app.get<DataSource>(getDataSourceToken());
    fixtures = new Fixtures(dataSource);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await ctx.stop();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await Promise.all([pub.quit(), sub.quit()]);
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  const notify = async (user: User, kind: string, payload: Record<string, unknown> = {}) =>
    (
      await dataSource.query(`INSERT INTO notifications (user_id, kind, occurrence_key, payload) VALUES ($1, $2, $3, $4) RETURNING id`, [
        user.id,
        kind,
        randomUUID(),
        JSON.stringify(payload),
      ])
    )[0].id as string;

  /** Runs a job of the delivery queue through BullMQ, under a fresh id, to completion. */
  const run = async (name: 'dispatch-notifications' | 'send-emails') => {
    const id = jobId(name, randomUUID());
    await ctx.queues.add(name, {}, { jobId: id });
    expect(await untilJobIs('delivery', id, ['completed', 'failed'])).toBe('completed');
  };
  const deliver = async () => {
    await run('dispatch-notifications');
    await run('send-emails');
  };

  const mailsTo = (user: User) => received.filter((r) => r.to === user.email).map((r) => r.mail);
  const emailRow = async (notificationId: string) =>
    (
      await dataSource.query(
        `SELECT status, digest, attempts, send_after AS "sendAfter", last_error AS "lastError", message_id AS "messageId" FROM notification_emails WHERE notification_id = $1`,
        [notificationId],
      )
    )[0] as { status: string; digest: boolean; attempts: number; sendAfter: Date; lastError: string | null; messageId: string | null } | undefined;

  const english = async (user: User, timeZone = 'America/New_York') => {
    await dataSource.query(`UPDATE users SET locale = 'en', time_zone = $2 WHERE id = $1`, [user.id, timeZone]);
    return user;
  };

  /** A connected socket in the user's room, ready once a broadcast through Redis reaches it. */
  async function socketOf(user: User) {
    const socket = connect(socketUrl, { query: { userId: user.id }, transports: ['websocket'], forceNew: true });
    sockets.push(socket);
    const events: NotificationView[] = [];
    socket.on(NOTIFICATION_EVENT, (view: NotificationView) => events.push(view));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    let ready = false;
    socket.once('resync', () => (ready = true));
    for (let i = 0; i < 50 && !ready; i++) {
      ctx.app.get(LivePublisher).live.to(rooms.user(user.id)).emit('resync', { reason: 'warm-up' });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!ready) throw new Error('the socket never heard from Redis');
    return events;
  }

  it('dispatches every 5 seconds and sends every 30 seconds, once for all worker instances', async () => {
    expect(await ctx.queues.queue('delivery').getJobScheduler(DISPATCH_SCHEDULER)).toMatchObject({ name: 'dispatch-notifications', every: 5_000 });
    expect(await ctx.queues.queue('delivery').getJobScheduler(SEND_SCHEDULER)).toMatchObject({ name: 'send-emails', every: 30_000 });
  });

  it('pushes a notification to its user’s sockets and e-mails it once, in French', async () => {
    now = new Date('2030-03-12T10:00:00Z');
    const learner = await fixtures.user();
    const events = await socketOf(learner);
    const ticketId = randomUUID();
    const id = await notify(learner, 'ticket.claimed', { ticketId, claimedBy: 'Marc Dupont' });
    await deliver();

    for (let i = 0; i < 50 && events.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events).toEqual([expect.objectContaining({ id, kind: 'ticket.claimed', payload: { ticketId, claimedBy: 'Marc Dupont' }, readAt: null })]);
    const [{ dispatched }] = await dataSource.query(`SELECT dispatched_at AS dispatched FROM notifications WHERE id = $1`, [id]);
    expect(dispatched).toEqual(now);

    const mails = mailsTo(learner);
    expect(mails).toHaveLength(1);
    const [mail] = mails as [ParsedMail];
    expect(mail.subject).toBe('C’est votre tour dans la file d’aide');
    expect(mail.text).toContain(`Bonjour ${learner.displayName},`);
    expect(mail.text).toContain('Marc Dupont a pris en charge votre demande d’aide');
    expect(mail.text).toContain(`${PUBLIC_URL}/tickets/${ticketId}`);
    expect(mail.html).toContain(`href="${PUBLIC_URL}/tickets/${ticketId}"`);
    expect(mail.from?.value).toEqual([{ name: 'Fabrique', address: 'no-reply@fabrique.local' }]);
    expect(await emailRow(id)).toMatchObject({ status: 'sent', attempts: 1, digest: false, messageId: mail.messageId });

    // Nothing left to do: running everything again sends nothing more.
    await deliver();
    expect(mailsTo(learner)).toHaveLength(1);
  });

  it('writes to an English user in English, with dates in their time zone', async () => {
    now = new Date('2030-03-12T15:00:00Z'); // 11:00 in New York
    const [sam, aicha] = [await english(await fixtures.user()), await fixtures.user()];
    const payload = { assignmentId: randomUUID(), briefTitle: 'Portfolio', dueAt: '2030-03-12T18:00:00.000Z', offset: '3h' };
    await notify(sam, 'brief.deadline', payload);
    await notify(aicha, 'brief.deadline', payload);
    await deliver();

    const [en] = mailsTo(sam) as [ParsedMail];
    expect(en.subject).toBe('Due in 3 hours: Portfolio');
    expect(en.text).toContain(`Hello ${sam.displayName},`);
    expect(en.text).toMatch(/The brief “Portfolio” is due on Tuesday,? 12 March 2030,? at 14:00\./);
    expect(en.text).toContain(`${PUBLIC_URL}/briefs/assignments/${payload.assignmentId}`);
    const [fr] = mailsTo(aicha) as [ParsedMail];
    expect(fr.subject).toBe('À rendre dans 3 heures : Portfolio');
    expect(fr.text).toContain('Le brief « Portfolio » est à rendre le mardi 12 mars 2030 à 19:00.');
  });

  it('escapes hostile payload text in the HTML body', async () => {
    now = new Date('2030-03-12T10:00:00Z');
    const facilitator = await fixtures.user();
    await notify(facilitator, 'ticket.escalated', { ticketId: randomUUID(), question: '<script>alert("pwned")</script> & <img src=x onerror=alert(1)>' });
    await deliver();
    const [mail] = mailsTo(facilitator) as [ParsedMail];
    expect(mail.html).not.toMatch(/<script|<img/);
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(mail.text).toContain('<script>alert("pwned")</script>');
  });

  it('holds an e-mail through the quiet hours and sends it when they end', async () => {
    now = new Date('2030-03-12T21:30:00Z'); // 22:30 in Paris
    const learner = await fixtures.user();
    const id = await notify(learner, 'week.kickoff', { monday: '2030-03-18' });
    await deliver();
    expect(await emailRow(id)).toMatchObject({ status: 'pending', sendAfter: new Date('2030-03-13T07:00:00Z') }); // 08:00 in Paris
    expect(mailsTo(learner)).toHaveLength(0);

    now = new Date('2030-03-13T06:59:00Z');
    await run('send-emails');
    expect(mailsTo(learner)).toHaveLength(0);

    now = new Date('2030-03-13T07:00:00Z');
    await run('send-emails');
    expect(mailsTo(learner).map((mail) => mail.subject)).toEqual(['Votre semaine du lundi 18 mars commence']);
    expect(await emailRow(id)).toMatchObject({ status: 'sent' });
  });

  it('plans no e-mail for a kind the user turned off, and cancels one turned off since', async () => {
    now = new Date('2030-03-12T10:00:00Z');
    const learner = await fixtures.user();
    await dataSource.query(`INSERT INTO notification_preferences (user_id, email) VALUES ($1, '{"onsite.changed": false}')`, [learner.id]);
    const off = await notify(learner, 'onsite.changed', { monday: '2030-03-16' });
    await run('dispatch-notifications');
    expect(await emailRow(off)).toBeUndefined();
    const [{ dispatched }] = await dataSource.query(`SELECT dispatched_at IS NOT NULL AS dispatched FROM notifications WHERE id = $1`, [off]);
    expect(dispatched).toBe(true);

    now = new Date('2030-03-12T21:30:00Z'); // quiet: planned for the morning
    const later = await notify(learner, 'inactivity.nudge');
    await run('dispatch-notifications');
    expect(await emailRow(later)).toMatchObject({ status: 'pending' });
    await dataSource.query(`UPDATE notification_preferences SET email = email || '{"inactivity.nudge": false}' WHERE user_id = $1`, [learner.id]);
    now = new Date('2030-03-13T07:00:00Z');
    await run('send-emails');
    expect(await emailRow(later)).toMatchObject({ status: 'cancelled' });
    expect(mailsTo(learner)).toHaveLength(0);
  });

  it('gathers the digest kinds into one e-mail per user at the end of their quiet hours', async () => {
    now = new Date('2030-03-12T10:00:00Z');
    const [aicha, sam] = [await fixtures.user(), await english(await fixtures.user(), 'Europe/London')];
    const thread = { threadId: randomUUID(), threadTitle: 'Flexbox ne centre pas', authorName: 'Lina', excerpt: 'Essaie align-items' };
    const ids = [
      await notify(aicha, 'thread.reply', { ...thread, replyId: randomUUID() }),
      await notify(aicha, 'thread.mention', { ...thread, replyId: randomUUID() }),
      await notify(aicha, 'thread.accepted', { ...thread, replyId: randomUUID() }),
      await notify(sam, 'thread.reply', { ...thread, replyId: randomUUID() }),
    ];
    const single = await notify(aicha, 'ticket.claimed', { ticketId: randomUUID(), claimedBy: 'Marc' });
    await deliver();
    expect(mailsTo(aicha).map((mail) => mail.subject)).toEqual(['C’est votre tour dans la file d’aide']);
    expect(await emailRow(single)).toMatchObject({ status: 'sent', digest: false });
    expect(await emailRow(ids[0]!)).toMatchObject({ status: 'pending', digest: true, sendAfter: new Date('2030-03-13T07:00:00Z') });
    expect(await emailRow(ids[3]!)).toMatchObject({ status: 'pending', digest: true, sendAfter: new Date('2030-03-13T08:00:00Z') }); // 08:00 in London

    now = new Date('2030-03-13T08:00:00Z');
    await run('send-emails');
    const digests = mailsTo(aicha).slice(1);
    expect(digests).toHaveLength(1);
    const [digest] = digests as [ParsedMail];
    expect(digest.subject).toBe('Votre résumé : 3 notifications');
    for (const [index, id] of ids.slice(0, 3).entries()) {
      const { payload } = (await dataSource.query(`SELECT payload FROM notifications WHERE id = $1`, [id]))[0];
      expect(digest.text).toContain(`${PUBLIC_URL}/threads/${thread.threadId}#reply-${payload.replyId}`);
      expect(await emailRow(id)).toMatchObject({ status: 'sent', messageId: digest.messageId });
      expect(index).toBeLessThan(3);
    }
    expect(digest.text).toContain('Nouvelle réponse : Flexbox ne centre pas');
    expect(digest.text).toContain('Lina vous a mentionné : Flexbox ne centre pas');
    expect(mailsTo(sam).map((mail) => mail.subject)).toEqual(['Your digest: 1 notification']);
  });

  it('sends one e-mail when dispatch and send run twice at once', async () => {
    now = new Date('2030-03-12T10:00:00Z');
    const learner = await fixtures.user();
    const id = await notify(learner, 'onsite.coming', { monday: '2030-03-16', offset: '1d' });
    const dispatcher = ctx.app.get(NotificationDispatcher);
    const sender = ctx.app.get(EmailSender);
    const pushes = await socketOf(learner);
    await Promise.all([dispatcher.dispatch(), dispatcher.dispatch(), run('dispatch-notifications')]);
    await Promise.all([sender.send(), sender.send(), run('send-emails')]);
    await Promise.all([dispatcher.dispatch(), sender.send()]);
    expect(mailsTo(learner).map((mail) => mail.subject)).toEqual(['Demain, semaine sur site']);
    expect(await emailRow(id)).toMatchObject({ status: 'sent', attempts: 1 });
    for (let i = 0; i < 20 && pushes.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pushes.map((view) => view.id)).toEqual([id]);
  });

  it('retries an e-mail left sending by a worker killed mid-send, after ten minutes', async () => {
    now = new Date('2030-03-12T10:00:00Z');
    const [stuck, recent] = [await fixtures.user(), await fixtures.user()];
    const ids: string[] = [];
    for (const [user, minutesAgo] of [
      [stuck, 11],
      [recent, 5],
    ] as const) {
      const id = await notify(user, 'inactivity.nudge');
      await dataSource.query(`UPDATE notifications SET dispatched_at = $2 WHERE id = $1`, [id, now]);
      await dataSource.query(`INSERT INTO notification_emails (notification_id, user_id, status, send_after, attempts) VALUES ($1, $2, 'sending', $3, 1)`, [
        id,
        user.id,
        new Date(now.getTime() - minutesAgo * 60_000),
      ]);
      ids.push(id);
    }
    await run('send-emails');
    expect(mailsTo(stuck).map((mail) => mail.subject)).toEqual(['Tout va bien ?']);
    expect(await emailRow(ids[0]!)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(mailsTo(recent)).toHaveLength(0);
    expect(await emailRow(ids[1]!)).toMatchObject({ status: 'sending', attempts: 1 });
  });

  it('backs off after SMTP failures, then sends once the server accepts', async () => {
    const start = new Date('2030-03-12T15:00:00Z'); // 11:00 in New York
    now = start;
    const learner = await english(await fixtures.user());
    refused.add(learner.email);
    const id = await notify(learner, 'ticket.claimed', { ticketId: randomUUID(), claimedBy: 'Marc' });
    await deliver();
    const first = await emailRow(id);
    expect(first).toMatchObject({ status: 'failed', attempts: 1, sendAfter: new Date(start.getTime() + 60_000) });
    expect(first?.lastError).toMatch(/Mailbox busy/);

    now = new Date(start.getTime() + 59_000); // not due yet
    await run('send-emails');
    expect(await emailRow(id)).toMatchObject({ attempts: 1 });

    now = new Date(start.getTime() + 60_000);
    await run('send-emails');
    expect(await emailRow(id)).toMatchObject({ status: 'failed', attempts: 2, sendAfter: new Date(start.getTime() + 3 * 60_000) });

    refused.delete(learner.email);
    now = new Date(start.getTime() + 3 * 60_000);
    await run('send-emails');
    expect(await emailRow(id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(mailsTo(learner).map((mail) => mail.subject)).toEqual(['It is your turn in the help queue']);
  });

  it('carries a List-Unsubscribe header whose one-click link names the user and the kind', async () => {
    now = new Date('2030-03-12T10:00:00Z');
    const learner = await fixtures.user();
    await notify(learner, 'facilitator.digest', { cohortId: randomUUID(), date: '2030-03-12' });
    await deliver();
    const [mail] = mailsTo(learner) as [ParsedMail];
    const header = mail.headerLines.find((line) => line.key === 'list-unsubscribe')?.line ?? '';
    const url = /<([^>]+)>/.exec(header)?.[1] ?? '';
    expect(url.startsWith(`${PUBLIC_URL}/api/notification-preferences/unsubscribe?token=`)).toBe(true);
    expect(mail.text).toContain(url);
    expect(mail.text).toContain(`${PUBLIC_URL}/me/notification-preferences`);
    const token = new URL(url).searchParams.get('token') ?? '';
    expect(ctx.app.get(PreferenceLinks).read(token)).toEqual({ userId: learner.id, kind: 'facilitator.digest' });
  });
});
