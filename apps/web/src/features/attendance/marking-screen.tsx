import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../auth/use-me';
import { CohortPicker } from '../../ui/cohort-picker';
import { FormError } from '../../ui/error-message';
import { formatDate } from '../../ui/format';
import { AttendanceExport } from './attendance-export';
import { CheckInCodePanel } from './check-in-code-panel';
import { DayPicker } from './day-picker';
import { LearnerMark } from './learner-mark';
import { defaultDay, now, onSiteDays, today } from './on-site-days';
import { calendarKey, dayKey, fetchCalendar, fetchDay } from './queries';
import type { CheckInCode, CohortChoice, HalfDay } from './types';

/** While a code is on screen, learners check in one after another: the list follows every few seconds. */
const POLL_WHILE_CODE_SHOWN_MS = 3_000;

/** One cohort's attendance: the on-site day and half-day, the check-in code, each learner's status, the export. */
export function MarkingScreen({ me, cohorts }: { me: Me; cohorts: CohortChoice[] }) {
  const { t } = useTranslation('attendance');
  const [cohortId, setCohortId] = useState((cohorts[0] as CohortChoice).id);
  const cohort = cohorts.find((candidate) => candidate.id === cohortId) ?? (cohorts[0] as CohortChoice);
  const [chosenDay, setChosenDay] = useState<string | null>(null);
  const [chosenHalfDay, setChosenHalfDay] = useState<HalfDay | null>(null);
  const [code, setCode] = useState<CheckInCode | null>(null);

  const calendar = useQuery({ queryKey: calendarKey(cohort.id), queryFn: () => fetchCalendar(cohort.id) });
  const days = onSiteDays(calendar.data ?? []);
  const day = chosenDay ?? defaultDay(days, today(me.timeZone));
  const underWay = now(me.timeZone);
  const halfDay = chosenHalfDay ?? (day === underWay.date ? underWay.halfDay : 'morning');
  const attendance = useQuery({
    queryKey: dayKey(cohort.id, day),
    queryFn: () => fetchDay(cohort.id, day as string),
    enabled: day !== null,
    refetchInterval: code ? POLL_WHILE_CODE_SHOWN_MS : false,
  });

  const changeCohort = (next: string) => {
    setCohortId(next);
    setChosenDay(null);
    setChosenHalfDay(null);
    setCode(null);
  };
  // The code is for the half-day under way at the site: show that half-day, where check-ins land.
  const showCode = (opened: CheckInCode) => {
    setCode(opened);
    setChosenDay(opened.date);
    setChosenHalfDay(opened.halfDay);
  };

  const when = day ? t(`halfDayOf.${halfDay}`, { date: formatDate(day, me.timeZone) }) : '';
  const learners = attendance.data?.learners.filter((learner) => learner.isLearner || learner[halfDay]) ?? [];
  const here = learners.filter((learner) => ['present', 'late'].includes(learner[halfDay]?.status ?? '')).length;

  return (
    <>
      <CohortPicker cohorts={cohorts} value={cohort.id} onChange={changeCohort} />
      <CheckInCodePanel
        cohortId={cohort.id}
        zone={me.timeZone}
        code={code}
        onOpened={showCode}
        onClosed={() => setCode(null)}
        presentCount={code && code.date === day && code.halfDay === halfDay ? { count: here, total: learners.length } : null}
      />
      {calendar.isPending && <p role="status">{t('loading')}</p>}
      <FormError error={calendar.error} />
      {calendar.data && days.length === 0 && <p>{t('noOnSiteDay')}</p>}
      {day && (
        <>
          <DayPicker days={days} day={day} halfDay={halfDay} zone={me.timeZone} onDay={setChosenDay} onHalfDay={setChosenHalfDay} />
          <section aria-labelledby="attendance-learners">
            <h2 id="attendance-learners">{t('learnersTitle', { when })}</h2>
            {attendance.isPending && <p role="status">{t('loading')}</p>}
            <FormError error={attendance.error} />
            {attendance.data && learners.length === 0 && <p>{t('noLearner')}</p>}
            <ul className="attendance-learners">
              {learners.map((learner) => (
                <LearnerMark key={`${day}|${halfDay}|${learner.userId}`} cohortId={cohort.id} date={day} halfDay={halfDay} learner={learner} zone={me.timeZone} />
              ))}
            </ul>
          </section>
        </>
      )}
      <AttendanceExport cohort={cohort} zone={me.timeZone} />
    </>
  );
}
