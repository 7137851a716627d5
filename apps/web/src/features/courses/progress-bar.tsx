import { useTranslation } from 'react-i18next';
import { percentOf } from './progress';

/** A bar and its words ("3 / 5 ressources"): the bar is named after what it measures, the words say the count. */
export function ProgressBar({ name, done, total }: { name: string; done: number; total: number }) {
  const { t } = useTranslation('courses');
  const complete = total > 0 && done >= total;
  return (
    <p className={complete ? 'courses-progress courses-progress--complete' : 'courses-progress'}>
      <progress max={Math.max(total, 1)} value={Math.min(done, total)} aria-label={t('progress.label', { name })} aria-valuetext={`${percentOf(done, total)} %`} />
      <span>
        {t('progress.resources', { done, count: total })}
        {complete && ` · ${t('progress.complete')}`}
      </span>
    </p>
  );
}
