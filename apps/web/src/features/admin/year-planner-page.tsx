import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/client';
import type { Me } from '../../auth/use-me';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import { formatDate } from '../../ui/format';
import { adminKeys, type CalendarWeek, type Cohort, useMembers, useSites } from './admin-api';
import { CohortSelect, useSelectedCohort } from './cohort-select';
import { OnSiteWeeks } from './on-site-weeks';
import { FacilitatorChoice, RoomSelect, RuleFields } from './plan-fields';
import { type PreviewWeek, RhythmPreview } from './rhythm-preview';
import { mondayOf, type RhythmRule, type RuleDraft, toRule } from './rhythm-rule';

interface Plan {
  rule: RhythmRule;
  roomId: string;
  facilitatorIds: string[];
  agenda?: string;
}

/** The fields of the plan the API may name in its errors; anything else is shown above the button. */
const PLAN_FIELDS = ['rule', 'rule.kind', 'rule.n', 'rule.every', 'rule.from', 'roomId', 'facilitatorIds', 'agenda'];

/** The year planner: a rhythm rule, a room and facilitators → a preview with its clashes → commit the weeks kept. */
export function YearPlannerPage({ me }: { me: Me }) {
  const { t } = useTranslation('admin');
  const { cohortId, cohort, select } = useSelectedCohort();
  return (
    <section className="admin-screen" aria-labelledby="planner-title">
      <h1 id="planner-title">{t('planner.title')}</h1>
      <p>{t('planner.intro')}</p>
      <CohortSelect value={cohortId} onChange={select} />
      {cohort && (
        <>
          <p className="admin-muted">{t('planner.dates', { from: formatDate(cohort.startsOn, me.timeZone), to: formatDate(cohort.endsOn, me.timeZone) })}</p>
          {/* A fresh form per cohort: its room, facilitators and preview belong to that cohort. */}
          <YearPlanForm key={cohort.id} cohort={cohort} zone={me.timeZone} />
          <OnSiteWeeks cohortId={cohort.id} zone={me.timeZone} />
        </>
      )}
    </section>
  );
}

/**
 * The API's refusal of one field of the plan, in the user's language: this screen's words for the
 * planner's own rules (a Monday, a room that exists…), else the shared ones (ApiError.fieldError).
 */
function planFieldError(error: unknown, field: string, t: TFunction<'admin'>, exists: (key: string) => boolean): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const detail = error.details.find((candidate) => candidate.field === field);
  const key = `planner.errors.${detail?.rule}`;
  if (detail?.rule && exists(key)) return t(key, { limit: detail.limit });
  return error.fieldError(field);
}

function YearPlanForm({ cohort, zone }: { cohort: Cohort; zone: string }) {
  const { t, i18n } = useTranslation('admin');
  const queryClient = useQueryClient();
  const sites = useSites();
  const members = useMembers(cohort.id);
  const [rule, setRule] = useState<RuleDraft>({ kind: 'first-full-week-of-month', n: '1', every: '4', from: mondayOf(cohort.startsOn) });
  const [roomId, setRoomId] = useState('');
  // Every facilitator of the cohort is on site unless the admin unticks them.
  const [absent, setAbsent] = useState<ReadonlySet<string>>(new Set());
  const [agenda, setAgenda] = useState('');
  // Weeks the admin unticked in the preview; the others without a clash are kept.
  const [declined, setDeclined] = useState<ReadonlySet<string>>(new Set());

  const orderedSites = [...(sites.data ?? [])].sort((a, b) => Number(b.id === cohort.homeSiteId) - Number(a.id === cohort.homeSiteId));
  const room = roomId || orderedSites.find((site) => site.rooms.length > 0)?.rooms[0]?.id || '';
  const facilitators = members.data?.filter((member) => member.role === 'facilitator') ?? [];
  const plan: Plan = { rule: toRule(rule), roomId: room, facilitatorIds: facilitators.filter((f) => !absent.has(f.userId)).map((f) => f.userId), agenda: agenda.trim() || undefined };

  const preview = useMutation({
    mutationFn: (planned: Plan) => api<{ weeks: PreviewWeek[]; acceptable: string[] }>(`/api/cohorts/${cohort.id}/rhythm/preview`, { method: 'POST', body: planned }),
  });
  const commit = useMutation({
    mutationFn: (accept: string[]) => api<CalendarWeek[]>(`/api/cohorts/${cohort.id}/rhythm`, { method: 'POST', body: { ...preview.variables, accept } }),
    onSuccess: () => {
      preview.reset();
      return queryClient.invalidateQueries({ queryKey: adminKeys.calendar(cohort.id) });
    },
    onError: (error) => {
      // Booked by someone else since the preview: preview again, so the new clash shows on its week.
      if (error instanceof ApiError && error.status === 409 && preview.variables) preview.mutate(preview.variables);
    },
  });

  /** Any change makes the preview stale: it must be made again before committing. */
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      preview.reset();
      commit.reset();
    };

  const runPreview = (event: FormEvent) => {
    event.preventDefault();
    setDeclined(new Set());
    commit.reset();
    preview.mutate(plan);
  };
  const errorOf = (field: string) => planFieldError(preview.error, field, t, (key) => i18n.exists(key, { ns: 'admin' }));
  const generalError = preview.error instanceof ApiError && preview.error.details.some((detail) => PLAN_FIELDS.includes(detail.field)) ? null : preview.error;

  return (
    <>
      <form className="card" onSubmit={runPreview} aria-labelledby="plan-title">
        <h2 id="plan-title">{t('planner.formTitle', { cohort: cohort.name })}</h2>
        <RuleFields draft={rule} onChange={changed(setRule)} errorOf={errorOf} />
        <FormError error={sites.error} />
        {sites.data && <RoomSelect sites={orderedSites} value={room} onChange={changed(setRoomId)} error={errorOf('roomId')} />}
        <FormError error={members.error} />
        {members.data && (
          <FacilitatorChoice
            cohortId={cohort.id}
            facilitators={facilitators}
            selected={(userId) => !absent.has(userId)}
            onToggle={(userId) => changed(setAbsent)(toggleIn(absent, userId))}
            error={errorOf('facilitatorIds')}
          />
        )}
        <Field label={t('planner.agenda')} hint={t('planner.agendaHint')} error={errorOf('agenda')}>
          {({ id, describedBy, invalid }) => (
            <textarea id={id} rows={2} maxLength={4000} value={agenda} onChange={(event) => changed(setAgenda)(event.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
        <FormError error={generalError} />
        <button type="submit" className="button" disabled={!room || !members.data || preview.isPending}>
          {preview.isPending ? t('planner.previewing') : t('planner.preview')}
        </button>
      </form>
      {commit.data && (
        <p className="card admin-done" role="status">
          {t('planner.committed', { count: commit.data.length })}
        </p>
      )}
      {preview.data && (
        <RhythmPreview
          weeks={preview.data.weeks}
          zone={zone}
          accepted={(monday) => !declined.has(monday)}
          onToggle={(monday) => setDeclined(toggleIn(declined, monday))}
          onCommit={() => commit.mutate(preview.data.acceptable.filter((monday) => !declined.has(monday)))}
          committing={commit.isPending}
          error={commit.error}
        />
      )}
    </>
  );
}

function toggleIn(set: ReadonlySet<string>, key: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(key)) next.add(key);
  return next;
}
