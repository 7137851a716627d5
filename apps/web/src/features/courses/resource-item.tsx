import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../ui/error-message';
import { formatDuration } from './duration';
import { withResourceDone } from './progress';
import { markResource, myProgressKey } from './queries';
import type { MyProgress, Resource } from './types';

/**
 * One resource with its "done" box. The box and every progress bar change at once (optimistic);
 * if the API refuses, the change is undone and the reason said next to the box.
 */
export function ResourceItem({ resource, cohortId, done, ready }: { resource: Resource; cohortId: string; done: boolean; ready: boolean }) {
  const { t } = useTranslation('courses');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const key = myProgressKey(cohortId);
  const apply = (value: boolean) => queryClient.setQueryData<MyProgress>(key, (progress) => progress && withResourceDone(progress, resource.moduleId, resource.id, value));
  // What the box shows from the click on: the optimistic update below lands a microtask later,
  // and a controlled checkbox would flick back in between.
  const [clicked, setClicked] = useState<boolean | null>(null);
  const mark = useMutation({
    mutationFn: (value: boolean) => markResource(cohortId, resource.id, value),
    onMutate: async (value) => {
      // A refetch in flight would answer with the old state and overwrite the box just ticked.
      await queryClient.cancelQueries({ queryKey: key });
      apply(value);
    },
    onError: (_error, value) => apply(!value),
    onSettled: () => {
      setClicked(null);
      return queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const errorId = `resource-${resource.id}-error`;
  return (
    <li className="courses-resource">
      <div className="courses-resource__title">
        <a href={resource.url} target="_blank" rel="noopener noreferrer">
          {resource.title}
          <span className="visually-hidden"> {t('course.newTab')}</span>
        </a>
        <p className="courses-meta">
          {t(`kind.${resource.kind}`)}
          {resource.estimatedMinutes > 0 && ` · ${t('duration.about', { duration: formatDuration(t, resource.estimatedMinutes) })}`}
        </p>
      </div>
      <label className="courses-done">
        <input
          type="checkbox"
          checked={clicked ?? done}
          // Until the progress is read the box cannot say whether it is done; while saving, a second click would race the first.
          disabled={!ready || mark.isPending}
          aria-describedby={mark.error ? errorId : undefined}
          onChange={(event) => {
            setClicked(event.target.checked);
            mark.mutate(event.target.checked);
          }}
        />
        {t('course.done')}
        <span className="visually-hidden"> : {resource.title}</span>
      </label>
      {mark.error && (
        <p className="form-error courses-resource__error" id={errorId} role="alert">
          {t('course.saveFailed', { message: errorText(mark.error) })}
        </p>
      )}
    </li>
  );
}
