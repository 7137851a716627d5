import { NOTIFICATION_KINDS, type NotificationKind } from '@fabrique/contracts';
import { type EmailItem, type Recipient, renderDigestEmail, renderNotificationEmail } from './email-templates.js';
import { absoluteUrl, notificationPath, unsubscribeUrl } from './links.js';

const PUBLIC_URL = 'https://fabrique.example.org';
const PREFERENCES = `${PUBLIC_URL}/me/notification-preferences`;
const aicha: Recipient = { displayName: 'Aïcha Traoré', locale: 'fr', timeZone: 'Europe/Paris' };
const sam: Recipient = { displayName: 'Sam Miller', locale: 'en', timeZone: 'America/New_York' };

/** A payload with every field some kind reads. */
const PAYLOAD = {
  monday: '2026-10-12',
  date: '2026-10-14',
  offset: '3h',
  cohortId: 'c0h0rt',
  cohortName: 'Promo Boitron',
  assignmentId: 'a551gn',
  briefTitle: 'Portfolio responsive',
  dueAt: '2026-10-14T15:00:00.000Z',
  threadId: 'thr3ad',
  threadTitle: 'Flexbox ne centre pas',
  replyId: 'r3ply',
  authorName: 'Lina',
  excerpt: 'Essaie align-items',
  ticketId: 't1cket',
  question: 'Mon serveur ne démarre pas',
  claimedBy: 'Marc',
  learners: [{ displayName: 'Jo' }, { displayName: 'Ana' }],
};

const item = (kind: NotificationKind, payload: Record<string, unknown> = PAYLOAD): EmailItem => ({
  kind,
  payload,
  createdAt: new Date('2026-10-14T06:30:00Z'),
  url: absoluteUrl(PUBLIC_URL, notificationPath(kind, payload)),
  unsubscribeUrl: unsubscribeUrl(PUBLIC_URL, `token-of-${kind}`),
});

