import ICAL from 'ical.js';
import type { FeedEvent } from './feed-event.js';
import { writeIcs } from './ics-writer.js';

const stamp = new Date('2026-10-01T12:34:56Z');
const onSite = (uid: string, timeZone: string, monday: string, extra: Partial<FeedEvent> = {}): FeedEvent => ({
  uid,
  sequence: 3,
  summary: 'Semaine sur site — Promo 1 (Boitron)',
  cancelled: false,
  busy: true,
  createdAt: stamp,
  updatedAt: stamp,
  when: { kind: 'timed', timeZone, start: `${monday}T09:00`, end: `${monday}T17:00`, days: 5 },
  ...extra,
});

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)) };
}

describe('writeIcs', () => {
  it('writes one VTIMEZONE per zone used, and each event at local hours in its own zone', () => {
    const text = writeIcs('Fabrique', [onSite('a@fabrique', 'Europe/Paris', '2027-03-29'), onSite('b@fabrique', 'America/Cayenne', '2027-03-29')]);
    const { calendar, events } = parse(text);
    expect(calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual(['Europe/Paris', 'America/Cayenne']);
    // The Monday after the spring change: Paris is at UTC+2, Cayenne at UTC-3.
    expect(events.map((event) => event.startDate.toJSDate().toISOString())).toEqual(['2027-03-29T07:00:00.000Z', '2027-03-29T12:00:00.000Z']);
    expect(events.map((event) => event.component.getFirstProperty('dtstart')?.getParameter('tzid'))).toEqual(['Europe/Paris', 'America/Cayenne']);
  });

  it('writes DTSTAMP, CREATED and LAST-MODIFIED in UTC from the data, so the same events give the same bytes', () => {
    const events = [onSite('a@fabrique', 'Europe/Paris', '2026-11-09')];
    const text = writeIcs('Fabrique', events);
    expect(writeIcs('Fabrique', events)).toBe(text);
    const [event] = parse(text).events;
    for (const name of ['dtstamp', 'created', 'last-modified']) {
      expect(event.component.getFirstPropertyValue(name)?.toString()).toBe('2026-10-01T12:34:56Z');
    }
  });

  it('writes all-day spans with an exclusive DTEND, cancelled events, and long French text folded at 75 octets', () => {
    const agenda = `Programme de la semaine :\nRévisions, ateliers; soutenances « blanches » à l'Atelier — ${'é'.repeat(120)}`;
    const text = writeIcs('Fabrique', [
      { ...onSite('c@fabrique', 'Europe/Paris', '2027-02-01'), summary: 'Congés — Promo 1', busy: false, when: { kind: 'allDay', firstDay: '2027-02-01', lastDay: '2027-02-05' } },
      onSite('d@fabrique', 'Europe/Paris', '2027-02-08', { cancelled: true, description: agenda }),
    ]);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const [holiday, cancelled] = parse(text).events;
    expect([holiday.startDate.toString(), holiday.endDate.toString(), holiday.startDate.isDate]).toEqual(['2027-02-01', '2027-02-06', true]);
    expect(holiday.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.description).toBe(agenda);
  });
});
