import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import type { Review, TargetedCompetency } from './types';

/**
 * A review as its reader sees it: the verdict, then each targeted competency with the level reached
 * next to the level expected, and the reviewer's comments. Shared by the learner and the facilitator.
 */
export function ReviewView({ review, competencies, zone, headingLevel = 3 }: { review: Review; competencies: TargetedCompetency[]; zone: string; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation('briefs');
  const Heading = `h${headingLevel}` as const;
  const titles = new Map(competencies.map((competency) => [competency.code, competency]));
  return (
    <section aria-label={t('review.label')}>
      <Heading className={`briefs-verdict briefs-verdict--${review.verdict}`}>{t(`verdict.${review.verdict}`)}</Heading>
      <p className="briefs-meta">{t('review.by', { name: review.reviewerName, date: formatDate(review.reviewedAt, zone, 'dayTime') })}</p>
      {review.comment && <p className="briefs-text">{review.comment}</p>}
      <ul className="briefs-levels" aria-label={t('review.levels')}>
        {review.levels.map((level) => {
          const competency = titles.get(level.code);
          return (
            <li key={level.code}>
              <strong>
                {level.code}
                {competency && ` · ${competency.title}`}
              </strong>
              <br />
              {t('review.reached', { level: level.level, name: t(`level.${level.level}`) })}
              {competency && ` · ${t('review.expected', { level: competency.expectedLevel, name: t(`level.${competency.expectedLevel}`) })}`}
              {level.comment && <span className="briefs-text"> — {level.comment}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
