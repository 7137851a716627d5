import type { TicketView } from '@fabrique/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

interface MeasuredTicketPage {
  items: { id: string; status: TicketView['status'] }[];
  nextCursor: string | null;
}

/** How many resolved tickets the console offers to publish: the latest ones, the others are in the measures. */
const LATEST = 10;
/** Pages of the week's tickets read at most (500 each): a busy week still answers quickly. */
const MAX_PAGES = 4;

export const resolvedTicketsKey = (cohortId: string | null) => ['cohorts', cohortId, 'resolved-tickets'];

/**
 * The cohort's latest tickets resolved in the last 7 days (the measures' default range), with their
 * question and resolution: the snapshot of the queue holds open tickets only, and a facilitator
 * may publish a ticket resolved before this page was opened.
 */
async function latestResolved(cohortId: string): Promise<TicketView[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ limit: '500', ...(cursor ? { cursor } : {}) });
    const answer: MeasuredTicketPage = await api<MeasuredTicketPage>(`/api/cohorts/${cohortId}/help-measures/tickets?${query}`);
    ids.push(...answer.items.filter((ticket) => ticket.status === 'resolved').map((ticket) => ticket.id));
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  const latest = ids.slice(-LATEST);
  const tickets = await Promise.all(latest.map((id) => api<TicketView & { messages?: unknown }>(`/api/tickets/${id}`)));
  return tickets.map(({ messages: _messages, ...ticket }) => ticket);
}

export function useResolvedTickets(cohortId: string | null) {
  return useQuery({ queryKey: resolvedTicketsKey(cohortId), queryFn: () => latestResolved(cohortId as string), enabled: Boolean(cohortId) });
}

/** The fetched ones and those resolved live since, newest first (a live version replaces a fetched one). */
export function mergeResolved(fetched: readonly TicketView[], live: Iterable<TicketView>): TicketView[] {
  const byId = new Map(fetched.map((ticket) => [ticket.id, ticket]));
  for (const ticket of live) if (ticket.status === 'resolved') byId.set(ticket.id, ticket);
  return [...byId.values()].sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
}
