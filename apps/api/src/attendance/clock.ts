import { Injectable } from '@nestjs/common';

/** Where attendance reads "now", so tests can stand in a given half-day (jest.spyOn(app.get(Clock), 'now')). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
