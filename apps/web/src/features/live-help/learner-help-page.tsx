import './messages'; // this feature's texts, loaded with it
import type { TicketView } from '@fabrique/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { learnerCohorts, type Me } from '../../auth/use-me';
import { live, LiveCommandError } from '../../live/live-client';
import { FormError } from '../../ui/error-message';
import { CohortPicker } from '../../ui/cohort-picker';
import { Field } from '../../ui/field';
import { useDraft } from '../../ui/use-draft';
import { Conversation } from './conversation';
import { sortedMessages } from './help-queue-state';
import './live-help.css';
import { useTicketContextOptions } from './ticket-context';
import { chosenContext, NO_CONTEXT, type TicketContextChoice, TicketContextFields } from './ticket-context-fields';
import { TicketContextLine } from './ticket-context-line';
import { useHelpQueue } from './use-help-queue';
import { usePresence } from './use-presence';

/** A learner's live help: raise a question, see their place and the facilitators online, chat once claimed, cancel. */
export function LearnerHelpPage({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const cohorts = learnerCohorts(me);
  const [cohortId, setCohortId] = useState(cohorts[0]?.id ?? null);
  const [question, setQuestion, clearQuestion] = useDraft(`question.${cohortId}`);
  const [error, setError] = useState<unknown>(null);
  const [raising, setRaising] = useState(false);
  const [about, setAbout] = useState<TicketContextChoice>(NO_CONTEXT);
  const contextOptions = useTicketContextOptions(cohorts.find((cohort) => cohort.id === cohortId) ?? null);
  const { state, error: loadError } = useHelpQueue(cohortId, (ticket) => ticket.learner?.id === me.id);
  const mine = [...(state?.tickets.values() ?? [])].filter((ticket) => ticket.learner?.id === me.id);
  const open = mine.filter((ticket) => ticket.status === 'waiting' || ticket.status === 'claimed');
  const closed = mine.filter((ticket) => ticket.status === 'resolved');

  const raise = async (event: FormEvent) => {
    event.preventDefault();
    if (!cohortId) return;
    setRaising(true);
    setError(null);
    try {
      await live.command<TicketView>('ticket:raise', { cohortId, question, ...chosenContext(about) });
      clearQuestion();
      setAbout(NO_CONTEXT);
    } catch (cause) {
      setError(cause);
    } finally {
      setRaising(false);
    }
  };

  const standing = (ticket: TicketView) => state?.queue.waiting.find((entry) => entry.ticketId === ticket.id);
  const presence = usePresence(cohortId);
  const facilitatorsOnline = presence?.facilitatorsOnline ?? state?.queue.facilitatorsOnline ?? 0;
  const names = presence?.facilitators.map((person) => person.displayName) ?? [];
  const fieldError = (field: string) => (error instanceof LiveCommandError ? error.details.find((detail) => detail.field === field)?.message : undefined);
  const questionError = fieldError('question');
  const shownNextToAField = ['question', ...Object.keys(NO_CONTEXT)].some((field) => fieldError(field));

  return (
    <section aria-labelledby="help-title">
      <h1 id="help-title">{t('help.title')}</h1>
      <CohortPicker
        cohorts={cohorts}
        value={cohortId}
        onChange={(next) => {
          setCohortId(next);
          setAbout(NO_CONTEXT); // briefs and resources are the cohort's
        }}
      />
      <FormError error={loadError} />
      <p className="presence" role="status">
        {facilitatorsOnline === 0
          ? t('help.noFacilitator')
          : names.length > 0
            ? t('help.facilitatorsOnlineNamed', { names: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(names) })
            : t('help.facilitatorsOnline', { count: facilitatorsOnline })}
      </p>

      <form className="card" onSubmit={(event) => void raise(event)}>
        <Field label={t('help.question')} hint={t('help.questionHint')} error={questionError}>
          {({ id, describedBy, invalid }) => (
            <textarea id={id} rows={4} maxLength={2000} value={question} onChange={(e) => setQuestion(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} required />
          )}
        </Field>
        <TicketContextFields options={contextOptions} value={about} onChange={setAbout} errorOf={fieldError} />
        {!shownNextToAField && <FormError error={error} />}
        <button type="submit" className="button" disabled={raising || !question.trim()}>
          {raising ? t('help.raising') : t('help.raise')}
        </button>
      </form>

      <h2>{t('help.myTickets')}</h2>
      {open.length === 0 && <p>{t('help.none')}</p>}
      {open.map((ticket) => (
        <article key={ticket.id} className="card ticket" aria-label={ticket.question ?? ''}>
          <p className="ticket__question">{ticket.question}</p>
          <TicketContextLine ticket={ticket} options={contextOptions} />
          {ticket.status === 'waiting' && (
            <p role="status">
              {standing(ticket)?.position ? t('help.position', { position: standing(ticket)?.position }) : t('help.waiting')}
              {standing(ticket)?.estimatedWaitSeconds != null && ` · ${t('help.estimate', { minutes: Math.ceil((standing(ticket)?.estimatedWaitSeconds ?? 0) / 60) })}`}
            </p>
          )}
          {ticket.status === 'claimed' && (
            <>
              <p role="status">{t('help.claimedBy', { name: ticket.claimedBy?.displayName ?? '' })}</p>
              {state && <Conversation ticketId={ticket.id} myId={me.id} messages={sortedMessages(state, ticket.id)} />}
            </>
          )}
          <button type="button" className="button button--quiet" onClick={() => void live.command('ticket:cancel', { ticketId: ticket.id }).catch(setError)}>
            {t('help.cancel')}
          </button>
        </article>
      ))}
      {closed.map((ticket) => (
        <article key={ticket.id} className="card ticket ticket--closed">
          <p className="ticket__question">{ticket.question}</p>
          <p>{t('help.resolved', { resolution: ticket.resolution ?? '' })}</p>
        </article>
      ))}
    </section>
  );
}

