import { BODY_MAX_LENGTH, TITLE_MAX_LENGTH, TITLE_MIN_LENGTH, normalizeTags } from '@fabrique/domain';

/** How the learner appears in a published ticket: their name is never published. */
export const LEARNER_LABEL = 'Apprenant·e';
const CONVERSATION_HEADING = '### Conversation';
const CUT = '…';

export interface ThreadSource {
  learner: { id: string; displayName: string };
  question: string;
  resolution: string;
  competencyCode: string | null;
  messages: { authorId: string; authorName: string; body: string }[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Markdown punctuation escaped, so a name shows as written. */
const escapeMarkdown = (text: string) => text.replace(/[\\`*_{}[\]()#+!<>|~-]/g, '\\$&');

/**
 * Replaces the learner's name in free text (a facilitator greeting them by name, a learner
 * signing): the full name, the name without its first word ("Le Gall"), then each part of it
 * of three letters or more, as whole words.
 */
export function withoutName(text: string, displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter((word) => word.length > 0);
  const parts = [words.join(' '), words.slice(1).join(' '), ...words.filter((word) => word.length >= 3)].filter((part) => part.length >= 3);
  return parts.reduce(
    (result, part) => result.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(part).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu'), LEARNER_LABEL),
    text,
  );
}

/** The question on one line, cut at a word to fit a thread title; a very short one gets a prefix to reach the minimum. */
export function titleFromQuestion(question: string): string {
  const line = question.replace(/\s+/g, ' ').trim();
  if (line.length < TITLE_MIN_LENGTH) return `Question : ${line}`;
  if (line.length <= TITLE_MAX_LENGTH) return line;
  const room = line.slice(0, TITLE_MAX_LENGTH - CUT.length);
  const space = room.lastIndexOf(' ');
  return `${(space >= TITLE_MIN_LENGTH ? room.slice(0, space) : room).trimEnd()}${CUT}`;
}

/** A message as one item of a markdown list: its later lines indented so they stay in the item. */
const listItem = (author: string, body: string) => `- **${author}** : ${body.trim().split('\n').join('\n  ')}`;

/**
 * The thread a resolved ticket becomes: the question, then the conversation as a list where
 * the learner is "Apprenant·e" and facilitators are named; the resolution is the accepted
 * reply. The learner's name is taken out of every text. Kept within the body limit: the
 * conversation's last messages give way first.
 */
export function ticketThread(source: ThreadSource): { title: string; body: string; answer: string; tags: string[] } {
  const scrub = (text: string) => withoutName(text, source.learner.displayName);
  const question = scrub(source.question).trim();
  let body = question;
  if (source.messages.length > 0) {
    const items = source.messages.map((m) => listItem(m.authorId === source.learner.id ? LEARNER_LABEL : escapeMarkdown(m.authorName), scrub(m.body)));
    const head = `${question}\n\n${CONVERSATION_HEADING}\n\n`;
    const omitted = `\n- ${CUT}`;
    let kept = items.length;
    while (kept > 0 && head.length + items.slice(0, kept).join('\n').length + (kept < items.length ? omitted.length : 0) > BODY_MAX_LENGTH) kept--;
    body = kept > 0 ? `${head}${items.slice(0, kept).join('\n')}${kept < items.length ? omitted : ''}` : question;
  }
  const tags = source.competencyCode ? normalizeTags([source.competencyCode]) : { tags: [] };
  return { title: titleFromQuestion(question), body, answer: scrub(source.resolution).trim(), tags: 'tags' in tags ? tags.tags : [] };
}
