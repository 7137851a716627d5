import { useTranslation } from 'react-i18next';
import type { Vote } from './types';

/**
 * A post's score and, when the reader may vote (never on their own post), "useful" and "not
 * useful" as toggle buttons: pressing the pressed one again withdraws the vote.
 */
export function VoteControl(props: { score: number; myVote: Vote | null; canVote: boolean; subject: string; pending: boolean; onVote: (value: Vote | null) => void }) {
  const { t } = useTranslation('threads');
  const button = (value: Vote, label: string, name: string) => (
    <button
      type="button"
      className="button button--quiet threads-vote"
      aria-label={name}
      aria-pressed={props.myVote === value}
      disabled={props.pending}
      onClick={() => props.onVote(props.myVote === value ? null : value)}
    >
      <span aria-hidden="true">{value === 1 ? '▲' : '▼'}</span> {label}
    </button>
  );
  return (
    <div className="threads-votes">
      <span className="threads-score">{t('vote.score', { score: props.score })}</span>
      {props.canVote && (
        <>
          {button(1, t('vote.up'), t('vote.upOf', { what: props.subject }))}
          {button(-1, t('vote.down'), t('vote.downOf', { what: props.subject }))}
        </>
      )}
    </div>
  );
}
