import type { MeasuredTicket } from './queries';

/** Continuous percentile (interpolated between the two nearest values), as PostgreSQL's percentile_cont the API uses. */
export function percentile(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = fraction * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export interface MeasuresSummary {
  raised: number;
  resolved: number;
  cancelled: number;
  medianWaitingSeconds: number | null;
  p90WaitingSeconds: number | null;
  medianResolutionSeconds: number | null;
}

/** The whole period in a few figures: waits of the claimed tickets, handling time (claim to resolution) of the resolved ones. */
export function summarise(tickets: readonly MeasuredTicket[]): MeasuresSummary {
  // A wait counts once someone claimed the ticket (a ticket still waiting, or cancelled unclaimed, has no wait yet), as in the daily figures.
  const waits = tickets.filter((t) => t.claimedBy !== null && t.status !== 'waiting').flatMap((t) => (t.waitingSeconds == null ? [] : [t.waitingSeconds]));
  const handling = tickets.filter((t) => t.status === 'resolved').flatMap((t) => (t.handlingSeconds == null ? [] : [t.handlingSeconds]));
  return {
    raised: tickets.length,
    resolved: tickets.filter((t) => t.status === 'resolved').length,
    cancelled: tickets.filter((t) => t.status === 'cancelled').length,
    medianWaitingSeconds: percentile(waits, 0.5),
    p90WaitingSeconds: percentile(waits, 0.9),
    medianResolutionSeconds: percentile(handling, 0.5),
  };
}
