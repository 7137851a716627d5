import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/field';
import { formatDate } from '../../ui/format';
import { HALF_DAYS, type HalfDay } from './types';

/** Which on-site day and half-day the list shows: attendance is taken per half-day. */
export function DayPicker(props: { days: string[]; day: string; halfDay: HalfDay; zone: string; onDay: (day: string) => void; onHalfDay: (halfDay: HalfDay) => void }) {
  const { t } = useTranslation('attendance');
  // A day chosen before the calendar changed stays listed, so the select never shows another day than the list.
  const days = props.days.includes(props.day) ? props.days : [...props.days, props.day].sort();
  return (
    <div className="attendance-when">
      <Field label={t('day')}>
        {({ id }) => (
          <select id={id} value={props.day} onChange={(event) => props.onDay(event.target.value)}>
            {days.map((day) => (
              <option key={day} value={day}>
                {formatDate(day, props.zone)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="attendance-group">
        <legend>{t('halfDay')}</legend>
        <div className="attendance-choices">
          {HALF_DAYS.map((halfDay) => (
            <label key={halfDay}>
              <input type="radio" name="attendance-half-day" value={halfDay} checked={props.halfDay === halfDay} onChange={() => props.onHalfDay(halfDay)} />
              {t(`halfDays.${halfDay}`)}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
