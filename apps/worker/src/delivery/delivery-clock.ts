import { Injectable } from '@nestjs/common';

/** Where delivery reads "now", so tests stand at a given instant (jest.spyOn(app.get(DeliveryClock), 'now')). */
@Injectable()
export class DeliveryClock {
  now(): Date {
    return new Date();
  }
}
