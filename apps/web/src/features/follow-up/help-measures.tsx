import { useQuery } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionError } from './section-error';
import { TableBox } from './table-box';
import { Field } from '../../ui/field';
import { formatDate } from '../../ui/format';
import { summarise } from './measures-summary';
import { fetchMeasuredTickets, fetchMeasures } from './queries';
import { useDuration } from './use-duration';

/** The periods offered: the API measures up to 92 days back, to today at the cohort's site. */
const PERIODS = [7, 30, 92] as const;

/** Live help in figures for a period: a sentence that sums it up, then per day and per facilitator as tables. */
export function HelpMeasures({ cohortId, timeZone }: { cohortId: string; timeZone: string }) {
  const { t } = useTranslation('followUp');
  const duration = useDuration();
  const [days, setDays] = useState<(typeof PERIODS)[number]>(7);
  // `to` is left to the API (today at the cohort's site); `from` counted back from today here is the same day but near midnight.
  const from = DateTime.now().setZone(timeZone).minus({ days: days - 1 }).toISODate() as string;
  const measures = useQuery({ queryKey: ['cohorts', cohortId, 'help-measures', from], queryFn: () => fetchMeasures(cohortId, from) });
  const tickets = useQuery({ queryKey: ['cohorts', cohortId, 'help-measures', from, 'tickets'], queryFn: () => fetchMeasuredTickets(cohortId, from) });
  const data = measures.data;
  const summary = tickets.data ? summarise(tickets.data) : null;
  const day = (date: string) => formatDate(date, timeZone);
  const range = data ? { from: day(data.from), to: day(data.to) } : null;
  const activeDays = data?.days.filter((d) => d.raised + d.resolved + d.cancelled > 0) ?? [];

  return (
    <section aria-labelledby="measures-title" className="card follow-up__section">
      <h2 id="measures-title">{t('measures.title')}</h2>
      <Field label={t('measures.period')}>
        {({ id }) => (
          <select id={id} value={days} onChange={(event) => setDays(Number(event.target.value) as (typeof PERIODS)[number])}>
            {PERIODS.map((count) => (
              <option key={count} value={count}>
                {t('measures.days', { count })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SectionError error={measures.error ?? tickets.error} />
      {(measures.isPending || tickets.isPending) && <p role="status">{t('loading')}</p>}
      {data && range && summary && (
        <>
          <p className="follow-up__summary">
            {summary.raised === 0
              ? t('measures.nothing', range)
              : t('measures.summary', {
                  ...range,
                  raised: summary.raised,
                  resolved: summary.resolved,
                  cancelled: summary.cancelled,
                  medianWait: duration(summary.medianWaitingSeconds),
                  p90Wait: duration(summary.p90WaitingSeconds),
                  medianResolution: duration(summary.medianResolutionSeconds),
                })}
          </p>
          <p className="follow-up__note">{t('measures.timeZone', { zone: data.timeZone })}</p>
          {activeDays.length > 0 && (
            <TableBox label={t('measures.byDay', range)}>
              <table>
                <caption>{t('measures.byDay', range)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('measures.day')}</th>
                    <th scope="col">{t('measures.raised')}</th>
                    <th scope="col">{t('measures.resolved')}</th>
                    <th scope="col">{t('measures.cancelled')}</th>
                    <th scope="col">{t('measures.medianWait')}</th>
                    <th scope="col">{t('measures.p90Wait')}</th>
                    <th scope="col">{t('measures.over15')}</th>
                  </tr>
                </thead>
                <tbody>
                  {activeDays.map((d) => (
                    <tr key={d.date}>
                      <th scope="row">{day(d.date)}</th>
                      <td>{d.raised}</td>
                      <td>{d.resolved}</td>
                      <td>{d.cancelled}</td>
                      <td>{duration(d.medianWaitingSeconds)}</td>
                      <td>{duration(d.p90WaitingSeconds)}</td>
                      <td>{d.waitedOver15Minutes}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableBox>
          )}
          {data.facilitators.length === 0 ? (
            summary.raised > 0 && <p>{t('measures.noFacilitator')}</p>
          ) : (
            <TableBox label={t('measures.byFacilitator', range)}>
              <table>
                <caption>{t('measures.byFacilitator', range)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('measures.facilitator')}</th>
                    <th scope="col">{t('measures.handled')}</th>
                    <th scope="col">{t('measures.medianHandling')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.facilitators.map((row) => (
                    <tr key={row.facilitator.id}>
                      <th scope="row">{row.facilitator.displayName}</th>
                      <td>{row.handled}</td>
                      <td>{duration(row.medianHandlingSeconds)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableBox>
          )}
        </>
      )}
    </section>
  );
}
