/*
 * Mentions: "@aicha.traore" in a post notifies that user if they can read the thread.
 * A handle is derived from the display name, so nobody has to choose one.
 */

const MARKS = /\p{M}/gu;

/** "Aïcha Traoré-Diallo" → "aicha.traore-diallo": lower case, accents removed, spaces as dots. */
export function handleOf(displayName: string): string {
  return displayName
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9.\-_\s]/g, '')
    .replace(/\s+/g, '.');
}

// Code is quoted, not addressed to anyone: an "@Injectable()" in a snippet mentions nobody.
const FENCED_CODE = /(^|\n)(```|~~~)[^\n]*\n[\s\S]*?(\n\2[^\n]*(?=\n|$)|$)/g;
const INDENTED_CODE = /(^|\n)( {4}|\t)[^\n]*/g;
const INLINE_CODE = /(`+)[\s\S]*?\1/g;
// After a start of text or a character that cannot be part of an e-mail address.
const MENTION = /(?:^|[^\p{L}\p{N}_.@-])@([\p{L}\p{N}][\p{L}\p{N}._-]*[\p{L}\p{N}]|[\p{L}\p{N}])/gu;

/** The distinct handles mentioned in a markdown text, outside code, normalised like `handleOf`. */
export function mentionedHandles(markdown: string): string[] {
  const prose = markdown.replace(FENCED_CODE, '\n').replace(INDENTED_CODE, '\n').replace(INLINE_CODE, ' ');
  const handles = new Set<string>();
  for (const match of prose.matchAll(MENTION)) handles.add(handleOf(match[1] as string));
  return [...handles];
}
