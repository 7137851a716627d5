import type { TFunction } from 'i18next';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { FormError } from '../../ui/error-message';
import { formatDate } from '../../ui/format';

export interface Clash {
  code: string;
  message: string;
  /** What the sentence needs: the room, who holds it, dates (YYYY-MM-DD)… */
  params?: Record<string, string | number>;
}

const DATE_PARAMS = ['monday', 'startsOn', 'endsOn'];

/**
 * A clash in the user's language, from its stable code and the API's params (dates shown in the
 * user's zone). For a code this screen does not know, the API's English words: `lang` says so.
 */
function clashText(clash: Clash, zone: string, t: TFunction<'admin'>, exists: (key: string) => boolean): { text: string; lang?: 'en' } {
  const key = `planner.clashes.${clash.code}`;
  if (!exists(key)) return { text: clash.message, lang: 'en' };
  const params = Object.fromEntries(
    Object.entries(clash.params ?? {}).map(([name, value]) => [name, DATE_PARAMS.includes(name) && typeof value === 'string' ? formatDate(value, zone) : value]),
  );
  return { text: t(key, params) };
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
  const { t, i18n } = useTranslation('admin');
  const exists = (key: string) => i18n.exists(key, { ns: 'admin' });
  const { weeks, zone, accepted } = props;
  // Booked meanwhile by someone else: nothing was written, and the preview made again shows where.
  const conflict = props.error instanceof ApiError && props.error.status === 409;
  // The weeks sent are not the rule's any more (changed in another tab): preview again.
  const foreign = props.error instanceof ApiError && props.error.details.some((detail) => detail.rule === 'yieldedByRule');
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
                        {week.clashes.map((clash) => {
                          const { text, lang } = clashText(clash, zone, t, exists);
                          return (
                            <li key={clash.code + clash.message}>
                              <strong>{t(`clashes.${clash.code}`, { defaultValue: t('clashes.other') })}</strong>
                              {' — '}
                              <span lang={lang}>{text}</span>
                            </li>
                          );
                        })}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ul>
          </fieldset>
          {conflict || foreign ? (
            <p className="form-error" role="alert">
              {conflict ? t('preview.conflict') : t('planner.errors.yieldedByRule')}
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
