import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Results of commands by their client-generated id: a command retried after a lost
 * acknowledgement gets the first result back instead of being applied again.
 */
@Injectable()
export class IdempotentCommands {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async stored(userId: string, commandId: string): Promise<{ command: string; result: unknown } | undefined> {
    const [row] = await this.dataSource.query(`SELECT command, result FROM live_commands WHERE user_id = $1 AND command_id = $2`, [userId, commandId]);
    return row;
  }

  /** Kept in the command's transaction: a duplicate racing it fails on the primary key and rolls back. */
  async store(manager: EntityManager, userId: string, commandId: string, command: string, result: unknown): Promise<void> {
    await manager.query(`INSERT INTO live_commands (user_id, command_id, command, result) VALUES ($1, $2, $3, $4)`, [userId, commandId, command, JSON.stringify(result ?? null)]);
  }
}
