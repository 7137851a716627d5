import type { LiveEvent, TicketMessage, TicketView } from '@fabrique/contracts';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { live } from '../../live/live-client';
import { applyEvent, fromSnapshot, type HelpQueueState, type QueueSnapshot, withMessages } from './help-queue-state';

/**
 * A cohort's help queue, live: a `queue:get` snapshot after every (re)connection, then the live
 * events newer than it (events that arrive while the snapshot loads are held, then applied).
 * The conversations of the claimed tickets `followsConversation` picks are reloaded with
 * `ticket:get` too (later messages arrive live).
 */
export function useHelpQueue(cohortId: string | null, followsConversation: (ticket: TicketView) => boolean) {
  const [state, setState] = useState<HelpQueueState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const follows = useRef(followsConversation);
  useLayoutEffect(() => {
    follows.current = followsConversation;
  });

  const loadConversation = useCallback(async (ticketId: string) => {
    const ticket = await live.request<TicketView & { messages: TicketMessage[] }>('ticket:get', { ticketId });
    setState((current) => (current ? withMessages(current, ticketId, ticket.messages) : current));
  }, []);

  useEffect(() => {
    if (!cohortId) return;
    let held: LiveEvent[] | null = [];
    let cancelled = false;
    const reload = async () => {
      held = [];
      try {
        const snapshot = await live.request<QueueSnapshot>('queue:get', { cohortId });
        if (cancelled) return;
        const pending: LiveEvent[] = held ?? [];
        held = null;
        setState((previous) => pending.reduce(applyEvent, fromSnapshot(snapshot, previous ?? undefined)));
        setError(null);
        const claimed = snapshot.tickets.filter((ticket) => ticket.status === 'claimed' && follows.current(ticket));
        await Promise.all(claimed.map((ticket) => loadConversation(ticket.id).catch(() => undefined)));
      } catch (cause) {
        held = null;
        if (!cancelled) setError(cause);
      }
    };
    const offLive = live.on('live', (event) => {
      if (event.cohortId !== cohortId) return;
      if (held) held.push(event);
      else setState((current) => (current ? applyEvent(current, event) : current));
    });
    const offPresence = live.on('presence', (signal) => {
      if (signal.cohortId !== cohortId) return;
      setState((current) => (current ? { ...current, queue: { ...current.queue, facilitatorsOnline: signal.facilitatorsOnline } } : current));
    });
    const offReconnected = live.on('reconnected', () => void reload());
    if (live.status === 'online') void reload();
    return () => {
      cancelled = true;
      offLive();
      offPresence();
      offReconnected();
    };
  }, [cohortId, loadConversation]);

  return { state, error, loadConversation };
}
