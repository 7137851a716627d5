import type { PresenceSignal } from '@fabrique/contracts';
import { useEffect, useState } from 'react';
import { live } from '../../live/live-client';

/** Who facilitates this cohort and is online now: the last presence the realtime service said, then each change. */
export function usePresence(cohortId: string | null): PresenceSignal | undefined {
  const [signal, setSignal] = useState<PresenceSignal | undefined>(() => (cohortId ? live.presenceOf(cohortId) : undefined));
  const [shownFor, setShownFor] = useState(cohortId);
  if (shownFor !== cohortId) {
    // Another cohort chosen: start from what is known of it (React's "adjust state while rendering").
    setShownFor(cohortId);
    setSignal(cohortId ? live.presenceOf(cohortId) : undefined);
  }
  useEffect(() => live.on('presence', (next) => next.cohortId === cohortId && setSignal(next)), [cohortId]);
  return signal;
}
