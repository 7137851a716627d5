import type { DataSource, DeepPartial, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { PasswordHasher } from '@fabrique/auth';
import type { CohortRole } from '@fabrique/domain';
import { Cohort, Competency, Membership, type NewDomainEvent, recordEvents, Room, Site, Track, User } from '@fabrique/persistence';
import { type DemoCalendarResult, seedDemoCalendar } from './demo-calendar.js';
import { type DemoHelpResult, seedDemoHelp } from './demo-help.js';
import { type DemoTicketsResult, seedDemoTickets } from './demo-tickets.js';
import { type DemoLearningResult, seedDemoLearning } from './demo-learning.js';
import { DEMO_CALENDAR, DEMO_COHORT, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_SITE, DEMO_TRACK } from './demo-data.js';

export interface DemoLogin {
  email: string;
  displayName: string;
  role: CohortRole | 'admin';
}

export interface DemoSeedResult {
  siteId: string;
  trackId: string;
  cohortId: string;
  /** Rows this run inserted and updated (the calendar's week rows included): both 0 when the demo data was already in place. */
  created: number;
  updated: number;
  /** What this run did to the cohort's calendar; see seedDemoCalendar. */
  calendar: DemoCalendarResult;
  /** What this run added of the demo course and briefs; see seedDemoLearning. */
  learning: DemoLearningResult;
  /** What this run added of Promo 1's peer-help threads; see seedDemoHelp. */
  help: DemoHelpResult;
  /** What this run added of Promo 1's closed help tickets (for the queue's measures); see seedDemoTickets. */
  tickets: DemoTicketsResult;
  logins: DemoLogin[];
  password: string;
}

type Outcome<T> = { row: T; status: 'created' | 'updated' | 'unchanged'; changes: DeepPartial<T> };

/**
 * Writes the demo school (site, track and framework, cohort, people) in one transaction.
 * Idempotent: every row is found by its natural key (names, codes, e-mails, membership)
 * and only inserted or brought back to the demo values, so running it again changes nothing.
 * Passwords already set are kept: someone who changed theirs while trying the demo keeps it.
 * The cohort's calendar is planned once, while it has no weeks, then left to the admins; the demo
 * course and briefs are only inserted while absent, then left to the facilitators and learners, and
 * so are the peer-help threads.
 */
export function seedDemo(dataSource: DataSource, passwordHasher: Pick<PasswordHasher, 'hash'> = new PasswordHasher()): Promise<DemoSeedResult> {
  return dataSource.transaction(async (manager) => {
    const tally = { created: 0, updated: 0 };
    const events: NewDomainEvent[] = [];
    const count = <T>(outcome: Outcome<T>): T => {
      if (outcome.status === 'created') tally.created++;
      if (outcome.status === 'updated') tally.updated++;
      return outcome.row;
    };

    const site = await upsert(manager, Site, await findByName(manager, Site, DEMO_SITE.name), {
      name: DEMO_SITE.name,
      address: DEMO_SITE.address,
      timeZone: DEMO_SITE.timeZone,
    });
    if (site.status === 'created') events.push({ type: 'site.created', aggregateType: 'site', aggregateId: site.row.id, payload: { name: site.row.name } });
    if (site.status === 'updated') events.push({ type: 'site.updated', aggregateType: 'site', aggregateId: site.row.id, payload: { ...site.changes } });
    count(site);
    const rooms = await manager.findBy(Room, { siteId: site.row.id });
    const roomIds = new Map<string, string>();
    for (const room of DEMO_SITE.rooms) {
      const existing = rooms.find((candidate) => candidate.name.toLowerCase() === room.name.toLowerCase()) ?? null;
      roomIds.set(room.name, count(await upsert(manager, Room, existing, { siteId: site.row.id, ...room })).id);
    }

    const track = await upsert(manager, Track, await findByName(manager, Track, DEMO_TRACK.name), {
      name: DEMO_TRACK.name,
      description: DEMO_TRACK.description,
    });
    if (track.status === 'created') events.push({ type: 'track.created', aggregateType: 'track', aggregateId: track.row.id, payload: { name: track.row.name } });
    count(track);
    const competencies = await manager.findBy(Competency, { trackId: track.row.id });
    for (const [index, competency] of DEMO_TRACK.competencies.entries()) {
      const existing = competencies.find((candidate) => candidate.code === competency.code) ?? null;
      count(await upsert(manager, Competency, existing, { trackId: track.row.id, ...competency, position: index + 1 }));
    }

    const existingCohort = await manager
      .getRepository(Cohort)
      .createQueryBuilder('cohort')
      .where('cohort.trackId = :trackId AND lower(cohort.name) = lower(:name)', { trackId: track.row.id, name: DEMO_COHORT.name })
      .getOne();
    const cohortValues = { ...DEMO_COHORT, trackId: track.row.id, homeSiteId: site.row.id };
    const cohort = await upsert(manager, Cohort, existingCohort, cohortValues);
    if (cohort.status === 'created') events.push({ type: 'cohort.created', aggregateType: 'cohort', aggregateId: cohort.row.id, payload: { ...cohortValues } });
    if (cohort.status === 'updated') events.push({ type: 'cohort.updated', aggregateType: 'cohort', aggregateId: cohort.row.id, payload: { ...cohort.changes } });
    count(cohort);

    const logins: DemoLogin[] = [];
    const facilitatorIds: string[] = [];
    const learners = new Map<string, string>();
    for (const person of DEMO_PEOPLE) {
      const existing = await manager.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.email = :email', { email: person.email }).getOne();
      const user = count(
        await upsert(manager, User, existing, {
          email: person.email,
          displayName: person.displayName,
          isAdmin: person.isAdmin,
          locale: 'fr',
          timeZone: DEMO_SITE.timeZone,
          ...(existing?.passwordHash ? {} : { passwordHash: await passwordHasher.hash(DEMO_PASSWORD) }),
        }),
      );
      if (person.role) {
        const membership = await upsert(manager, Membership, await manager.findOneBy(Membership, { cohortId: cohort.row.id, userId: user.id }), {
          cohortId: cohort.row.id,
          userId: user.id,
          role: person.role,
        });
        if (membership.status === 'created') {
          events.push({ type: 'membership.added', aggregateType: 'cohort', aggregateId: cohort.row.id, payload: { userId: user.id, role: person.role } });
        }
        count(membership);
        if (person.role === 'facilitator') facilitatorIds.push(user.id);
        if (person.role === 'learner') learners.set(person.email, user.id);
      }
      logins.push({ email: person.email, displayName: person.displayName, role: person.role ?? 'admin' });
    }

    const roomId = roomIds.get(DEMO_CALENDAR.roomName);
    if (!roomId) throw new Error(`DEMO_CALENDAR.roomName "${DEMO_CALENDAR.roomName}" is not one of DEMO_SITE.rooms`);
    const { calendar, events: calendarEvents } = await seedDemoCalendar(manager, { cohortId: cohort.row.id, roomId, facilitatorIds });
    tally.created += calendar.onSiteWeeks + calendar.holidayWeeks + calendar.internshipWeeks;
    events.push(...calendarEvents);

    // After the calendar: module due dates are read from the cohort's weeks.
    const { learning, events: learningEvents } = await seedDemoLearning(manager, { trackId: track.row.id, cohortId: cohort.row.id, facilitatorId: facilitatorIds[0], learners });
    const { unassignable: _unassignable, ...learningRows } = learning;
    tally.created += Object.values(learningRows).reduce((sum, rows) => sum + rows, 0);
    events.push(...learningEvents);

    // After the course and briefs: threads link to them.
    const { help } = await seedDemoHelp(manager, { trackId: track.row.id, cohortId: cohort.row.id });
    tally.created += Object.values(help).reduce((sum, rows) => sum + rows, 0);
    const tickets = await seedDemoTickets(manager, { cohortId: cohort.row.id, timeZone: DEMO_SITE.timeZone });
    tally.created += tickets.tickets + tickets.messages;

    await recordEvents(manager, events);
    return { siteId: site.row.id, trackId: track.row.id, cohortId: cohort.row.id, ...tally, calendar, learning, help, tickets, logins, password: DEMO_PASSWORD };
  });
}

/** Site and track names are unique case-insensitively (unique indexes on lower(name)). */
function findByName<T extends Site | Track>(manager: EntityManager, entity: EntityTarget<T>, name: string): Promise<T | null> {
  return manager.getRepository(entity).createQueryBuilder('row').where('lower(row.name) = lower(:name)', { name }).getOne();
}

/** Inserts `values`, or writes the ones that differ from `existing`; reports which it did. */
async function upsert<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, existing: T | null, values: DeepPartial<T>): Promise<Outcome<T>> {
  if (!existing) {
    const row = await manager.save(entity, manager.create(entity, values));
    return { row, status: 'created', changes: values };
  }
  const changes = Object.fromEntries(Object.entries(values).filter(([key, value]) => existing[key] !== value)) as DeepPartial<T>;
  if (Object.keys(changes).length === 0) return { row: existing, status: 'unchanged', changes };
  const row = await manager.save(entity, manager.merge(entity, existing, changes));
  return { row, status: 'updated', changes };
}
