import { useTranslation } from 'react-i18next';
import type { WorkStatus } from './types';

/** Where a learner's work stands, in words (never by colour alone). */
export function StatusBadge({ status }: { status: WorkStatus }) {
  const { t } = useTranslation('briefs');
  return <span className={`badge badge--${status}`}>{t(`status.${status}`)}</span>;
}

/** Shown next to a version sent after the due time, and next to work still missing once it is due. */
export function LateBadge() {
  const { t } = useTranslation('briefs');
  return <span className="badge badge--late">{t('late')}</span>;
}
