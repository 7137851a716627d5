import { useTranslation } from 'react-i18next';
import type { Brief } from './types';

/**
 * The brief as written: context, deliverables, targeted competencies with the level expected.
 * The context is markdown; it is shown as typed (line breaks kept) rather than rendered, so that no
 * HTML from a brief ever reaches the page.
 */
export function BriefDetails({ brief, headingLevel = 3 }: { brief: Brief; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('briefs');
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      {brief.context.trim() && (
        <>
          <Heading>{t('brief.context')}</Heading>
          <p className="briefs-text">{brief.context}</p>
        </>
      )}
      <Heading>{t('brief.deliverables')}</Heading>
      <p className="briefs-text">{brief.deliverables.trim() || t('brief.noDeliverables')}</p>
      <Heading>{t('brief.competencies')}</Heading>
      <ul>
        {brief.competencies.map((competency) => (
          <li key={competency.code}>
            <strong>{competency.code}</strong> · {competency.title} — {t('brief.expected', { level: competency.expectedLevel, name: t(`level.${competency.expectedLevel}`) })}
          </li>
        ))}
      </ul>
    </>
  );
}
