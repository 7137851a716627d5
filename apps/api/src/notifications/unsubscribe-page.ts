import type { NotificationKind } from '@fabrique/contracts';
import type { Locale } from '@fabrique/domain';

/** What each kind of e-mail is called, in each language, on the page the unsubscribe link opens. */
export const KIND_LABELS: Record<NotificationKind, Record<Locale, string>> = {
  'week.kickoff': { fr: 'début de semaine à distance', en: 'distance week kickoff' },
  'onsite.coming': { fr: 'semaine en présentiel à venir', en: 'upcoming on-site week' },
  'onsite.changed': { fr: 'changement de semaine en présentiel', en: 'on-site week change' },
  'brief.deadline': { fr: 'échéance de brief', en: 'brief deadline' },
  'inactivity.nudge': { fr: 'relance d’inactivité', en: 'inactivity nudge' },
  'inactivity.report': { fr: 'rapport d’inactivité', en: 'inactivity report' },
  'facilitator.digest': { fr: 'récapitulatif du formateur', en: 'facilitator digest' },
  'thread.reply': { fr: 'réponse à une discussion suivie', en: 'reply to a followed thread' },
  'thread.mention': { fr: 'mention dans l’entraide', en: 'peer-help mention' },
  'thread.accepted': { fr: 'réponse acceptée', en: 'accepted answer' },
  'ticket.claimed': { fr: 'demande d’aide prise en charge', en: 'help request claimed' },
  'ticket.escalated': { fr: 'demande d’aide en attente', en: 'help request waiting' },
};

const TEXT = {
  fr: {
    title: 'Désabonnement confirmé',
    done: (label: string) => `Vous ne recevrez plus les e-mails « ${label} ». Vous les verrez toujours dans l’application.`,
    change: 'Modifier vos préférences :',
  },
  en: {
    title: 'Unsubscribed',
    done: (label: string) => `You will no longer receive “${label}” e-mails. You will still see them in the app.`,
    change: 'Change your preferences:',
  },
} as const;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The small page confirming an unsubscribe, in the user's language. */
export function unsubscribePage(kind: NotificationKind, locale: Locale, preferencesUrl: string): string {
  const text = TEXT[locale] ?? TEXT.fr;
  const label = KIND_LABELS[kind][locale] ?? KIND_LABELS[kind].fr;
  const url = escapeHtml(preferencesUrl);
  return `<!DOCTYPE html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(text.title)}</title></head>
<body>
<main>
<h1>${escapeHtml(text.title)}</h1>
<p>${escapeHtml(text.done(label))}</p>
<p>${escapeHtml(text.change)} <a href="${url}">${url}</a></p>
</main>
</body>
</html>
`;
}
