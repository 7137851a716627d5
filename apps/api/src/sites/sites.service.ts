import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@fabrique/auth';
import { AppException } from '@fabrique/errors';
import { assertNameFree } from '../common/unique-name.js';
import { recordEvents, Room, Site } from '@fabrique/persistence';
import type { CreateSiteDto, RoomDto, RoomInput, SiteDto, UpdateRoomDto, UpdateSiteDto } from './dto/site.dto.js';

const toDto = (site: Site): SiteDto => ({
  id: site.id,
  name: site.name,
  address: site.address,
  timeZone: site.timeZone,
  rooms: [...(site.rooms ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map(({ id, name, capacity }) => ({ id, name, capacity })),
});

function assertDistinctRoomNames(rooms: RoomInput[]): void {
  const seen = new Set<string>();
  rooms.forEach((room, index) => {
    const key = room.name.trim().toLowerCase();
    if (seen.has(key)) {
      const field = `rooms.${index}.name`;
      throw new AppException('validation_failed', `Room "${room.name}" is listed twice`, [{ field, message: `${field} repeats another room's name` }]);
    }
    seen.add(key);
  });
}

/** Sites are managed by admins; a member sees the sites of their cohorts, others do not exist for them. */
@Injectable()
export class SitesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(principal: Principal): Promise<SiteDto[]> {
    return this.visible(principal).getMany().then((rows) => rows.map(toDto));
  }

  async get(principal: Principal, id: string): Promise<SiteDto> {
    const row = await this.visible(principal).andWhere('site.id = :id', { id }).getOne();
    if (!row) throw new AppException('not_found', 'Site not found');
    return toDto(row);
  }

  /** Admins see every site; members only those of their cohorts. One rule for lists and single reads. */
  private visible(principal: Principal) {
    const query = this.dataSource.getRepository(Site).createQueryBuilder('site').leftJoinAndSelect('site.rooms', 'room').orderBy('site.name');
    if (!principal.isAdmin) {
      query.where(
        `site.id IN (SELECT c.home_site_id FROM cohorts c JOIN memberships m ON m.cohort_id = c.id WHERE m.user_id = :userId)`,
        { userId: principal.userId },
      );
    }
    return query;
  }

  async create(principal: Principal, input: CreateSiteDto): Promise<SiteDto> {
    assertDistinctRoomNames(input.rooms);
    await assertNameFree(this.dataSource, 'sites', input.name);
    return this.dataSource.transaction(async (manager) => {
      const site = await manager.save(Site, manager.create(Site, { ...input, rooms: input.rooms.map((room) => manager.create(Room, room)) }));
      await recordEvents(manager, [{ type: 'site.created', aggregateType: 'site', aggregateId: site.id, actorId: principal.userId, payload: { name: site.name } }]);
      return toDto(site);
    });
  }

  async update(principal: Principal, id: string, changes: UpdateSiteDto): Promise<SiteDto> {
    await this.get(principal, id);
    if (changes.name) await assertNameFree(this.dataSource, 'sites', changes.name, id);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Site, { id }, changes);
      await recordEvents(manager, [{ type: 'site.updated', aggregateType: 'site', aggregateId: id, actorId: principal.userId, payload: { ...changes } }]);
    });
    return this.get(principal, id);
  }

  async addRoom(principal: Principal, siteId: string, input: RoomInput): Promise<RoomDto> {
    const site = await this.get(principal, siteId);
    assertDistinctRoomNames([...site.rooms, input]);
    const room = await this.dataSource.getRepository(Room).save({ siteId, ...input });
    return { id: room.id, name: room.name, capacity: room.capacity };
  }

  async updateRoom(principal: Principal, siteId: string, roomId: string, changes: UpdateRoomDto): Promise<RoomDto> {
    const site = await this.get(principal, siteId);
    const room = site.rooms.find((candidate) => candidate.id === roomId);
    if (!room) throw new AppException('not_found', 'Room not found');
    if (changes.name) assertDistinctRoomNames([...site.rooms.filter((other) => other.id !== roomId), { name: changes.name, capacity: 1 }]);
    await this.dataSource.getRepository(Room).update({ id: roomId }, changes);
    return { ...room, ...changes };
  }
}
