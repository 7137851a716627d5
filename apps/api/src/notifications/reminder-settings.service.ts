import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CohortAccess, type Principal } from '@fabrique/auth';
import { PLANNED_KINDS, type PlannedKind, REMINDER_TIMES } from '@fabrique/domain';
import { AppException } from '@fabrique/errors';
import { recordEvents } from '@fabrique/persistence';
import type { ReminderSettingDto, ReminderSettingPatchDto, ReminderSettingsDto, UpdateReminderSettingsDto } from './dto/reminder-settings.dto.js';
import { type ReminderSettingChange, type ReminderSettingRow, NotificationsRepository } from './notifications.repository.js';

/** The domain event a change of a cohort's reminder settings records; the worker replans the cohort on it. */
export const REMINDER_SETTINGS_UPDATED = 'reminder_settings.updated';

/** The default local time of a planned kind; brief deadlines have none (they fire 48 h and 3 h before the due time). */
export const defaultTimeOf = (kind: PlannedKind): string | null => (kind in REMINDER_TIMES ? REMINDER_TIMES[kind as keyof typeof REMINDER_TIMES] : null);

export function presentReminderSettings(cohortId: string, rows: readonly ReminderSettingRow[]): ReminderSettingsDto {
  const byKind = new Map(rows.map((row) => [row.kind, row]));
  const settings = Object.fromEntries(
    PLANNED_KINDS.map((kind): [PlannedKind, ReminderSettingDto] => {
      const row = byKind.get(kind);
      const fallback = defaultTimeOf(kind);
      const own = fallback === null ? null : (row?.localTime ?? null);
      return [kind, { enabled: row?.enabled ?? true, localTime: own ?? fallback, default: fallback, customized: own !== null }];
    }),
  ) as Record<PlannedKind, ReminderSettingDto>;
  return { cohortId, settings };
}

/** Each cohort's reminders: which planned kinds are on and at what local time. Admins change them; the cohort's facilitators read them. */
@Injectable()
export class ReminderSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: NotificationsRepository,
    private readonly access: CohortAccess,
  ) {}

  async get(principal: Principal, cohortId: string): Promise<ReminderSettingsDto> {
    await this.access.requireFacilitator(principal, cohortId);
    return presentReminderSettings(cohortId, await this.repository.reminderSettings(cohortId));
  }

  async update(principal: Principal, cohortId: string, input: UpdateReminderSettingsDto): Promise<ReminderSettingsDto> {
    const standing = await this.access.requireMember(principal, cohortId);
    if (standing !== 'admin') throw new AppException('forbidden', 'Only an admin may change the reminders of a cohort');
    const changes = PLANNED_KINDS.flatMap((kind): ReminderSettingChange[] => {
      const patch = input[kind] as ReminderSettingPatchDto | undefined;
      if (!patch) return [];
      return [{ kind, enabled: patch.enabled ?? undefined, localTime: patch.localTime }];
    });
    if (changes.length > 0) {
      await this.dataSource.transaction(async (manager) => {
        for (const change of changes) await this.repository.changeReminderSetting(manager, cohortId, change, principal.userId);
        const after = presentReminderSettings(cohortId, await this.repository.reminderSettings(cohortId, manager));
        await recordEvents(manager, [
          {
            type: REMINDER_SETTINGS_UPDATED,
            aggregateType: 'cohort',
            aggregateId: cohortId,
            actorId: principal.userId,
            payload: {
              kinds: changes.map((change) => change.kind),
              settings: Object.fromEntries(changes.map(({ kind }) => [kind, { enabled: after.settings[kind].enabled, localTime: after.settings[kind].localTime }])),
            },
          },
        ]);
      });
    }
    return presentReminderSettings(cohortId, await this.repository.reminderSettings(cohortId));
  }
}
