import type { TicketView } from '@fabrique/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** How many resolved tickets the console offers to publish: the latest ones, the others are in the measures. */
const LATEST = 10;
/** The console offers what was resolved in the last week, as the measures' default range does. */
const WEEK_MS = 7 * 86_400_000;

export const resolvedTicketsKey = (cohortId: string | null) => ['cohorts', cohortId, 'resolved-tickets'];

/**
 * The cohort's latest tickets resolved in the last 7 days, with their question and resolution:
 * the snapshot of the queue holds open tickets only, and a facilitator may publish a ticket
 * resolved before this page was opened.
 */
async function latestResolved(cohortId: string): Promise<TicketView[]> {
  const query = new URLSearchParams({ status: 'resolved', since: new Date(Date.now() - WEEK_MS).toISOString(), limit: String(LATEST) });
  return api<TicketView[]>(`/api/cohorts/${cohortId}/tickets?${query}`);
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
