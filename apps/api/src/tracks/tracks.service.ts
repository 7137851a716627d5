import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@fabrique/auth';
import { AppException } from '@fabrique/errors';
import { assertNameFree } from '../common/unique-name.js';
import { Competency, recordEvents, Track } from '@fabrique/persistence';
import type { CompetencyDto, CompetencyInput, CreateTrackDto, TrackDto, UpdateCompetencyDto, UpdateTrackDto } from './dto/track.dto.js';

const toCompetencyDto = ({ id, code, title, description, position }: Competency): CompetencyDto => ({ id, code, title, description, position });

const toDto = (track: Track): TrackDto => ({
  id: track.id,
  name: track.name,
  description: track.description,
  competencies: [...(track.competencies ?? [])].sort((a, b) => a.position - b.position).map(toCompetencyDto),
});

function assertDistinctCodes(competencies: Pick<CompetencyInput, 'code'>[]): void {
  const seen = new Set<string>();
  competencies.forEach(({ code }, index) => {
    if (seen.has(code.toUpperCase())) {
      const field = `competencies.${index}.code`;
      throw new AppException('validation_failed', `Competency ${code} is listed twice`, [{ field, message: `${field} repeats ${code}` }]);
    }
    seen.add(code.toUpperCase());
  });
}

/** Tracks and their competency frameworks: admins author them; members read the tracks of their cohorts. */
@Injectable()
export class TracksService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(principal: Principal): Promise<TrackDto[]> {
    return this.visible(principal).getMany().then((rows) => rows.map(toDto));
  }

  async get(principal: Principal, id: string): Promise<TrackDto> {
    const row = await this.visible(principal).andWhere('track.id = :id', { id }).getOne();
    if (!row) throw new AppException('not_found', 'Track not found');
    return toDto(row);
  }

  /** Admins see every track; members only those of their cohorts. One rule for lists and single reads. */
  private visible(principal: Principal) {
    const query = this.dataSource.getRepository(Track).createQueryBuilder('track').leftJoinAndSelect('track.competencies', 'competency').orderBy('track.name');
    if (!principal.isAdmin) {
      query.where(`track.id IN (SELECT c.track_id FROM cohorts c JOIN memberships m ON m.cohort_id = c.id WHERE m.user_id = :userId)`, {
        userId: principal.userId,
      });
    }
    return query;
  }

  async create(principal: Principal, input: CreateTrackDto): Promise<TrackDto> {
    assertDistinctCodes(input.competencies);
    await assertNameFree(this.dataSource, 'tracks', input.name);
    return this.dataSource.transaction(async (manager) => {
      const track = await manager.save(
        Track,
        manager.create(Track, {
          name: input.name,
          description: input.description ?? '',
          competencies: input.competencies.map((competency, index) =>
            manager.create(Competency, { ...competency, description: competency.description ?? '', position: index + 1 }),
          ),
        }),
      );
      await recordEvents(manager, [{ type: 'track.created', aggregateType: 'track', aggregateId: track.id, actorId: principal.userId, payload: { name: track.name } }]);
      return toDto(track);
    });
  }

  async update(principal: Principal, id: string, changes: UpdateTrackDto): Promise<TrackDto> {
    await this.get(principal, id);
    if (changes.name) await assertNameFree(this.dataSource, 'tracks', changes.name, id);
    await this.dataSource.getRepository(Track).update({ id }, changes);
    return this.get(principal, id);
  }

  async addCompetency(principal: Principal, trackId: string, input: CompetencyInput): Promise<CompetencyDto> {
    const track = await this.get(principal, trackId);
    if (track.competencies.some((existing) => existing.code.toUpperCase() === input.code.toUpperCase())) {
      throw new AppException('conflict', `Competency ${input.code} already exists in this track`);
    }
    const competency = await this.dataSource.getRepository(Competency).save({
      trackId,
      ...input,
      description: input.description ?? '',
      position: track.competencies.length + 1,
    });
    return toCompetencyDto(competency);
  }

  async updateCompetency(principal: Principal, trackId: string, code: string, changes: UpdateCompetencyDto): Promise<CompetencyDto> {
    const track = await this.get(principal, trackId);
    const competency = track.competencies.find((existing) => existing.code === code);
    if (!competency) throw new AppException('not_found', `Competency ${code} not found in this track`);
    await this.dataSource.getRepository(Competency).update({ id: competency.id }, changes);
    return { ...competency, ...changes };
  }
}
