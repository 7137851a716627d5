import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/error-message';
import { useMembers } from './admin-api';

/** Who is in the cohort now: after an import, the admin sees the roster applied (or untouched). */
export function CohortMembers({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation('admin');
  const members = useMembers(cohortId);
  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title">{t('members.title')}</h2>
      {members.isPending && <p>{t('loading')}</p>}
      <FormError error={members.error} />
      {members.data?.length === 0 && <p>{t('members.none')}</p>}
      {members.data && members.data.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('members.caption', { count: members.data.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('members.role')}</th>
              <th scope="col">{t('members.account')}</th>
            </tr>
          </thead>
          <tbody>
            {members.data.map((member) => (
              <tr key={member.userId}>
                <th scope="row">
                  {member.displayName}
                  {member.email && (
                    <>
                      <br />
                      <span className="admin-muted admin-break">{member.email}</span>
                    </>
                  )}
                </th>
                <td>{t(`roles.${member.role}`)}</td>
                <td>{member.active ? t('members.active') : t('members.invited')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
