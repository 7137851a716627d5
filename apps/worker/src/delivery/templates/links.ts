import type { NotificationKind } from '@fabrique/contracts';

/** The page where people change which e-mails they get (the web app's, under PUBLIC_URL). */
export const PREFERENCES_PATH = '/me/notification-preferences';
/** The in-app inbox, where a notification whose page cannot be named still leads. */
export const INBOX_PATH = '/me/notifications';

type Payload = Record<string, unknown>;

const id = (payload: Payload, key: string): string | null => {
  const value = payload[key];
  return typeof value === 'string' && value.length > 0 ? encodeURIComponent(value) : null;
};

/** `/me/week`, on the week concerned when the payload names its Monday or day. */
const week = (payload: Payload): string => {
  const date = id(payload, 'monday') ?? id(payload, 'date');
  return date ? `/me/week?date=${date}` : '/me/week';
};

/**
 * The page of the web app a notification is about, per kind (relative to PUBLIC_URL):
 *
 * | kind | path |
 * | --- | --- |
 * | week.kickoff, onsite.coming, onsite.changed, inactivity.nudge | /me/week?date=:monday |
 * | brief.deadline | /briefs/assignments/:assignmentId |
 * | inactivity.report | /cohorts/:cohortId/learners |
 * | facilitator.digest | /cohorts/:cohortId/help-queue |
 * | thread.reply, thread.mention, thread.accepted | /threads/:threadId (#reply-:replyId) |
 * | ticket.claimed, ticket.escalated | /tickets/:ticketId |
 *
 * A payload missing the id the path needs leads to the inbox (/me/notifications).
 */
export function notificationPath(kind: NotificationKind, payload: Payload): string {
  switch (kind) {
    case 'week.kickoff':
    case 'onsite.coming':
    case 'onsite.changed':
    case 'inactivity.nudge':
      return week(payload);
    case 'brief.deadline': {
      const assignment = id(payload, 'assignmentId');
      return assignment ? `/briefs/assignments/${assignment}` : week(payload);
    }
    case 'inactivity.report': {
      const cohort = id(payload, 'cohortId');
      return cohort ? `/cohorts/${cohort}/learners` : INBOX_PATH;
    }
    case 'facilitator.digest': {
      const cohort = id(payload, 'cohortId');
      return cohort ? `/cohorts/${cohort}/help-queue` : INBOX_PATH;
    }
    case 'thread.reply':
    case 'thread.mention':
    case 'thread.accepted': {
      const thread = id(payload, 'threadId');
      if (!thread) return INBOX_PATH;
      const reply = id(payload, 'replyId');
      return reply ? `/threads/${thread}#reply-${reply}` : `/threads/${thread}`;
    }
    case 'ticket.claimed':
    case 'ticket.escalated': {
      const ticket = id(payload, 'ticketId');
      return ticket ? `/tickets/${ticket}` : INBOX_PATH;
    }
  }
}

/** PUBLIC_URL and a path, without a doubled slash. */
export function absoluteUrl(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}

/** The one-click link that stops one kind of e-mail for one user (served by the API, no login needed). */
export function unsubscribeUrl(publicUrl: string, token: string): string {
  return absoluteUrl(publicUrl, `/api/notification-preferences/unsubscribe?token=${encodeURIComponent(token)}`);
}
