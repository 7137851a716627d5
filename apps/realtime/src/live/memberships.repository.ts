import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { PersonRef } from '@fabrique/contracts';
import type { CohortRole } from '@fabrique/domain';
import { Membership, User } from '@fabrique/persistence';

@Injectable()
export class MembershipsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The cohorts a user belongs to and their role in each; read once per connection. */
  ofUser(userId: string): Promise<Array<{ cohortId: string; role: CohortRole }>> {
    return this.dataSource.getRepository(Membership).find({ select: { cohortId: true, role: true }, where: { userId } });
  }

  /** The user as others see them, or undefined when the account no longer exists. */
  async person(userId: string): Promise<PersonRef | undefined> {
    const user = await this.dataSource.getRepository(User).findOne({ select: { id: true, displayName: true }, where: { id: userId } });
    return user ? { id: user.id, displayName: user.displayName } : undefined;
  }

  /** Users as others see them, sorted by name; accounts that no longer exist are left out. */
  async people(userIds: readonly string[]): Promise<PersonRef[]> {
    if (userIds.length === 0) return [];
    const users = await this.dataSource.getRepository(User).find({ select: { id: true, displayName: true }, where: { id: In([...userIds]) }, order: { displayName: 'ASC', id: 'ASC' } });
    return users.map((user) => ({ id: user.id, displayName: user.displayName }));
  }
}
