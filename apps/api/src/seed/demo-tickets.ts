import type { EntityManager } from 'typeorm';
import { localDateTimeToInstant } from '@fabrique/domain';
import type { DemoLocalTime } from './demo-data.js';

/** Rows this run inserted; all 0 once the demo's tickets exist. */
export interface DemoTicketsResult {
  tickets: number;
  messages: number;
}

interface DemoTicket {
  by: string;
  question: string;
  competency?: string;
  raised: DemoLocalTime;
  /** Minutes from raised to claimed, from claimed to closed. */
  waited: number;
  handled: number;
  claimedBy: string;
  outcome: { resolution: string } | 'cancelled';
  conversation: Array<{ by: string; body: string }>;
}

const JULIEN = 'julien.lefevre@fabrique.demo';

/**
 * Help tickets Promo 1 raised during its last distance weeks, all closed, so that the queue's
 * measures (waiting and handling times per day, per facilitator) have something to show.
 */
const DEMO_TICKETS: DemoTicket[] = [
  {
    by: 'kevin.dasilva@fabrique.demo',
    question: 'Mon `git push` est refusé : « rejected, non-fast-forward ». Je ne veux pas perdre mon travail.',
    competency: 'C1',
    raised: { date: '2026-11-16', time: '10:12' },
    waited: 3,
    handled: 11,
    claimedBy: JULIEN,
    outcome: { resolution: '`git pull --rebase` puis `git push` : la branche distante avait un commit de plus (fait depuis GitHub).' },
    conversation: [
      { by: JULIEN, body: 'Tu as modifié quelque chose directement sur GitHub ?' },
      { by: 'kevin.dasilva@fabrique.demo', body: 'Oui, le README…' },
      { by: JULIEN, body: 'Alors fais `git pull --rebase` et repousse.' },
    ],
  },
  {
    by: 'aicha.traore@fabrique.demo',
    question: 'Ma maquette Figma n’a pas la même largeur que ma page, le menu passe à la ligne.',
    competency: 'C2',
    raised: { date: '2026-11-16', time: '14:40' },
    waited: 17,
    handled: 9,
    claimedBy: JULIEN,
    outcome: { resolution: 'Le cadre Figma faisait 1440 px : ajouter `box-sizing: border-box` et un `max-width` au conteneur.' },
    conversation: [
      { by: JULIEN, body: 'Envoie-moi le lien de la page déployée.' },
      { by: 'aicha.traore@fabrique.demo', body: 'https://aicha-traore.github.io/portfolio/' },
    ],
  },
  {
    by: 'sandrine.lemaire@fabrique.demo',
    question: 'Comment je relie ma table `reservations` à `salles` ? La clé étrangère est refusée.',
    competency: 'C5',
    raised: { date: '2026-11-17', time: '09:35' },
    waited: 6,
    handled: 14,
    claimedBy: JULIEN,
    outcome: { resolution: 'Les types différaient (`int` contre `bigint`) : aligner le type de `salle_id` sur la clé primaire.' },
    conversation: [{ by: JULIEN, body: 'Quel est le type de `salles.id` ?' }],
  },
  {
    by: 'kevin.dasilva@fabrique.demo',
    question: 'Le formulaire de contact recharge la page au lieu d’afficher le message de confirmation.',
    competency: 'C3',
    raised: { date: '2026-11-18', time: '15:02' },
    waited: 24,
    handled: 0,
    claimedBy: JULIEN,
    outcome: 'cancelled',
    conversation: [{ by: 'kevin.dasilva@fabrique.demo', body: 'C’est bon, il manquait `event.preventDefault()` !' }],
  },
  {
    by: 'aicha.traore@fabrique.demo',
    question: 'Le lecteur d’écran lit mon menu deux fois.',
    competency: 'C2',
    raised: { date: '2026-11-19', time: '11:20' },
    waited: 4,
    handled: 18,
    claimedBy: JULIEN,
    outcome: { resolution: 'Le menu mobile et le menu large étaient tous deux dans le DOM : masquer l’un avec `hidden`, pas seulement en CSS.' },
    conversation: [
      { by: JULIEN, body: 'Tu as deux `<nav>` ?' },
      { by: 'aicha.traore@fabrique.demo', body: 'Oui, une pour mobile.' },
    ],
  },
];

/**
 * Writes the demo tickets missing from Promo 1 (found by learner and question), closed, with
 * their conversations. Tickets of someone no longer in the cohort are left out.
 */
export async function seedDemoTickets(manager: EntityManager, target: { cohortId: string; timeZone: string }): Promise<DemoTicketsResult> {
  const result: DemoTicketsResult = { tickets: 0, messages: 0 };
  const rows: Array<{ id: string; email: string }> = await manager.query(
    `SELECT u.id, u.email FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.cohort_id = $1`,
    [target.cohortId],
  );
  const members = new Map(rows.map((row) => [row.email, row.id]));
  for (const demo of DEMO_TICKETS) {
    const learnerId = members.get(demo.by);
    const facilitatorId = members.get(demo.claimedBy);
    if (!learnerId || !facilitatorId) continue;
    const [existing] = await manager.query(`SELECT 1 FROM help_tickets WHERE cohort_id = $1 AND learner_id = $2 AND question = $3`, [target.cohortId, learnerId, demo.question]);
    if (existing) continue;
    const raisedAt = localDateTimeToInstant(demo.raised.date, demo.raised.time, target.timeZone);
    const claimedAt = new Date(raisedAt.getTime() + demo.waited * 60_000);
    const closedAt = new Date(claimedAt.getTime() + Math.max(1, demo.handled) * 60_000);
    const resolved = demo.outcome !== 'cancelled';
    const [ticket] = await manager.query(
      `INSERT INTO help_tickets (cohort_id, learner_id, question, competency_id, status, raised_at, first_claimed_at, claimed_at, claimed_by, closed_at, closed_by, resolution)
       VALUES ($1, $2, $3, (SELECT cp.id FROM competencies cp JOIN cohorts c ON c.track_id = cp.track_id WHERE c.id = $1 AND cp.code = $4),
               $5, $6, $7, $7, $8, $9, $10, $11) RETURNING id`,
      [
        target.cohortId,
        learnerId,
        demo.question,
        demo.competency ?? null,
        resolved ? 'resolved' : 'cancelled',
        raisedAt,
        claimedAt,
        facilitatorId,
        closedAt,
        resolved ? facilitatorId : learnerId,
        resolved ? (demo.outcome as { resolution: string }).resolution : null,
      ],
    );
    result.tickets++;
    let sentAt = claimedAt.getTime();
    for (const message of demo.conversation) {
      const authorId = members.get(message.by);
      if (!authorId) continue;
      sentAt += 60_000;
      await manager.query(`INSERT INTO help_ticket_messages (ticket_id, author_id, body, sent_at) VALUES ($1, $2, $3, $4)`, [ticket.id, authorId, message.body, new Date(Math.min(sentAt, closedAt.getTime()))]);
      result.messages++;
    }
  }
  return result;
}
