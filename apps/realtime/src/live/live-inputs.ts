import {
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
  isUUID,
} from 'class-validator';

/*
 * The payloads of the client events of `/live`, validated with whitelist and
 * forbidNonWhitelisted: an unknown field is refused, never ignored. Limits are
 * documented in docs/realtime.md.
 */

/** How many cohorts one `sync` may name. */
export const MAX_SYNC_COHORTS = 50;

export class CohortInput {
  @IsUUID('all')
  cohortId: string;
}

export class TicketInput {
  @IsUUID('all')
  ticketId: string;
}

/** Mutating commands carry a client-generated id: a retry with the same id gets the first result back. */
export class CommandInput {
  @IsUUID('all', { message: 'commandId must be a UUID the client generates once per command (and reuses when it retries)' })
  commandId: string;
}

export class TicketCommandInput extends CommandInput {
  @IsUUID('all')
  ticketId: string;
}

export class RaiseInput extends CommandInput {
  @IsUUID('all')
  cohortId: string;

  @IsString()
  @Length(1, 2000)
  question: string;

  @IsOptional()
  @IsUUID('all')
  briefId?: string;

  @IsOptional()
  @IsUUID('all')
  resourceId?: string;

  @IsOptional()
  @IsString()
  @Length(1, 20)
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'competencyCode must be a competency code such as C2' })
  competencyCode?: string;
}

export class AwayInput extends TicketCommandInput {
  @IsBoolean()
  away: boolean;
}

export class HandOverInput extends TicketCommandInput {
  @IsUUID('all')
  facilitatorId: string;
}

export class MessageInput extends TicketCommandInput {
  @IsString()
  @Length(1, 4000)
  body: string;
}

export class ResolveInput extends TicketCommandInput {
  @IsString()
  @Length(1, 2000)
  resolution: string;
}

export class AnnounceInput extends CommandInput {
  @IsUUID('all')
  cohortId: string;

  @IsString()
  @Length(1, 500)
  message: string;
}

@ValidatorConstraint({ name: 'seqMap' })
class SeqMap implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const entries = Object.entries(value);
    return entries.length <= MAX_SYNC_COHORTS && entries.every(([cohortId, seq]) => isUUID(cohortId, 'all') && Number.isSafeInteger(seq) && (seq as number) >= 0);
  }

  defaultMessage(): string {
    return `cohorts must map up to ${MAX_SYNC_COHORTS} cohort ids to the last seq received (a whole number, 0 when none)`;
  }
}

export class SyncInput {
  @IsObject()
  @Validate(SeqMap)
  cohorts: Record<string, number>;
}
