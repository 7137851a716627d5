import { useEffect, useState } from 'react';
import { live, type LiveStatus } from './live-client';

/** The connection's status, for the banner. */
export function useLiveStatus(): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>(live.status);
  useEffect(() => live.on('status', setStatus), []);
  return status;
}