describe('e-mail templates', () => {
  it.each(NOTIFICATION_KINDS.flatMap((kind) => [aicha, sam].map((who) => [kind, who.locale, who] as const)))(
    '%s in %s: a subject, a text and an HTML body with the page, the one-click stop link and the preferences',
    (kind, _locale, who) => {
      const email = renderNotificationEmail(who, item(kind), PREFERENCES);
      expect(email.subject.length).toBeGreaterThan(3);
      expect(email.subject).not.toMatch(/undefined|null|\[object/);
      const page = absoluteUrl(PUBLIC_URL, notificationPath(kind, PAYLOAD));
      for (const body of [email.text, email.html]) {
        expect(body).not.toMatch(/undefined|null|\[object/);
        expect(body).toContain(who.displayName);
        expect(body).toContain(`${PUBLIC_URL}/api/notification-preferences/unsubscribe?token=token-of-${kind}`);
        expect(body).toContain(PREFERENCES);
      }
      expect(email.text).toContain(page);
      expect(email.html).toContain(`href="${page.replaceAll('&', '&amp;')}"`);
      expect(email.html).toContain(`<html lang="${who.locale}">`);
    },
  );

  it('speaks the user’s language', () => {
    const fr = renderNotificationEmail(aicha, item('thread.reply'), PREFERENCES);
    expect(fr.subject).toBe('Nouvelle réponse : Flexbox ne centre pas');
    expect(fr.text).toContain('Lina a répondu dans « Flexbox ne centre pas »');
    expect(fr.text).toContain('Ne plus recevoir d’e-mails « réponses aux discussions suivies »');
    const en = renderNotificationEmail(sam, item('thread.reply'), PREFERENCES);
    expect(en.subject).toBe('New reply: Flexbox ne centre pas');
    expect(en.text).toContain('Lina replied in “Flexbox ne centre pas”');
    expect(en.text).toContain('Stop e-mails about replies to followed threads');
  });

  it('writes dates in the user’s time zone and language', () => {
    const fr = renderNotificationEmail(aicha, item('brief.deadline'), PREFERENCES);
    expect(fr.subject).toBe('À rendre dans 3 heures : Portfolio responsive');
    expect(fr.text).toMatch(/mercredi 14 octobre 2026 à 17:00/);
    const en = renderNotificationEmail(sam, item('brief.deadline'), PREFERENCES);
    expect(en.subject).toBe('Due in 3 hours: Portfolio responsive');
    expect(en.text).toMatch(/Wednesday,? 14 October 2026,? at 11:00/);
    // A calendar day stays that day whatever the time zone.
    expect(renderNotificationEmail(sam, item('week.kickoff'), PREFERENCES).subject).toMatch(/Monday,? 12 October/);
    expect(renderNotificationEmail(aicha, item('week.kickoff'), PREFERENCES).subject).toBe('Votre semaine du lundi 12 octobre commence');
  });

  it('escapes every payload value in the HTML, and keeps it as it is in the text', () => {
    const hostile = { ...PAYLOAD, threadTitle: '<img src=x onerror="alert(1)">', authorName: '<b>Eve</b> & co', excerpt: "'><script>steal()</script>" };
    const email = renderNotificationEmail(aicha, item('thread.mention', hostile), PREFERENCES);
    expect(email.html).not.toMatch(/<img|<script|<b>/);
    expect(email.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(email.html).toContain('&lt;b&gt;Eve&lt;/b&gt; &amp; co');
    expect(email.html).toContain('&#39;&gt;&lt;script&gt;steal()&lt;/script&gt;');
    expect(email.text).toContain('<img src=x onerror="alert(1)">');
    const digest = renderDigestEmail(aicha, [item('thread.reply', hostile)], PREFERENCES);
    expect(digest.html).not.toMatch(/<img|<script|<b>/);
    const named = renderNotificationEmail({ ...aicha, displayName: '<i>Mallory</i>' }, item('ticket.claimed'), PREFERENCES);
    expect(named.html).toContain('Bonjour &lt;i&gt;Mallory&lt;/i&gt;,');
  });

  it('leads each kind to its page, and to the inbox when the payload lacks the id', () => {
    expect(notificationPath('week.kickoff', { monday: '2026-10-12' })).toBe('/me/week?date=2026-10-12');
    expect(notificationPath('onsite.coming', {})).toBe('/me/week');
    expect(notificationPath('onsite.changed', { monday: '2026-10-12' })).toBe('/me/week?date=2026-10-12');
    expect(notificationPath('inactivity.nudge', {})).toBe('/me/week');
    expect(notificationPath('brief.deadline', { assignmentId: 'a1' })).toBe('/briefs/assignments/a1');
    expect(notificationPath('inactivity.report', { cohortId: 'c1' })).toBe('/cohorts/c1/learners');
    expect(notificationPath('facilitator.digest', { cohortId: 'c1' })).toBe('/cohorts/c1/help-queue');
    expect(notificationPath('thread.reply', { threadId: 't1', replyId: 'r1' })).toBe('/threads/t1#reply-r1');
    expect(notificationPath('thread.mention', { threadId: 't1', replyId: null })).toBe('/threads/t1');
    expect(notificationPath('thread.accepted', {})).toBe('/me/notifications');
    expect(notificationPath('ticket.claimed', { ticketId: 'k1' })).toBe('/tickets/k1');
    expect(notificationPath('ticket.escalated', { ticketId: '../admin?x=1' })).toBe('/tickets/..%2Fadmin%3Fx%3D1');
    expect(absoluteUrl('https://x.org/', '/me/week')).toBe('https://x.org/me/week');
  });

  it('gathers a digest into one e-mail listing each notification with its link, and a stop link per kind', () => {
    const items = [item('thread.mention'), item('thread.reply', { ...PAYLOAD, threadId: 'other', threadTitle: 'Git rebase' }), item('thread.reply')];
    const fr = renderDigestEmail(aicha, items, PREFERENCES);
    expect(fr.subject).toBe('Votre résumé : 3 notifications');
    for (const each of items) {
      expect(fr.text).toContain(each.url);
      expect(fr.html).toContain(`href="${each.url}"`);
    }
    expect(fr.text).toContain('Git rebase');
    expect(fr.text.match(/unsubscribe\?token=token-of-thread\.reply/g)).toHaveLength(1);
    expect(fr.text.match(/unsubscribe\?token=token-of-thread\.mention/g)).toHaveLength(1);
    expect(fr.text).toContain('14 oct., 08:30');
    const en = renderDigestEmail(sam, items.slice(0, 1), PREFERENCES);
    expect(en.subject).toBe('Your digest: 1 notification');
    expect(en.text).toContain('14 Oct, 02:30');
  });
});

describe('e-mail templates: the facts reminders carry', () => {
  const nextWeek = { monday: '2026-11-02', siteName: 'Tiers-lieu du Fournil', address: '1 place de la Mairie, Boitron', room: 'Atelier', agenda: 'Revue de code' };

  it('lists the kick-off’s deadlines, what to study and the next on-site week with its place', () => {
    const kickoff = renderNotificationEmail(
      aicha,
      item('week.kickoff', {
        monday: '2026-10-12',
        deadlines: [{ briefTitle: 'Portfolio', dueAt: '2026-10-16T15:00:00.000Z' }],
        modules: [{ moduleTitle: 'Flexbox', courseTitle: 'Intégration' }],
        nextOnSiteWeek: nextWeek,
      }),
      PREFERENCES,
    );
    expect(kickoff.text).toContain('• Portfolio — vendredi 16 octobre 2026 à 17:00');
    expect(kickoff.text).toContain('• Flexbox (Intégration)');
    expect(kickoff.text).toContain('Prochaine semaine sur site : lundi 2 novembre, Tiers-lieu du Fournil, 1 place de la Mairie, Boitron, salle Atelier.');
  });

  it('gives an on-site week’s place and agenda, and says plainly when it moved or was cancelled', () => {
    const coming = renderNotificationEmail(sam, item('onsite.coming', { ...nextWeek, offset: '7d' }), PREFERENCES);
    expect(coming.text).toContain('Place: Tiers-lieu du Fournil, 1 place de la Mairie, Boitron, room Atelier.');
    expect(coming.text).toContain('Agenda: Revue de code');
    const moved = renderNotificationEmail(aicha, item('onsite.changed', { change: 'moved', before: { monday: '2026-11-02' }, after: { ...nextWeek, monday: '2026-11-09' } }), PREFERENCES);
    expect(moved.subject).toBe('Semaine sur site déplacée : lundi 2 novembre');
    expect(moved.text).toContain('est déplacée au lundi 9 novembre');
    const cancelled = renderNotificationEmail(sam, item('onsite.changed', { change: 'cancelled', before: { monday: '2026-11-02' }, after: null }), PREFERENCES);
    expect(cancelled.subject).toBe('On-site week cancelled: Monday 2 November');
  });

  it('counts what waits for facilitators in the morning digest', () => {
    const digest = renderNotificationEmail(aicha, item('facilitator.digest', { date: '2026-10-14', ticketsWaiting: 3, unansweredThreads: 2, submissionsToReview: 5, learnersBehind: 1 }), PREFERENCES);
    expect(digest.text).toContain('Demandes d’aide en attente : 3');
    expect(digest.text).toContain('Rendus à corriger : 5');
  });
});
