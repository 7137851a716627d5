import { useTranslation } from 'react-i18next';
import type { Brief } from './types';

/**
 * The brief as written: context, deliverables, targeted competencies with the level expected.
 * Context and deliverables are markdown the API renders and sanitises (libs/markdown allowlist);
 * this page inserts that HTML and never renders markdown of its own.
 */
export function BriefDetails({ brief, headingLevel = 3 }: { brief: Brief; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('briefs');
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      {brief.context.trim() && (
        <>
          <Heading>{t('brief.context')}</Heading>
          <div className="briefs-markdown" dangerouslySetInnerHTML={{ __html: brief.contextHtml }} />
        </>
      )}
      <Heading>{t('brief.deliverables')}</Heading>
      {brief.deliverables.trim() ? <div className="briefs-markdown" dangerouslySetInnerHTML={{ __html: brief.deliverablesHtml }} /> : <p>{t('brief.noDeliverables')}</p>}
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
