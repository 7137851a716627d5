/** Reminders the worker plans from the calendar, assignments and activity. */
export const REMINDER_KINDS = ['week.kickoff', 'onsite.coming', 'onsite.changed', 'brief.deadline', 'inactivity.nudge', 'inactivity.report', 'facilitator.digest'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Every kind of in-app notification, reminders and what people's actions produce. */
export const NOTIFICATION_KINDS = [...REMINDER_KINDS, 'thread.reply', 'thread.mention', 'thread.accepted', 'ticket.claimed', 'ticket.escalated'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Whether a kind is e-mailed when the user has said nothing. Reminders are why the e-mail
 * exists; replies and mentions are chatty, so they wait for the daily digest (see DIGEST_KINDS).
 */
export const EMAIL_BY_DEFAULT: Record<NotificationKind, boolean> = {
  'week.kickoff': true,
  'onsite.coming': true,
  'onsite.changed': true,
  'brief.deadline': true,
  'inactivity.nudge': true,
  'inactivity.report': true,
  'facilitator.digest': true,
  'thread.reply': true,
  'thread.mention': true,
  'thread.accepted': true,
  'ticket.claimed': true,
  'ticket.escalated': true,
};

/** Kinds gathered into one daily e-mail for users who keep the digest on (the default). */
export const DIGEST_KINDS: readonly NotificationKind[] = ['thread.reply', 'thread.mention', 'thread.accepted'];

/** The socket event a new notification arrives as, in the user's room. */
export const NOTIFICATION_EVENT = 'notification';

/** A notification as the inbox lists it and the socket pushes it. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  payload: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}
