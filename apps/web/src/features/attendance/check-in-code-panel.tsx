import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { FormError } from '../../ui/error-message';
import { formatDate } from '../../ui/format';
import { CHECK_IN_REASONS } from './check-in-errors';
import type { CheckInCode } from './types';

/** "048213" as "048 213": easier to read from the back of the room. */
const spaced = (code: string) => code.replace(/(\d{3})(?=\d)/g, '$1 ');

/** Whether `expiresAt` has passed, checked every few seconds while the code is on screen. */
function useExpired(expiresAt: string | undefined): boolean {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!expiresAt) return;
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(timer);
  }, [expiresAt]);
  return expiresAt !== undefined && new Date(expiresAt).getTime() <= now;
}

/**
 * The check-in code for the half-day under way, shown large for projecting in the room. A new
 * code replaces the previous one on the server; closing only hides it (the API cannot revoke one).
 */
export function CheckInCodePanel(props: {
  cohortId: string;
  zone: string;
  code: CheckInCode | null;
  presentCount: { count: number; total: number } | null;
  onOpened: (code: CheckInCode) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation('attendance');
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const panel = useRef<HTMLElement>(null);
  const showButton = useRef<HTMLButtonElement>(null);
  const expired = useExpired(props.code?.expiresAt);

  const open = async () => {
    setOpening(true);
    setError(null);
    try {
      props.onOpened(await api<CheckInCode>(`/api/cohorts/${props.cohortId}/attendance/check-in-codes`, { method: 'POST', body: {} }));
    } catch (cause) {
      setError(cause);
    } finally {
      setOpening(false);
    }
  };
  const close = () => {
    props.onClosed();
    // The panel goes away with the focus in it: give the focus back to where the code is shown from.
    setTimeout(() => showButton.current?.focus());
  };
  useEffect(() => {
    if (props.code) panel.current?.focus();
  }, [props.code]);

  const notOnSite = error instanceof ApiError && error.body?.reason === CHECK_IN_REASONS.notOnSite;
  if (!props.code) {
    return (
      <div className="attendance-open-code">
        <button ref={showButton} type="button" className="button" onClick={() => void open()} disabled={opening}>
          {opening ? t('code.opening') : t('code.show')}
        </button>
        {notOnSite ? (
          <p className="form-error" role="alert">
            {t('code.notOnSite')}
          </p>
        ) : (
          <FormError error={error} />
        )}
      </div>
    );
  }

  const { code } = props;
  const when = t(`halfDayOf.${code.halfDay}`, { date: formatDate(code.date, props.zone) });
  return (
    <section ref={panel} tabIndex={-1} className="card attendance-code" aria-labelledby="attendance-code-title">
      <h2 id="attendance-code-title">{t('code.title')}</h2>
      <p className={expired ? 'attendance-code__digits attendance-code__digits--expired' : 'attendance-code__digits'}>
        {spaced(code.code)}
      </p>
      <p>{t('code.forHalfDay', { when })}</p>
      {expired ? (
        <p className="form-error" role="alert">
          {t('code.expired')}
        </p>
      ) : (
        <p>{t('code.expiresAt', { date: formatDate(code.expiresAt, props.zone, 'dayTime') })}</p>
      )}
      {props.presentCount && (
        <p role="status" className="attendance-code__count">
          {t('code.checkedIn', { count: props.presentCount.count, total: props.presentCount.total })}
        </p>
      )}
      <FormError error={error} />
      <div className="attendance-actions">
        <button type="button" className="button" onClick={() => void open()} disabled={opening}>
          {opening ? t('code.opening') : t('code.renew')}
        </button>
        <button type="button" className="button button--quiet" onClick={close}>
          {t('code.close')}
        </button>
      </div>
      <p className="field__hint">{t('code.closedNote')}</p>
    </section>
  );
}
