import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CohortRole } from '@fabrique/domain';
import { Membership } from '@fabrique/persistence';

@Injectable()
export class MembershipsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The cohorts a user belongs to and their role in each; read once per connection. */
  ofUser(userId: string): Promise<Array<{ cohortId: string; role: CohortRole }>> {
    return this.dataSource.getRepository(Membership).find({ select: { cohortId: true, role: true }, where: { userId } });
  }
}
