import type { TicketMessage } from '@fabrique/contracts';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { live, LiveCommandError } from '../../live/live-client';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import { useDraft } from '../../ui/use-draft';

/** The chat of a claimed ticket: messages as they arrive, a typing hint, and a message box whose draft survives a lost connection. */
export function Conversation({ ticketId, messages, myId }: { ticketId: string; messages: TicketMessage[]; myId: string }) {
  const { t } = useTranslation();
  const [draft, setDraft, clearDraft] = useDraft(`message.${ticketId}`);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [typing, setTyping] = useState<string | null>(null);
  const lastTyping = useRef(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = live.on('typing', (signal) => {
      if (signal.ticketId !== ticketId) return;
      setTyping(signal.user.displayName);
      clearTimeout(timer);
      timer = setTimeout(() => setTyping(null), 4_000);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [ticketId]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    setSending(true);
    setError(null);
    try {
      await live.command('ticket:message', { ticketId, body: draft });
      clearDraft();
    } catch (cause) {
      setError(cause);
    } finally {
      setSending(false);
    }
  };

  const onType = (value: string) => {
    setDraft(value);
    // One hint every 2.5 s at most: it counts against the socket's rate limit.
    if (Date.now() - lastTyping.current > 2_500) {
      lastTyping.current = Date.now();
      live.typing(ticketId);
    }
  };

  return (
    <section className="conversation" aria-label={t('help.chat')}>
      <ol className="conversation__messages" aria-live="polite">
        {messages.map((message) => (
          <li key={message.id} className={message.author.id === myId ? 'message message--mine' : 'message'}>
            <span className="message__author">{message.author.displayName}</span>
            <p>{message.body}</p>
          </li>
        ))}
      </ol>
      {typing && <p className="conversation__typing">{t('help.typing', { name: typing })}</p>}
      <form onSubmit={(event) => void send(event)}>
        <Field label={t('help.message')} error={error instanceof LiveCommandError ? error.details.find((d) => d.field === 'body')?.message : undefined}>
          {({ id, describedBy, invalid }) => (
            <textarea id={id} rows={2} value={draft} onChange={(e) => onType(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} maxLength={4000} />
          )}
        </Field>
        {!(error instanceof LiveCommandError && error.details.length > 0) && error ? <FormError error={error} /> : null}
        <button type="submit" className="button" disabled={sending}>
          {t('help.send')}
        </button>
      </form>
    </section>
  );
}
