import type { FieldError } from '@fabrique/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

export interface ImportedMember {
  line: number;
  displayName: string;
  userId: string;
  email: string;
  role: 'learner' | 'facilitator';
  status: 'invited' | 'member_added' | 'unchanged';
  acceptUrl?: string;
  expiresAt?: string;
}

/**
 * A line's problem in the user's language, from the rule the API names and the values it gives (the
 * cell as typed, the first line of a repeated e-mail). For a rule this screen does not know, the API's
 * English words, without the line number the table already shows: `lang` says which.
 */
function problemText(problem: FieldError, t: TFunction<'admin'>, exists: (key: string, options: object) => boolean): { text: string; lang?: 'en' } {
  const key = `roster.problems.${problem.rule}`;
  const params = problem.params ?? {};
  // count picks "1 colonne" or "4 colonnes"; context picks the member's current role.
  const options = { ...params, limit: problem.limit, count: Number(params.found ?? 0), context: params.currentRole === undefined ? undefined : String(params.currentRole) };
  if (problem.rule && exists(key, options)) return { text: t(key, options) };
  return { text: problem.message.replace(/^line \d+:\s*/i, ''), lang: 'en' };
}

/** Every bad line of a refused roster, announced at once so the admin fixes the file in one go. */
export function RosterProblems({ problems }: { problems: FieldError[] }) {
  const { t, i18n } = useTranslation('admin');
  const exists = (key: string, options: object) => i18n.exists(key, { ...options, ns: 'admin' });
  const sorted = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return (
    <div role="alert" className="admin-report admin-report--refused">
      <table>
        <caption>{t('roster.problemsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roster.line')}</th>
            <th scope="col">{t('roster.column')}</th>
            <th scope="col">{t('roster.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((problem, index) => {
            const { text, lang } = problemText(problem, t, exists);
            return (
              <tr key={`${problem.line}-${problem.field}-${index}`}>
                <th scope="row">{problem.line}</th>
                <td>{t(`roster.fields.${problem.field}`, { defaultValue: problem.field })}</td>
                <td lang={lang} className="admin-break">
                  {text}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** What an accepted roster did, person by person, with the invitation links the admin must pass on. */
export function RosterResult({ cohortName, members }: { cohortName: string; members: ImportedMember[] }) {
  const { t } = useTranslation('admin');
  return (
    <section className="card admin-report" aria-labelledby="roster-result-title">
      <h2 id="roster-result-title">{t('roster.resultTitle')}</h2>
      <p role="status">{t('roster.imported', { count: members.length, cohort: cohortName })}</p>
      {members.some((member) => member.status === 'invited') && <p>{t('roster.sendLinks')}</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('members.name')}</th>
            <th scope="col">{t('members.role')}</th>
            <th scope="col">{t('roster.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.userId}>
              <th scope="row">
                {member.displayName}
                <br />
                <span className="admin-muted admin-break">{member.email}</span>
              </th>
              <td>{t(`roles.${member.role}`)}</td>
              <td>
                {t(`roster.status.${member.status}`)}
                {member.acceptUrl && (
                  <>
                    <br />
                    <a href={member.acceptUrl}>
                      {t('roster.invitationLink')}
                      <span className="visually-hidden"> {t('roster.invitationOf', { name: member.displayName })}</span>
                    </a>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
