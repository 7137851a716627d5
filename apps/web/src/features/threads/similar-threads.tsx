import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Highlighted } from './api-html';
import { similarKey, similarThreads } from './queries';
import { ThreadFacts } from './thread-summary-item';
import { useDebounced } from './use-debounced';

/** How long typing must pause before asking for similar questions. */
const PAUSE_MS = 300;

/**
 * Existing questions like the title being typed, so a learner finds their answer before asking
 * again. Announced politely: a screen reader hears that suggestions appeared without losing focus.
 */
export function SimilarThreads({ cohortId, title, zone }: { cohortId: string; title: string; zone: string }) {
  const { t } = useTranslation('threads');
  const typed = useDebounced(title.trim(), PAUSE_MS);
  const similar = useQuery({
    queryKey: similarKey(cohortId, typed),
    queryFn: () => similarThreads(cohortId, typed),
    enabled: typed.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const items = typed ? (similar.data?.items ?? []) : [];
  return (
    <div aria-live="polite">
      {items.length > 0 && (
        <section className="card threads-similar" aria-labelledby="similar-title">
          <h2 id="similar-title">{t('similar.title')}</h2>
          <p className="threads-meta">{t('similar.hint')}</p>
          <ul className="threads-list">
            {items.map((thread) => (
              <li key={thread.id}>
                <Link to={`/threads/${thread.id}`}>
                  <Highlighted html={thread.titleHighlight} />
                </Link>
                <ThreadFacts thread={thread} zone={zone} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
