import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/field';
import type { TicketContextOptions } from './ticket-context';

export interface TicketContextChoice {
  briefId: string;
  resourceId: string;
  competencyCode: string;
}

export const NO_CONTEXT: TicketContextChoice = { briefId: '', resourceId: '', competencyCode: '' };

/** The optional "about" of a question: a brief, a course resource, a competency; each with the server's complaint next to it. */
export function TicketContextFields(props: {
  options: TicketContextOptions;
  value: TicketContextChoice;
  onChange: (value: TicketContextChoice) => void;
  errorOf: (field: keyof TicketContextChoice) => string | undefined;
}) {
  const { t } = useTranslation('liveHelp');
  const { options, value, onChange, errorOf } = props;
  if (options.briefs.length === 0 && options.competencies.length === 0 && !options.modules.some((module) => module.resources.length > 0)) return null;
  const set = (field: keyof TicketContextChoice) => (next: string) => onChange({ ...value, [field]: next });
  return (
    <fieldset className="ticket-context-fields">
      <legend>{t('context.legend')}</legend>
      {options.briefs.length > 0 && (
        <Field label={t('context.brief')} error={errorOf('briefId')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} value={value.briefId} onChange={(e) => set('briefId')(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid}>
              <option value="">{t('context.none')}</option>
              {options.briefs.map((brief) => (
                <option key={brief.id} value={brief.id}>
                  {brief.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {options.modules.some((module) => module.resources.length > 0) && (
        <Field label={t('context.resource')} error={errorOf('resourceId')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} value={value.resourceId} onChange={(e) => set('resourceId')(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid}>
              <option value="">{t('context.none')}</option>
              {options.modules
                .filter((module) => module.resources.length > 0)
                .map((module) => (
                  <optgroup key={module.id} label={module.title}>
                    {module.resources.map((resource) => (
                      <option key={resource.id} value={resource.id}>
                        {resource.title}
                      </option>
                    ))}
                  </optgroup>
                ))}
            </select>
          )}
        </Field>
      )}
      {options.competencies.length > 0 && (
        <Field label={t('context.competency')} error={errorOf('competencyCode')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} value={value.competencyCode} onChange={(e) => set('competencyCode')(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid}>
              <option value="">{t('context.none')}</option>
              {options.competencies.map((competency) => (
                <option key={competency.code} value={competency.code}>
                  {competency.code} — {competency.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </fieldset>
  );
}

/** Only what was chosen: the API refuses empty ids. */
export function chosenContext(choice: TicketContextChoice): Partial<TicketContextChoice> {
  return Object.fromEntries(Object.entries(choice).filter(([, v]) => v !== '')) as Partial<TicketContextChoice>;
}
