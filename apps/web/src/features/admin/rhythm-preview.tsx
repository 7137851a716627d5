import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { FormError } from '../../ui/error-message';
import { formatDate } from '../../ui/format';

export interface Clash {
  code: string;
  message: string;
}

export interface PreviewWeek {
  monday: string;
  isoWeek: string;
  clashes: Clash[];
}

/**
 * The weeks a rule yields, each with its clashes: the admin ticks the weeks to keep. A clashing
 * week cannot be ticked, since the API would refuse the whole commit.
 */
export function RhythmPreview(props: {
  weeks: PreviewWeek[];
  zone: string;
  accepted: (monday: string) => boolean;
  onToggle: (monday: string) => void;
  onCommit: () => void;
  committing: boolean;
  error: unknown;
}) {
  const { t } = useTranslation('admin');
  const { weeks, zone, accepted } = props;
  // Booked meanwhile by someone else: nothing was written, and the preview made again shows where.
  const conflict = props.error instanceof ApiError && props.error.status === 409;
  const free = weeks.filter((week) => week.clashes.length === 0).length;
  const count = weeks.filter((week) => week.clashes.length === 0 && accepted(week.monday)).length;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onCommit();
  };
  return (
    <section className="card" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('preview.title')}</h2>
      <p>{weeks.length === 0 ? t('preview.noWeek') : t('preview.summary', { count: weeks.length, free })}</p>
      {weeks.length > 0 && (
        <form onSubmit={submit}>
          <fieldset className="admin-fieldset">
            <legend>{t('preview.pick')}</legend>
            <ul className="admin-weeks">
              {weeks.map((week) => {
                const clashing = week.clashes.length > 0;
                const id = `week-${week.monday}`;
                return (
                  <li key={week.monday} className={clashing ? 'admin-week admin-week--clash' : 'admin-week'}>
                    <label className="admin-choice" htmlFor={id}>
                      <input
                        id={id}
                        type="checkbox"
                        checked={!clashing && accepted(week.monday)}
                        disabled={clashing}
                        onChange={() => props.onToggle(week.monday)}
                        aria-describedby={clashing ? `${id}-clashes` : undefined}
                      />
                      {t('preview.week', { date: formatDate(week.monday, zone), week: week.isoWeek })}
                    </label>
                    {clashing && (
                      <ul className="admin-clashes" id={`${id}-clashes`}>
                        {week.clashes.map((clash) => (
                          <li key={clash.code + clash.message}>
                            <strong>{t(`clashes.${clash.code}`, { defaultValue: t('clashes.other') })}</strong>
                            {/* The server's words name who holds the room or the facilitator; they are in English. */}
                            {' — '}
                            <span lang="en">{clash.message}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ul>
          </fieldset>
          {conflict ? (
            <p className="form-error" role="alert">
              {t('preview.conflict')}
            </p>
          ) : (
            <FormError error={props.error} />
          )}
          <button type="submit" className="button" disabled={count === 0 || props.committing}>
            {props.committing ? t('preview.committing') : t('preview.commit', { count })}
          </button>
        </form>
      )}
    </section>
  );
}
