/**
 * The words of a title being typed, as a PostgreSQL `websearch_to_tsquery` text where any
 * word may match ("comment centrer une div" → "comment or centrer or une or div"). The
 * database drops stop words and stems; ranking puts titles sharing more words first.
 * Quotes and minus signs are removed so the text cannot turn into phrase or negation syntax.
 */
export function anyWordQuery(title: string, maxWords = 12): string {
  const words = title
    .replace(/["\-]/g, ' ')
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter((word) => word.length > 1 && word.toLowerCase() !== 'or')
    .slice(0, maxWords);
  return words.join(' or ');
}
