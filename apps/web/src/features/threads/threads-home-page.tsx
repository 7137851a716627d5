import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Me } from '../../auth/use-me';
import { CohortPicker } from '../../ui/cohort-picker';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import { cohortThreads, cohortThreadsKey, searchKey, searchThreads } from './queries';
import { ThreadSummaryItem } from './thread-summary-item';
import type { Page, SearchHit, ThreadStatus, ThreadSummary } from './types';

const STATUSES: readonly ThreadStatus[] = ['unanswered', 'answered', 'accepted'];
const statusOf = (value: string | null): ThreadStatus | null => STATUSES.find((status) => status === value) ?? null;

/**
 * /threads: search every thread the user may read, or without a query the recent questions of
 * one of their cohorts. The query, the status filter and the cohort live in the address, so a
 * search can be shared and the browser's back button returns to the previous one.
 */
export function ThreadsHomePage({ me }: { me: Me }) {
  const { t } = useTranslation('threads');
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const status = statusOf(params.get('status'));
  const cohortId = me.cohorts.some((cohort) => cohort.id === params.get('cohort')) ? params.get('cohort') : (me.cohorts[0]?.id ?? null);

  const change = (name: string, value: string | null, replace = false) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace });
  };

  return (
    <section aria-labelledby="threads-title">
      <div className="threads-heading">
        <h1 id="threads-title">{t('title')}</h1>
        {me.cohorts.length > 0 && (
          <Link className="button" to="/threads/new">
            {t('ask')}
          </Link>
        )}
      </div>
      {me.cohorts.length === 0 && !me.isAdmin ? (
        <p>{t('noCohort')}</p>
      ) : (
        <>
          {/* Keyed on the query: going back in history shows that search's words in the box. */}
          <SearchForm key={q} q={q} onSearch={(next) => change('q', next)} />
          <Field label={t('status.label')}>
            {({ id }) => (
              <select id={id} className="threads-status" value={status ?? ''} onChange={(event) => change('status', event.target.value, true)}>
                <option value="">{t('status.all')}</option>
                {STATUSES.map((value) => (
                  <option key={value} value={value}>
                    {t(`status.${value}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {q ? (
            <SearchResults q={q} status={status} zone={me.timeZone} />
          ) : (
            cohortId && (
              <>
                <CohortPicker cohorts={me.cohorts} value={cohortId} onChange={(next) => change('cohort', next, true)} />
                <RecentThreads cohortId={cohortId} cohortName={me.cohorts.length > 1 ? me.cohorts.find((cohort) => cohort.id === cohortId)?.name : undefined} status={status} zone={me.timeZone} />
              </>
            )
          )}
        </>
      )}
    </section>
  );
}

function SearchForm({ q, onSearch }: { q: string; onSearch: (q: string | null) => void }) {
  const { t } = useTranslation('threads');
  const [text, setText] = useState(q);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim() || null);
  };
  return (
    <form role="search" className="threads-search" onSubmit={submit}>
      <Field label={t('search.label')} hint={t('search.hint')}>
        {({ id, describedBy }) => (
          <div className="threads-search__row">
            <input id={id} type="search" maxLength={200} value={text} onChange={(event) => setText(event.target.value)} aria-describedby={describedBy} />
            <button type="submit" className="button">
              {t('search.submit')}
            </button>
          </div>
        )}
      </Field>
      {q && (
        <button type="button" className="button button--quiet" onClick={() => onSearch(null)}>
          {t('search.clear')}
        </button>
      )}
    </form>
  );
}

function SearchResults({ q, status, zone }: { q: string; status: ThreadStatus | null; zone: string }) {
  const { t } = useTranslation('threads');
  const results = useInfiniteQuery({
    queryKey: searchKey(q, status),
    queryFn: ({ pageParam }) => searchThreads(q, status, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page<SearchHit>) => last.nextCursor,
  });
  return (
    <ThreadList
      heading={t('search.results', { q })}
      empty={t('search.none', { q })}
      query={results}
      zone={zone}
    />
  );
}

function RecentThreads({ cohortId, cohortName, status, zone }: { cohortId: string; cohortName?: string; status: ThreadStatus | null; zone: string }) {
  const { t } = useTranslation('threads');
  const threads = useInfiniteQuery({
    queryKey: cohortThreadsKey(cohortId, status),
    queryFn: ({ pageParam }) => cohortThreads(cohortId, status, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page<ThreadSummary>) => last.nextCursor,
  });
  return <ThreadList heading={cohortName ? t('recent.titleOf', { cohort: cohortName }) : t('recent.title')} empty={t('recent.none')} query={threads} zone={zone} />;
}

interface ListQuery<T> {
  data?: { pages: Page<T>[] };
  isPending: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** A titled list of questions, page after page on demand. */
function ThreadList<T extends ThreadSummary>({ heading, empty, query, zone }: { heading: string; empty: string; query: ListQuery<T>; zone: string }) {
  const { t } = useTranslation('threads');
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="threads-list-title">
      <h2 id="threads-list-title">{heading}</h2>
      {query.isPending && <p role="status">{t('loading')}</p>}
      <FormError error={query.error} />
      {query.data && items.length === 0 && <p>{empty}</p>}
      <ul className="threads-list">
        {items.map((thread) => (
          <ThreadSummaryItem key={thread.id} thread={thread} zone={zone} />
        ))}
      </ul>
      {query.hasNextPage && (
        <button type="button" className="button button--quiet" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {query.isFetchingNextPage ? t('loading') : t('more')}
        </button>
      )}
    </section>
  );
}
