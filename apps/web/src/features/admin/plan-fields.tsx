import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Field } from '../../ui/field';
import type { Member, Site } from './admin-api';
import { NTH_WEEKS, RULE_KINDS, type RuleDraft } from './rhythm-rule';

type FieldErrorOf = (field: string) => string | undefined;

/** Which weeks: the rule's kind as radio buttons, then only the settings of that kind. */
export function RuleFields({ draft, onChange, errorOf }: { draft: RuleDraft; onChange: (next: RuleDraft) => void; errorOf: FieldErrorOf }) {
  const { t } = useTranslation('admin');
  const kindError = errorOf('rule.kind') ?? errorOf('rule');
  return (
    <>
      <fieldset className="admin-fieldset" aria-describedby={kindError ? 'rule-kind-error' : undefined}>
        <legend>{t('planner.rule')}</legend>
        {RULE_KINDS.map((kind) => (
          <label key={kind} className="admin-choice">
            <input type="radio" name="rule-kind" value={kind} checked={draft.kind === kind} onChange={() => onChange({ ...draft, kind })} />
            {t(`planner.kinds.${kind}`)}
          </label>
        ))}
        {kindError && (
          <p className="field__error" id="rule-kind-error">
            {kindError}
          </p>
        )}
      </fieldset>
      {draft.kind === 'nth-week-of-month' && (
        <Field label={t('planner.n')} error={errorOf('rule.n')}>
          {({ id, describedBy, invalid }) => (
            <select id={id} value={draft.n} onChange={(event) => onChange({ ...draft, n: event.target.value as RuleDraft['n'] })} aria-describedby={describedBy} aria-invalid={invalid}>
              {NTH_WEEKS.map((n) => (
                <option key={n} value={n}>
                  {t(`planner.nth.${n}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {draft.kind === 'every-n-weeks' && (
        <div className="admin-pair">
          <Field label={t('planner.every')} hint={t('planner.everyHint')} error={errorOf('rule.every')}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                type="number"
                inputMode="numeric"
                min={1}
                max={12}
                required
                value={draft.every}
                onChange={(event) => onChange({ ...draft, every: event.target.value })}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </Field>
          <Field label={t('planner.from')} hint={t('planner.fromHint')} error={errorOf('rule.from')}>
            {({ id, describedBy, invalid }) => (
              <input id={id} type="date" required value={draft.from} onChange={(event) => onChange({ ...draft, from: event.target.value })} aria-describedby={describedBy} aria-invalid={invalid} />
            )}
          </Field>
        </div>
      )}
    </>
  );
}

/** The room, every site's rooms grouped by site, the cohort's home site first. */
export function RoomSelect({ sites, value, onChange, error }: { sites: Site[]; value: string; onChange: (roomId: string) => void; error?: string }) {
  const { t } = useTranslation('admin');
  const hasRooms = sites.some((site) => site.rooms.length > 0);
  return (
    <Field label={t('planner.room')} hint={hasRooms ? undefined : t('planner.noRoom')} error={error}>
      {({ id, describedBy, invalid }) => (
        <select id={id} value={value} onChange={(event) => onChange(event.target.value)} aria-describedby={describedBy} aria-invalid={invalid} required disabled={!hasRooms}>
          {sites
            .filter((site) => site.rooms.length > 0)
            .map((site) => (
              <optgroup key={site.id} label={site.name}>
                {site.rooms.map((room) => (
                  <option key={room.id} value={room.id}>
                    {t('planner.roomOption', { room: room.name, capacity: room.capacity })}
                  </option>
                ))}
              </optgroup>
            ))}
        </select>
      )}
    </Field>
  );
}

/** The facilitators on site those weeks, among the cohort's own (the API refuses anyone else). */
export function FacilitatorChoice({
  cohortId,
  facilitators,
  selected,
  onToggle,
  error,
}: {
  cohortId: string;
  facilitators: Member[];
  selected: (userId: string) => boolean;
  onToggle: (userId: string) => void;
  error?: string;
}) {
  const { t } = useTranslation('admin');
  return (
    <fieldset className="admin-fieldset" aria-describedby={error ? 'facilitators-error' : undefined}>
      <legend>{t('planner.facilitators')}</legend>
      {facilitators.length === 0 && (
        <p>
          {t('planner.noFacilitator')} <Link to={`/administration/roster?cohort=${cohortId}`}>{t('planner.importRoster')}</Link>
        </p>
      )}
      {facilitators.map((facilitator) => (
        <label key={facilitator.userId} className="admin-choice">
          <input type="checkbox" checked={selected(facilitator.userId)} onChange={() => onToggle(facilitator.userId)} />
          {facilitator.displayName}
        </label>
      ))}
      {error && (
        <p className="field__error" id="facilitators-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
