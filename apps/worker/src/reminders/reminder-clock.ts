import { Injectable } from '@nestjs/common';

/**
 * The time reminders are planned against. One injectable, so that tests can fix "now"
 * (spy on now()) and every scheduled or direct run of the planner sees the same instant.
 */
@Injectable()
export class ReminderClock {
  now(): Date {
    return new Date();
  }
}
