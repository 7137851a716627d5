import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FieldError } from '@fabrique/contracts';
import type { ChangeEvent, FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { FormError } from '../../ui/error-message';
import { Field } from '../../ui/field';
import { useDraft } from '../../ui/use-draft';
import { adminKeys, type Cohort } from './admin-api';
import { CohortMembers } from './cohort-members';
import { CohortSelect, useSelectedCohort } from './cohort-select';
import { type ImportedMember, RosterProblems, RosterResult } from './roster-report';

/** Roster import: pick a cohort, paste or read a CSV file, import it whole or learn every bad line. */
export function RosterImportPage() {
  const { t } = useTranslation('admin');
  const { cohortId, cohort, select } = useSelectedCohort();
  return (
    <section className="admin-screen" aria-labelledby="roster-title">
      <h1 id="roster-title">{t('roster.title')}</h1>
      <p>{t('roster.intro')}</p>
      <CohortSelect value={cohortId} onChange={select} />
      {cohort && (
        <>
          {/* A fresh form per cohort: its draft, its errors and its result belong to that cohort. */}
          <RosterImportForm key={cohort.id} cohort={cohort} />
          <CohortMembers cohortId={cohort.id} />
        </>
      )}
    </section>
  );
}

/** The problems of a refused roster are the error's details that name a line. */
const badLines = (error: unknown): FieldError[] => (error instanceof ApiError && error.status === 400 ? error.details.filter((detail) => detail.line !== undefined) : []);

function RosterImportForm({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const [csv, setCsv, clearCsv] = useDraft(`admin.roster.${cohort.id}`);
  const importRoster = useMutation({
    mutationFn: (text: string) => api<{ members: ImportedMember[] }>(`/api/cohorts/${cohort.id}/roster`, { method: 'POST', raw: { contentType: 'text/csv', text } }),
    onSuccess: () => {
      clearCsv();
      return queryClient.invalidateQueries({ queryKey: adminKeys.members(cohort.id) });
    },
  });
  const problems = badLines(importRoster.error);
  const lineCount = new Set(problems.map((problem) => problem.line)).size;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    importRoster.mutate(csv);
  };
  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    // Into the text box rather than sent at once: the admin sees it and may fix it before importing.
    setCsv(await file.text());
    importRoster.reset();
  };

  return (
    <>
      <form className="card" onSubmit={submit} aria-labelledby="roster-form-title">
        <h2 id="roster-form-title">{t('roster.formTitle', { cohort: cohort.name })}</h2>
        <Field label={t('roster.csv')} hint={t('roster.csvHint')} error={problems.length > 0 ? t('roster.refused', { count: lineCount }) : undefined}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              className="admin-csv"
              rows={8}
              wrap="off"
              spellCheck={false}
              autoCapitalize="off"
              value={csv}
              onChange={(event) => setCsv(event.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              placeholder={t('roster.csvExample')}
            />
          )}
        </Field>
        {problems.length > 0 && <RosterProblems problems={problems} />}
        <Field label={t('roster.file')} hint={t('roster.fileHint')}>
          {({ id, describedBy }) => <input id={id} type="file" accept=".csv,text/csv,text/plain" onChange={(event) => void readFile(event)} aria-describedby={describedBy} />}
        </Field>
        {problems.length === 0 && <FormError error={importRoster.error} />}
        <button type="submit" className="button" disabled={importRoster.isPending || !csv.trim()}>
          {importRoster.isPending ? t('roster.importing') : t('roster.import')}
        </button>
      </form>
      {importRoster.data && <RosterResult cohortName={cohort.name} members={importRoster.data.members} />}
    </>
  );
}
