import './messages'; // this feature's texts, loaded with it
import type { TicketView } from '@fabrique/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { facilitatedCohorts, type Me } from '../../auth/use-me';
import { live } from '../../live/live-client';
import { FormError } from '../../ui/error-message';
import { CohortPicker } from '../../ui/cohort-picker';
import { Field } from '../../ui/field';
import { minutesSince } from '../../ui/format';
import { useDraft } from '../../ui/use-draft';
import { Conversation } from './conversation';
import { sortedMessages } from './help-queue-state';
import './live-help.css';
import { ResolvedTickets } from './resolved-tickets-section';
import { useTicketContextOptions } from './ticket-context';
import { TicketContextLine } from './ticket-context-line';
import { useHelpQueue } from './use-help-queue';

/** The facilitator's live console, per cohort: the queue in order, claim, chat, resolve, put back. */
export function FacilitatorConsolePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const cohorts = facilitatedCohorts(me);
  const [cohortId, setCohortId] = useState(cohorts[0]?.id ?? null);
  const { state, error } = useHelpQueue(cohortId, (ticket) => ticket.claimedBy?.id === me.id);
  const [actionError, setActionError] = useState<unknown>(null);
  const contextOptions = useTicketContextOptions(cohorts.find((cohort) => cohort.id === cohortId) ?? null);
  const act = (event: string, payload: object) => {
    setActionError(null);
    live.command(event, payload).catch(setActionError);
  };
  const order = new Map(state?.queue.waiting.map((entry, index) => [entry.ticketId, index]) ?? []);
  const tickets = [...(state?.tickets.values() ?? [])]
    .filter((ticket) => ticket.status === 'waiting' || ticket.status === 'claimed')
    .sort((a, b) => (order.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.id) ?? Number.MAX_SAFE_INTEGER) || a.raisedAt.localeCompare(b.raisedAt));

  return (
    <section aria-labelledby="console-title">
      <h1 id="console-title">{t('console.title')}</h1>
      <CohortPicker cohorts={cohorts} value={cohortId} onChange={setCohortId} />
      <FormError error={error ?? actionError} />
      {state && tickets.length === 0 && <p>{t('console.empty')}</p>}
      <ol className="queue">
        {tickets.map((ticket) => (
          <li key={ticket.id} className="card ticket">
            <p className="ticket__who">
              <strong>{ticket.learner?.displayName ?? t('console.anonymousLearner')}</strong> · {t('console.waitingSince', { minutes: minutesSince(ticket.raisedAt) })}
              {ticket.away && ` · ${t('console.away')}`}
            </p>
            <p className="ticket__question">{ticket.question}</p>
            <TicketContextLine ticket={ticket} options={contextOptions} />
            {ticket.status === 'waiting' && (
              <button type="button" className="button" onClick={() => act('ticket:claim', { ticketId: ticket.id })} disabled={ticket.away}>
                {t('console.claim')}
              </button>
            )}
            {ticket.status === 'claimed' && ticket.claimedBy?.id !== me.id && <p>{t('console.claimedBy', { name: ticket.claimedBy?.displayName ?? '' })}</p>}
            {ticket.status === 'claimed' && ticket.claimedBy?.id === me.id && state && <ClaimedTicket ticket={ticket} me={me} messages={sortedMessages(state, ticket.id)} act={act} />}
          </li>
        ))}
      </ol>
      {cohortId && <ResolvedTickets cohortId={cohortId} live={state?.tickets.values() ?? []} options={contextOptions} />}
    </section>
  );
}

function ClaimedTicket({ ticket, me, messages, act }: { ticket: TicketView; me: Me; messages: ReturnType<typeof sortedMessages>; act: (event: string, payload: object) => void }) {
  const { t } = useTranslation();
  const [resolution, setResolution, clearResolution] = useDraft(`resolution.${ticket.id}`);
  return (
    <>
      <p>{t('console.claimedByYou')}</p>
      <Conversation ticketId={ticket.id} myId={me.id} messages={messages} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          act('ticket:resolve', { ticketId: ticket.id, resolution });
          clearResolution();
        }}
      >
        <Field label={t('console.resolution')}>
          {({ id }) => <textarea id={id} rows={2} maxLength={2000} required value={resolution} onChange={(e) => setResolution(e.target.value)} />}
        </Field>
        <button type="submit" className="button" disabled={!resolution.trim()}>
          {t('console.resolve')}
        </button>{' '}
        <button type="button" className="button button--quiet" onClick={() => act('ticket:release', { ticketId: ticket.id })}>
          {t('console.release')}
        </button>
      </form>
    </>
  );
}
