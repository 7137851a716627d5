import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ThreadSummary } from './types';

/**
 * A change to a thread (a vote, an acceptance, a reply…): once the API took it, the thread, its
 * replies, the searches and the cohort's list are read again, since each shows part of it.
 */
export function useThreadChange<TArgs, TResult>(thread: Pick<ThreadSummary, 'id' | 'cohortId'>, change: (args: TArgs) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['threads'] }),
        queryClient.invalidateQueries({ queryKey: ['cohorts', thread.cohortId, 'threads'] }),
      ]);
    },
  });
}
