import type { TicketView } from '@fabrique/contracts';
import { useTranslation } from 'react-i18next';
import { briefTitle, resourceTitle, type TicketContextOptions } from './ticket-context';

/** What a ticket is about (its brief, resource, competency), in words; nothing when it is about nothing in particular. */
export function TicketContextLine({ ticket, options }: { ticket: Pick<TicketView, 'briefId' | 'resourceId' | 'competency'>; options: TicketContextOptions }) {
  const { t } = useTranslation('liveHelp');
  const parts = [
    ticket.briefId && t('context.briefOn', { title: briefTitle(options, ticket.briefId) ?? t('context.unknown') }),
    ticket.resourceId && t('context.resourceOn', { title: resourceTitle(options, ticket.resourceId) ?? t('context.unknown') }),
    ticket.competency && t('context.competencyOn', { code: ticket.competency.code, title: ticket.competency.title }),
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <ul className="ticket-context">
      {parts.map((part) => (
        <li key={part as string}>{part}</li>
      ))}
    </ul>
  );
}
