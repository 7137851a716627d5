import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '@fabrique/auth';
import type { CohortRole } from '@fabrique/domain';
import { Cohort, Competency, Membership, Room, Site, Track, User } from '@fabrique/persistence';

export const DEFAULT_PASSWORD = 'correct horse battery staple';

// Hashing is slow on purpose; tests share one hash of the default password.
let defaultHash: Promise<string> | undefined;
const hashOf = (password: string) => (password === DEFAULT_PASSWORD ? (defaultHash ??= hashPassword(password)) : hashPassword(password));

const unique = () => randomUUID().slice(0, 8);

/**
 * Small factories that write straight to the worker's database. Each call makes
 * fresh rows with unique names, so tests isolate by data and never by ordering.
 */
export class Fixtures {
  constructor(private readonly dataSource: DataSource) {}

  async user(options: { admin?: boolean; password?: string | null; email?: string; name?: string } = {}): Promise<User> {
    const tag = unique();
    const password = options.password === undefined ? DEFAULT_PASSWORD : options.password;
    return this.dataSource.getRepository(User).save({
      email: options.email ?? `user-${tag}@exemple.fr`,
      displayName: options.name ?? `Utilisateur ${tag}`,
      locale: 'fr',
      timeZone: 'Europe/Paris',
      isAdmin: options.admin ?? false,
      passwordHash: password === null ? null : await hashOf(password),
    });
  }

  admin(): Promise<User> {
    return this.user({ admin: true });
  }

  async site(options: { timeZone?: string } = {}): Promise<Site> {
    const tag = unique();
    return this.dataSource.getRepository(Site).save({
      name: `Site ${tag}`,
      address: '1 place de la Mairie, 61500 Boitron',
      timeZone: options.timeZone ?? 'Europe/Paris',
      rooms: [{ name: 'Salle du fournil', capacity: 24 } as Room, { name: 'Atelier', capacity: 12 } as Room],
    });
  }

  async track(): Promise<Track> {
    const tag = unique();
    return this.dataSource.getRepository(Track).save({
      name: `Développeur web ${tag}`,
      description: '',
      competencies: [
        { code: 'C1', title: 'Installer et configurer son environnement de travail', description: '', position: 1 } as Competency,
        { code: 'C2', title: 'Maquetter des interfaces utilisateur', description: '', position: 2 } as Competency,
      ],
    });
  }

  /** A cohort at a new site; on a new track unless `trackId` names one (promotions of one track). */
  async cohort(options: { startsOn?: string; endsOn?: string; trackId?: string } = {}): Promise<Cohort> {
    const [site, trackId] = await Promise.all([this.site(), options.trackId ?? this.track().then((track) => track.id)]);
    return this.dataSource.getRepository(Cohort).save({
      name: `Promo ${unique()}`,
      trackId,
      homeSiteId: site.id,
      startsOn: options.startsOn ?? '2026-09-07',
      endsOn: options.endsOn ?? '2027-06-25',
      fullyRemote: false,
    });
  }

  async member(cohort: Cohort, role: CohortRole, user?: User): Promise<User> {
    const member = user ?? (await this.user());
    await this.dataSource.getRepository(Membership).save({ cohortId: cohort.id, userId: member.id, role });
    return member;
  }
}
