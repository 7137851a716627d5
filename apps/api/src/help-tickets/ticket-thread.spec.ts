import { BODY_MAX_LENGTH, TITLE_MAX_LENGTH } from '@fabrique/domain';
import { LEARNER_LABEL, ticketThread, titleFromQuestion, withoutName } from './ticket-thread.js';

describe('a ticket as a thread', () => {
  const learner = { id: 'l', displayName: 'Inès Le Gall' };

  it('takes the learner’s name, and each long enough part of it, out of free text', () => {
    expect(withoutName('Merci Inès ! Signé inès le gall. Inèsse reste.', learner.displayName)).toBe(`Merci ${LEARNER_LABEL} ! Signé ${LEARNER_LABEL}. Inèsse reste.`);
    expect(withoutName('Le Gall et le gallon', learner.displayName)).toBe(`${LEARNER_LABEL} et le gallon`);
  });

  it('makes a title of the question: one line, cut at a word within the limit, prefixed when too short', () => {
    expect(titleFromQuestion('Mon flex\n  ne centre pas')).toBe('Mon flex ne centre pas');
    expect(titleFromQuestion('Aide ?')).toBe('Question : Aide ?');
    const long = titleFromQuestion('mot '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(TITLE_MAX_LENGTH);
    expect(long).toMatch(/mot…$/);
  });

  it('lists the conversation under the question, the learner as Apprenant·e, facilitators by name, within the body limit', () => {
    const thread = ticketThread({
      learner,
      question: 'Bug ?',
      resolution: ' Relancer le serveur, Inès ',
      competencyCode: 'C2',
      messages: [
        { authorId: 'f', authorName: 'Paul *Prof*', body: 'Bonjour Inès' },
        { authorId: 'l', authorName: learner.displayName, body: 'ligne 1\nligne 2' },
      ],
    });
    expect(thread).toEqual({
      title: 'Question : Bug ?',
      body: `Bug ?\n\n### Conversation\n\n- **Paul \\*Prof\\*** : Bonjour ${LEARNER_LABEL}\n- **${LEARNER_LABEL}** : ligne 1\n  ligne 2`,
      answer: `Relancer le serveur, ${LEARNER_LABEL}`,
      tags: ['c2'],
    });
    const long = ticketThread({ learner, question: 'Q', resolution: 'R', competencyCode: 'not a tag!', messages: Array.from({ length: 10 }, () => ({ authorId: 'f', authorName: 'P', body: 'x'.repeat(3000) })) });
    expect(long.body.length).toBeLessThanOrEqual(BODY_MAX_LENGTH);
    expect(long.body).toMatch(/\n- …$/);
    expect(long.tags).toEqual([]);
  });
});
