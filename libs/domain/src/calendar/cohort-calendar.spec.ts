import { buildCohortCalendar, nextOnSiteWeek, weekOf, type CalendarWeek } from './cohort-calendar.js';

// Thursday 2026-12-17 to Friday 2027-01-29: seven ISO weeks, through 2026-W53.
const winter = { startsOn: '2026-12-17', endsOn: '2027-01-29' };

const special = [
  { id: 'w-site-1', monday: '2027-01-04', kind: 'presential' as const, roomName: 'Atelier' },
  { id: 'w-holiday', monday: '2026-12-28', kind: 'holiday' as const },
  { id: 'w-site-2', monday: '2027-01-25', kind: 'presential' as const, roomName: 'Salle du fournil' },
];

describe('buildCohortCalendar', () => {
  it('lists every week in order, distance unless a special week says otherwise, keeping its payload', () => {
    expect(buildCohortCalendar(winter, special)).toEqual([
      { monday: '2026-12-14', isoWeek: '2026-W51', kind: 'distance' },
      { monday: '2026-12-21', isoWeek: '2026-W52', kind: 'distance' },
      { id: 'w-holiday', monday: '2026-12-28', isoWeek: '2026-W53', kind: 'holiday' },
      { id: 'w-site-1', monday: '2027-01-04', isoWeek: '2027-W01', kind: 'presential', roomName: 'Atelier' },
      { monday: '2027-01-11', isoWeek: '2027-W02', kind: 'distance' },
      { monday: '2027-01-18', isoWeek: '2027-W03', kind: 'distance' },
      { id: 'w-site-2', monday: '2027-01-25', isoWeek: '2027-W04', kind: 'presential', roomName: 'Salle du fournil' },
    ]);
  });

  it('leaves out special weeks outside the cohort, and gives nothing for a reversed range', () => {
    const calendar = buildCohortCalendar({ startsOn: '2027-01-04', endsOn: '2027-01-15' }, special);
    expect(calendar.map((week) => week.kind)).toEqual(['presential', 'distance']);
    expect(buildCohortCalendar({ startsOn: '2027-01-15', endsOn: '2027-01-04' }, special)).toEqual([]);
  });

  it('refuses special weeks that are not keyed by a Monday, or two for one week', () => {
    expect(() => buildCohortCalendar(winter, [{ monday: '2027-01-05', kind: 'holiday' }])).toThrow(RangeError);
    expect(() =>
      buildCohortCalendar(winter, [
        { monday: '2027-01-04', kind: 'holiday' },
        { monday: '2027-01-04', kind: 'presential' },
      ]),
    ).toThrow('two special weeks for the week of 2027-01-04');
  });

  it('keeps the payload types for the caller', () => {
    // Compiles only if the payload survives: a distance week has no id or roomName.
    const rooms = buildCohortCalendar(winter, special).map((week) => (week.kind === 'distance' ? 'home' : `${week.id} ${week.roomName ?? '-'}`));
    expect(rooms).toEqual(['home', 'home', 'w-holiday -', 'w-site-1 Atelier', 'home', 'home', 'w-site-2 Salle du fournil']);
  });
});

describe('weekOf', () => {
  const calendar = buildCohortCalendar(winter, special);

  it('finds the week of any day, weekends and New Year included', () => {
    expect(weekOf(calendar, '2027-01-01')?.kind).toBe('holiday');
    expect(weekOf(calendar, '2027-01-03')?.kind).toBe('holiday');
    expect(weekOf(calendar, '2027-01-04')?.monday).toBe('2027-01-04');
    expect(weekOf(calendar, '2027-01-10')?.monday).toBe('2027-01-04');
    expect(weekOf(calendar, '2026-12-17')?.isoWeek).toBe('2026-W51');
  });

  it('is undefined outside the calendar', () => {
    expect(weekOf(calendar, '2026-12-13')).toBeUndefined();
    expect(weekOf(calendar, '2027-02-01')).toBeUndefined();
  });
});

describe('nextOnSiteWeek', () => {
  const calendar: CalendarWeek<(typeof special)[number]>[] = buildCohortCalendar(winter, special);

  it('gives the on-site week in progress until its Friday, then the next one', () => {
    expect(nextOnSiteWeek(calendar, '2026-12-20')?.id).toBe('w-site-1');
    expect(nextOnSiteWeek(calendar, '2027-01-04')?.id).toBe('w-site-1');
    expect(nextOnSiteWeek(calendar, '2027-01-08')?.id).toBe('w-site-1');
    expect(nextOnSiteWeek(calendar, '2027-01-09')?.id).toBe('w-site-2');
  });

  it('skips holidays, and is undefined when no on-site week is left', () => {
    expect(nextOnSiteWeek(calendar, '2026-12-28')?.monday).toBe('2027-01-04');
    expect(nextOnSiteWeek(calendar, '2027-01-30')).toBeUndefined();
    expect(nextOnSiteWeek(buildCohortCalendar(winter, []), '2026-12-17')).toBeUndefined();
  });
});
