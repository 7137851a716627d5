import type { FieldError } from '@fabrique/contracts';
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

/** The server prefixes each reason with its line, which the table already shows in its own column. */
const reason = (message: string) => message.replace(/^line \d+:\s*/i, '');

/** Every bad line of a refused roster, announced at once so the admin fixes the file in one go. */
export function RosterProblems({ problems }: { problems: FieldError[] }) {
  const { t } = useTranslation('admin');
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
          {sorted.map((problem, index) => (
            <tr key={`${problem.line}-${problem.field}-${index}`}>
              <th scope="row">{problem.line}</th>
              <td>{t(`roster.fields.${problem.field}`, { defaultValue: problem.field })}</td>
              {/* The reasons come from the server, in English. */}
              <td lang="en" className="admin-break">
                {reason(problem.message)}
              </td>
            </tr>
          ))}
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
