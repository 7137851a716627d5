import { Injectable } from '@nestjs/common';
import { AppConfig } from '@fabrique/config';

/**
 * Where attendance reads "now": the real clock, moved by ATTENDANCE_CLOCK_OFFSET_MINUTES when a
 * rehearsal or a browser test needs an on-site weekday; API tests stand in a given half-day with
 * jest.spyOn(app.get(Clock), 'now').
 */
@Injectable()
export class Clock {
  private readonly offsetMs: number;

  constructor(config: AppConfig) {
    this.offsetMs = config.ATTENDANCE_CLOCK_OFFSET_MINUTES * 60_000;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}
