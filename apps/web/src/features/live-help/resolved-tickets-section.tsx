import type { TicketView } from '@fabrique/contracts';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/error-message';
import { PublishTicket } from './publish-ticket';
import { mergeResolved, useResolvedTickets } from './resolved-tickets';
import type { TicketContextOptions } from './ticket-context';
import { TicketContextLine } from './ticket-context-line';

/** The console's resolved tickets, each with what solved it and its publication as a peer-help thread. */
export function ResolvedTickets({ cohortId, live, options }: { cohortId: string; live: Iterable<TicketView>; options: TicketContextOptions }) {
  const { t } = useTranslation('liveHelp');
  const fetched = useResolvedTickets(cohortId);
  const tickets = mergeResolved(fetched.data ?? [], [...live].filter((ticket) => ticket.cohortId === cohortId));
  return (
    <section aria-labelledby="resolved-title" className="resolved-tickets">
      <h2 id="resolved-title">{t('resolved.title')}</h2>
      <p className="resolved-tickets__hint">{t('resolved.hint')}</p>
      <FormError error={fetched.error} />
      {fetched.isSuccess && tickets.length === 0 && <p>{t('resolved.empty')}</p>}
      <ul className="queue">
        {tickets.map((ticket) => (
          <li key={ticket.id} className="card ticket">
            <article aria-label={ticket.question ?? ''}>
              <p className="ticket__who">
                <strong>{ticket.learner?.displayName}</strong>
              </p>
              <p className="ticket__question">{ticket.question}</p>
              <TicketContextLine ticket={ticket} options={options} />
              <p className="ticket__resolution">{t('resolved.resolution', { name: ticket.claimedBy?.displayName ?? '', resolution: ticket.resolution ?? '' })}</p>
              <PublishTicket ticket={ticket} />
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
