import type { NotificationKind } from '@fabrique/contracts';
import { escapeHtml } from '@fabrique/markdown';

/*
 * The e-mails' words, in French and English: small pure functions from a notification to a
 * subject, a plain-text body and an HTML body. Every value that comes from a payload or a
 * user is escaped in the HTML (escapeHtml); the plain text carries it as it is.
 */

export type Locale = 'fr' | 'en';
type Payload = Record<string, unknown>;

export interface Recipient {
  displayName: string;
  locale: Locale;
  timeZone: string;
}

/** One notification to put in an e-mail, with its links already built. */
export interface EmailItem {
  kind: NotificationKind;
  payload: Payload;
  createdAt: Date;
  /** The page concerned (absolute). */
  url: string;
  /** The one-click link that stops e-mails of this kind (absolute). */
  unsubscribeUrl: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** What a kind says: a subject, sentences for the body, the label of the link to the page. */
interface Content {
  subject: string;
  lines: string[];
  action: string;
}

/** Reads payload values and writes dates in the user's language and time zone. */
export class Formats {
  constructor(
    readonly locale: Locale,
    readonly timeZone: string,
  ) {}

  private get tag(): string {
    return this.locale === 'fr' ? 'fr-FR' : 'en-GB';
  }

  /** A calendar day: `YYYY-MM-DD` as it is (no time zone can move it), an instant on the user's day. */
  day(value: unknown): string | null {
    if (typeof value !== 'string') return null;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      return new Intl.DateTimeFormat(this.tag, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${value}T12:00:00Z`));
    }
    const instant = new Date(value);
    return Number.isNaN(instant.getTime())
      ? null
      : new Intl.DateTimeFormat(this.tag, { timeZone: this.timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(instant);
  }

  /** An instant in the user's time zone, to the minute. */
  dateTime(value: unknown): string | null {
    const instant = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
    if (!instant || Number.isNaN(instant.getTime())) return null;
    return new Intl.DateTimeFormat(this.tag, { timeZone: this.timeZone, dateStyle: 'full', timeStyle: 'short' }).format(instant);
  }

  /** A short date and time, for the lines of a digest. */
  short(instant: Date): string {
    return new Intl.DateTimeFormat(this.tag, { timeZone: this.timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(instant);
  }
}

const text = (payload: Payload, ...keys: string[]): string | null => {
  for (const key of keys) {
    const value = payload[key];
    if (typeof value === 'string' && value.trim().length > 0) return value.trim();
  }
  return null;
};

const count = (payload: Payload): number | null => {
  if (Array.isArray(payload.learners)) return payload.learners.length;
  return typeof payload.count === 'number' ? payload.count : null;
};

const names = (payload: Payload): string[] =>
  Array.isArray(payload.learners)
    ? payload.learners
        .map((learner: unknown) => (typeof learner === 'string' ? learner : learner && typeof learner === 'object' ? text(learner as Payload, 'displayName', 'name') : null))
        .filter((name): name is string => name !== null)
    : [];


const records = (value: unknown): Payload[] => (Array.isArray(value) ? value.filter((item): item is Payload => typeof item === 'object' && item !== null) : []);
const record = (value: unknown): Payload | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Payload) : null);
const num = (payload: Payload, key: string): number => (typeof payload[key] === 'number' ? (payload[key] as number) : 0);

/** "Site du Fournil, 1 place de la Mairie, salle Atelier": where an on-site week happens, from what is known. */
function placeOf(week: Payload | null, fr: boolean): string | null {
  if (!week) return null;
  const room = text(week, 'room');
  const parts = [text(week, 'siteName'), text(week, 'address'), room ? `${fr ? 'salle' : 'room'} ${room}` : null].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** The facts of a kick-off: this week's deadlines, what to study, the next on-site week. */
function kickoffLines(payload: Payload, f: Formats): string[] {
  const fr = f.locale === 'fr';
  const lines: string[] = [];
  const deadlines = records(payload.deadlines);
  if (deadlines.length > 0) {
    lines.push(fr ? 'À rendre cette semaine :' : 'Due this week:');
    for (const d of deadlines) lines.push(`• ${text(d, 'briefTitle') ?? 'Brief'}${f.dateTime(d.dueAt) ? ` — ${f.dateTime(d.dueAt)}` : ''}`);
  }
  const modules = records(payload.modules);
  if (modules.length > 0) {
    lines.push(fr ? 'À étudier :' : 'To study:');
    for (const m of modules) lines.push(`• ${text(m, 'moduleTitle') ?? 'Module'}${text(m, 'courseTitle') ? ` (${text(m, 'courseTitle')})` : ''}`);
  }
  const next = record(payload.nextOnSiteWeek);
  if (next) {
    const place = placeOf(next, fr);
    const day = f.day(next.monday);
    lines.push(fr ? `Prochaine semaine sur site : ${day ?? ''}${place ? `, ${place}` : ''}.` : `Next on-site week: ${day ?? ''}${place ? `, ${place}` : ''}.`);
  }
  return lines;
}

/** How the footer and the digest name each kind. */
export const KIND_LABELS: Record<NotificationKind, Record<Locale, string>> = {
  'week.kickoff': { fr: 'début de semaine', en: 'week start' },
  'onsite.coming': { fr: 'semaine sur site à venir', en: 'upcoming on-site week' },
  'onsite.changed': { fr: 'changement de semaine sur site', en: 'on-site week changes' },
  'brief.deadline': { fr: 'échéances des briefs', en: 'brief deadlines' },
  'inactivity.nudge': { fr: 'relance d’inactivité', en: 'inactivity nudges' },
  'inactivity.report': { fr: 'apprenants inactifs', en: 'inactive learners' },
  'facilitator.digest': { fr: 'point du matin', en: 'morning briefing' },
  'thread.reply': { fr: 'réponses aux discussions suivies', en: 'replies to followed threads' },
  'thread.mention': { fr: 'mentions', en: 'mentions' },
  'thread.accepted': { fr: 'réponses acceptées', en: 'accepted answers' },
  'ticket.claimed': { fr: 'demande d’aide prise en charge', en: 'help request taken' },
  'ticket.escalated': { fr: 'demandes d’aide en attente', en: 'waiting help requests' },
};

/** The words of one notification, per kind and language. */
export function contentOf(kind: NotificationKind, payload: Payload, f: Formats): Content {
  const fr = f.locale === 'fr';
  const monday = f.day(payload.monday);
  const cohort = text(payload, 'cohortName');
  switch (kind) {
    case 'week.kickoff':
      return fr
        ? {
            subject: monday ? `Votre semaine du ${monday} commence` : 'Votre semaine commence',
            lines: [`Une nouvelle semaine à distance commence${cohort ? ` pour ${cohort}` : ''}.`, ...kickoffLines(payload, f)],
            action: 'Voir ma semaine',
          }
        : {
            subject: monday ? `Your week of ${monday} begins` : 'Your week begins',
            lines: [`A new distance week begins${cohort ? ` for ${cohort}` : ''}.`, ...kickoffLines(payload, f)],
            action: 'See my week',
          };
    case 'onsite.coming': {
      const tomorrow = payload.offset === '1d';
      const place = placeOf(payload, fr);
      const agenda = text(payload, 'agenda');
      return fr
        ? {
            subject: tomorrow ? 'Demain, semaine sur site' : monday ? `Semaine sur site à partir du ${monday}` : 'Semaine sur site à venir',
            lines: [`Votre semaine sur site commence ${monday ? `le ${monday}` : 'bientôt'}.`, ...(place ? [`Lieu : ${place}.`] : []), ...(agenda ? [`Programme : ${agenda}`] : [])],
            action: 'Voir ma semaine',
          }
        : {
            subject: tomorrow ? 'Tomorrow: on-site week' : monday ? `On-site week from ${monday}` : 'On-site week coming',
            lines: [`Your on-site week begins ${monday ? `on ${monday}` : 'soon'}.`, ...(place ? [`Place: ${place}.`] : []), ...(agenda ? [`Agenda: ${agenda}`] : [])],
            action: 'See my week',
          };
    }
    case 'onsite.changed': {
      const before = record(payload.before);
      const after = record(payload.after);
      const was = f.day(before?.monday) ?? monday;
      const now = f.day(after?.monday);
      const place = placeOf(after, fr);
      const cancelled = payload.change === 'cancelled';
      return fr
        ? {
            subject: cancelled ? `Semaine sur site annulée${was ? ` : ${was}` : ''}` : `Semaine sur site déplacée${was ? ` : ${was}` : ''}`,
            lines: cancelled
              ? [`La semaine sur site${was ? ` du ${was}` : ''} est annulée ; ces jours-là, vous travaillez à distance.`]
              : [`La semaine sur site${was ? ` du ${was}` : ''} est déplacée${now ? ` au ${now}` : ''}.`, ...(place ? [`Lieu : ${place}.`] : [])],
            action: 'Voir ma semaine',
          }
        : {
            subject: cancelled ? `On-site week cancelled${was ? `: ${was}` : ''}` : `On-site week moved${was ? `: ${was}` : ''}`,
            lines: cancelled
              ? [`The on-site week${was ? ` of ${was}` : ''} is cancelled; you work from home those days.`]
              : [`The on-site week${was ? ` of ${was}` : ''} moves${now ? ` to ${now}` : ''}.`, ...(place ? [`Place: ${place}.`] : [])],
            action: 'See my week',
          };
    }
    case 'brief.deadline': {
      const title = text(payload, 'briefTitle', 'assignmentTitle', 'title');
      const due = f.dateTime(payload.dueAt);
      const soon = payload.offset === '3h';
      return fr
        ? {
            subject: `${soon ? 'À rendre dans 3 heures' : 'À rendre dans 48 heures'}${title ? ` : ${title}` : ''}`,
            lines: [`${title ? `Le brief « ${title} »` : 'Votre brief'} est à rendre${due ? ` le ${due}` : ' bientôt'}.`],
            action: 'Ouvrir le brief',
          }
        : {
            subject: `${soon ? 'Due in 3 hours' : 'Due in 48 hours'}${title ? `: ${title}` : ''}`,
            lines: [`${title ? `The brief “${title}”` : 'Your brief'} is due${due ? ` on ${due}` : ' soon'}.`],
            action: 'Open the brief',
          };
    }
    case 'inactivity.nudge':
      return fr
        ? {
            subject: 'Tout va bien ?',
            lines: ['Nous ne vous avons pas vu sur la plateforme depuis quelques jours. Si quelque chose vous bloque, la file d’aide et le forum sont là pour ça.'],
            action: 'Reprendre ma semaine',
          }
        : {
            subject: 'How is it going?',
            lines: ['We have not seen you on the platform for a few days. If something is in your way, the help queue and the forum are there for that.'],
            action: 'Back to my week',
          };
    case 'inactivity.report': {
      const n = count(payload);
      const who = names(payload);
      return fr
        ? {
            subject: `Apprenants inactifs${cohort ? ` : ${cohort}` : ''}`,
            lines: [
              n === null ? 'Des apprenants n’ont pas été actifs depuis trois jours.' : `${n} apprenant${n > 1 ? 's' : ''} sans activité depuis trois jours.`,
              ...(who.length > 0 ? [who.join(', ')] : []),
            ],
            action: 'Voir les apprenants',
          }
        : {
            subject: `Inactive learners${cohort ? `: ${cohort}` : ''}`,
            lines: [
              n === null ? 'Some learners have not been active for three days.' : `${n} learner${n > 1 ? 's' : ''} without activity for three days.`,
              ...(who.length > 0 ? [who.join(', ')] : []),
            ],
            action: 'See the learners',
          };
    }
    case 'facilitator.digest': {
      const day = f.day(payload.date);
      return fr
        ? {
            subject: `Le point du matin${day ? `, ${day}` : ''}${cohort ? ` : ${cohort}` : ''}`,
            lines: [
              `Demandes d’aide en attente : ${num(payload, 'ticketsWaiting')}`,
              `Questions sans réponse depuis plus d’un jour : ${num(payload, 'unansweredThreads')}`,
              `Rendus à corriger : ${num(payload, 'submissionsToReview')}`,
              `Apprenants en retard : ${num(payload, 'learnersBehind')}`,
            ],
            action: 'Ouvrir la file d’aide',
          }
        : {
            subject: `Morning briefing${day ? `, ${day}` : ''}${cohort ? `: ${cohort}` : ''}`,
            lines: [
              `Help requests waiting: ${num(payload, 'ticketsWaiting')}`,
              `Questions unanswered for more than a day: ${num(payload, 'unansweredThreads')}`,
              `Submissions to review: ${num(payload, 'submissionsToReview')}`,
              `Learners behind: ${num(payload, 'learnersBehind')}`,
            ],
            action: 'Open the help queue',
          };
    }
    case 'thread.reply':
    case 'thread.mention':
    case 'thread.accepted': {
      const title = text(payload, 'threadTitle') ?? (fr ? 'une discussion' : 'a thread');
      const author = text(payload, 'authorName') ?? (fr ? 'Quelqu’un' : 'Someone');
      const excerpt = text(payload, 'excerpt');
      const quoted = excerpt ? [fr ? `« ${excerpt} »` : `“${excerpt}”`] : [];
      if (kind === 'thread.reply')
        return fr
          ? { subject: `Nouvelle réponse : ${title}`, lines: [`${author} a répondu dans « ${title} » :`, ...quoted], action: 'Lire la réponse' }
          : { subject: `New reply: ${title}`, lines: [`${author} replied in “${title}”:`, ...quoted], action: 'Read the reply' };
      if (kind === 'thread.mention')
        return fr
          ? { subject: `${author} vous a mentionné : ${title}`, lines: [`${author} vous a mentionné dans « ${title} » :`, ...quoted], action: 'Lire le message' }
          : { subject: `${author} mentioned you: ${title}`, lines: [`${author} mentioned you in “${title}”:`, ...quoted], action: 'Read the message' };
      return fr
        ? { subject: `Votre réponse a été acceptée : ${title}`, lines: [`Votre réponse dans « ${title} » a été acceptée. Merci pour votre aide !`], action: 'Voir la discussion' }
        : { subject: `Your answer was accepted: ${title}`, lines: [`Your answer in “${title}” was accepted. Thank you for your help!`], action: 'See the thread' };
    }
    case 'ticket.claimed': {
      const by = text(payload, 'claimedBy');
      return fr
        ? {
            subject: 'C’est votre tour dans la file d’aide',
            lines: [`${by ?? 'Un formateur'} a pris en charge votre demande d’aide et vous attend.`],
            action: 'Voir ma demande',
          }
        : {
            subject: 'It is your turn in the help queue',
            lines: [`${by ?? 'A facilitator'} took your help request and is waiting for you.`],
            action: 'See my request',
          };
    }
    case 'ticket.escalated': {
      const question = text(payload, 'question');
      return fr
        ? {
            subject: 'Demande d’aide en attente depuis plus de 10 minutes',
            lines: ['Personne n’a encore pris cette demande d’aide :', ...(question ? [`« ${question} »`] : [])],
            action: 'Voir la demande',
          }
        : {
            subject: 'Help request waiting for more than 10 minutes',
            lines: ['Nobody has taken this help request yet:', ...(question ? [`“${question}”`] : [])],
            action: 'See the request',
          };
    }
  }
}

const greeting = (r: Recipient) => (r.locale === 'fr' ? `Bonjour ${r.displayName},` : `Hello ${r.displayName},`);

const stopLine = (locale: Locale, kind: NotificationKind) =>
  locale === 'fr' ? `Ne plus recevoir d’e-mails « ${KIND_LABELS[kind].fr} »` : `Stop e-mails about ${KIND_LABELS[kind].en}`;

const preferencesLine = (locale: Locale) => (locale === 'fr' ? 'Gérer mes préférences de notification' : 'Manage my notification preferences');

const a = (url: string, label: string) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;

const htmlPage = (locale: Locale, subject: string, body: string) =>
  `<!doctype html>\n<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
  `<body style="font-family: sans-serif; line-height: 1.5; color: #1f2328; max-width: 40em">${body}</body></html>\n`;

/** One notification, one e-mail. */
export function renderNotificationEmail(recipient: Recipient, item: EmailItem, preferencesUrl: string): RenderedEmail {
  const f = new Formats(recipient.locale, recipient.timeZone);
  const content = contentOf(item.kind, item.payload, f);
  const stop = stopLine(recipient.locale, item.kind);
  const prefs = preferencesLine(recipient.locale);
  const colon = recipient.locale === 'fr' ? ' :' : ':';
  const text = [
    greeting(recipient),
    '',
    ...content.lines,
    '',
    `${content.action}${colon} ${item.url}`,
    '',
    '--',
    `${stop}${colon} ${item.unsubscribeUrl}`,
    `${prefs}${colon} ${preferencesUrl}`,
    '',
  ].join('\n');
  const html = htmlPage(
    recipient.locale,
    content.subject,
    `<p>${escapeHtml(greeting(recipient))}</p>` +
      content.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('') +
      `<p><strong>${a(item.url, content.action)}</strong></p>` +
      `<hr><p style="font-size: 0.85em; color: #656d76">${a(item.unsubscribeUrl, stop)}<br>${a(preferencesUrl, prefs)}</p>`,
  );
  return { subject: content.subject, text, html };
}

/** Several notifications of one user, in one e-mail, oldest first, each with its link. */
export function renderDigestEmail(recipient: Recipient, items: readonly EmailItem[], preferencesUrl: string): RenderedEmail {
  const f = new Formats(recipient.locale, recipient.timeZone);
  const fr = recipient.locale === 'fr';
  const sorted = [...items].sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime());
  const n = sorted.length;
  const subject = fr ? `Votre résumé : ${n} notification${n > 1 ? 's' : ''}` : `Your digest: ${n} notification${n > 1 ? 's' : ''}`;
  const intro = fr ? 'Voici ce qui s’est passé depuis votre dernier résumé :' : 'Here is what happened since your last digest:';
  const entries = sorted.map((item) => ({ item, content: contentOf(item.kind, item.payload, f), at: f.short(item.createdAt) }));
  // One "stop" link per kind the digest holds, in the order they first appear.
  const kinds = [...new Map(sorted.map((item) => [item.kind, item.unsubscribeUrl])).entries()];
  const colon = fr ? ' :' : ':';
  const text = [
    greeting(recipient),
    '',
    intro,
    '',
    ...entries.flatMap(({ item, content, at }) => [`- ${at} — ${content.subject}`, ...content.lines.map((line) => `  ${line}`), `  ${item.url}`, '']),
    '--',
    ...kinds.map(([kind, url]) => `${stopLine(recipient.locale, kind)}${colon} ${url}`),
    `${preferencesLine(recipient.locale)}${colon} ${preferencesUrl}`,
    '',
  ].join('\n');
  const html = htmlPage(
    recipient.locale,
    subject,
    `<p>${escapeHtml(greeting(recipient))}</p><p>${escapeHtml(intro)}</p><ul>` +
      entries
        .map(
          ({ item, content, at }) =>
            `<li><p><small>${escapeHtml(at)}</small><br><strong>${a(item.url, content.subject)}</strong><br>` +
            content.lines.map((line) => escapeHtml(line)).join('<br>') +
            `</p></li>`,
        )
        .join('') +
      `</ul><hr><p style="font-size: 0.85em; color: #656d76">` +
      kinds.map(([kind, url]) => a(url, stopLine(recipient.locale, kind))).join('<br>') +
      `<br>${a(preferencesUrl, preferencesLine(recipient.locale))}</p>`,
  );
  return { subject, text, html };
}
