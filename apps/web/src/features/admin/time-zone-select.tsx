import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/field';

/** Every IANA zone the browser knows, Europe/Paris first: most sites are in France. */
function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'Europe/Paris');
  // A site saved with a zone this browser does not list (an alias such as UTC) keeps it.
  if (current && current !== 'Europe/Paris' && !zones.includes(current)) zones.unshift(current);
  return ['Europe/Paris', ...zones];
}

export function TimeZoneSelect({ value, onChange, error }: { value: string; onChange: (zone: string) => void; error?: string }) {
  const { t } = useTranslation('admin');
  return (
    <Field label={t('sites.timeZone')} hint={t('sites.timeZoneHint')} error={error}>
      {({ id, describedBy, invalid }) => (
        <select id={id} value={value} onChange={(event) => onChange(event.target.value)} aria-describedby={describedBy} aria-invalid={invalid}>
          {timeZones(value).map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
