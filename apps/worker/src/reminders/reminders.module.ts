import { Module } from '@nestjs/common';
import { ChangeReactor } from './change-reactor.js';
import { ReminderClock } from './reminder-clock.js';
import { ReminderFanout } from './reminder-fanout.js';
import { ReminderPlan } from './reminder-plan.js';
import { RemindersProcessor } from './reminders.processor.js';
import { RemindersRepository } from './reminders.repository.js';

/** Reminders: the plan kept as delayed jobs, the reaction to changes, and the fan-out when one fires. */
@Module({ providers: [ReminderClock, RemindersRepository, ReminderPlan, ReminderFanout, ChangeReactor, RemindersProcessor] })
export class RemindersModule {}
