import type { Submission } from './types';

/** What a version holds: its links (opened in a new tab, never followed with our page's referrer) and its comment. */
export function SubmittedWork({ version }: { version: Pick<Submission, 'links' | 'comment'> }) {
  return (
    <>
      <ul className="briefs-links">
        {version.links.map((link) => (
          <li key={link}>
            <a href={link} target="_blank" rel="noopener noreferrer">
              {link}
            </a>
          </li>
        ))}
      </ul>
      {version.comment && <p className="briefs-text">{version.comment}</p>}
    </>
  );
}
