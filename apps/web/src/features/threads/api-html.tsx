/**
 * HTML the API made safe to insert: a post's `bodyHtml` (markdown rendered then sanitised by
 * libs/markdown with a tag and scheme allowlist) or a highlight (`titleHighlight`, `snippet`:
 * escaped text with only <mark> added). Nothing typed in this app ever reaches these components.
 */
export function PostHtml({ html }: { html: string }) {
  return <div className="threads-post" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A highlighted title or excerpt from the search API (see above: escaped by the API). */
export function Highlighted({ html, className }: { html: string; className?: string }) {
  return <span className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
