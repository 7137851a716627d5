import { findClashes, planRhythm, type OnSiteWeekCandidate, type WeekPlanContext } from './week-plan.js';

const promo1 = 'cohort-promo-1';
const promo2 = 'cohort-promo-2';

const context = (overrides: Partial<WeekPlanContext> = {}): WeekPlanContext => ({
  cohort: { id: promo1, startsOn: '2026-09-07', endsOn: '2027-06-25', onSiteLearners: 12 },
  room: { id: 'room-atelier', name: 'Atelier', capacity: 12 },
  cohortWeeks: [],
  roomBookings: [],
  facilitatorBookings: [],
  ...overrides,
});

const candidate = (overrides: Partial<OnSiteWeekCandidate> = {}): OnSiteWeekCandidate => ({
  cohortId: promo1,
  monday: '2026-10-05',
  siteId: 'site-boitron',
  roomId: 'room-atelier',
  facilitatorIds: ['user-kevin', 'user-sonia'],
  ...overrides,
});

const kevinAtNiort = {
  monday: '2026-10-05',
  userId: 'user-kevin',
  displayName: 'Kevin Martin',
  cohortId: promo2,
  cohortName: 'Promo 2',
  siteName: 'Niort',
  weekId: 'week-promo2-oct',
};

const atelierByPromo2 = { monday: '2026-10-05', roomId: 'room-atelier', cohortId: promo2, cohortName: 'Promo 2', weekId: 'week-promo2-oct' };

const codes = (clashes: { code: string }[]) => clashes.map((clash) => clash.code);

describe('findClashes', () => {
  it('finds nothing wrong with a free week in a room that is big enough', () => {
    expect(findClashes(candidate(), context())).toEqual([]);
  });

  it('refuses a day that is not a Monday, and stops there', () => {
    expect(findClashes(candidate({ monday: '2026-10-06' }), context({ roomBookings: [atelierByPromo2] }))).toEqual([
      { code: 'not_a_monday', message: '2026-10-06 is not a Monday: on-site weeks start on a Monday', params: { monday: '2026-10-06' } },
    ]);
    expect(codes(findClashes(candidate({ monday: '2026-10-32' }), context()))).toEqual(['not_a_monday']);
  });

  it('refuses a week that the cohort does not hold from Monday to Friday', () => {
    const late = context({ cohort: { id: promo1, startsOn: '2026-09-09', endsOn: '2027-06-23', onSiteLearners: 12 } });
    expect(findClashes(candidate({ monday: '2026-09-07' }), late)).toEqual([
      {
        code: 'outside_cohort',
        message: "The week of 2026-09-07 is not entirely within the cohort's dates (2026-09-09 to 2027-06-23)",
        params: { monday: '2026-09-07', startsOn: '2026-09-09', endsOn: '2027-06-23' },
      },
    ]);
    expect(codes(findClashes(candidate({ monday: '2027-06-21' }), late))).toEqual(['outside_cohort']);
    expect(codes(findClashes(candidate({ monday: '2026-09-14' }), late))).toEqual([]);
    expect(codes(findClashes(candidate({ monday: '2027-06-14' }), late))).toEqual([]);
  });

  it("names the room's other cohort and the room's size", () => {
    const clashes = findClashes(candidate(), context({ cohort: { ...context().cohort, onSiteLearners: 15 }, roomBookings: [atelierByPromo2] }));
    expect(clashes).toEqual([
      { code: 'room_booked', message: 'Room "Atelier" is already booked that week by Promo 2', params: { room: 'Atelier', cohort: 'Promo 2' } },
      {
        code: 'room_too_small',
        message: 'Room "Atelier" holds 12 but the cohort has 15 on-site learners',
        params: { room: 'Atelier', capacity: 12, learners: 15 },
      },
    ]);
  });

  it('ignores bookings of other weeks and other rooms', () => {
    const clashes = findClashes(
      candidate(),
      context({
        roomBookings: [{ ...atelierByPromo2, monday: '2026-10-12' }, { ...atelierByPromo2, roomId: 'room-fournil' }],
        facilitatorBookings: [{ ...kevinAtNiort, monday: '2026-09-28' }],
      }),
    );
    expect(clashes).toEqual([]);
  });

  it('names each busy facilitator, where and with whom', () => {
    const sonia = { ...kevinAtNiort, userId: 'user-sonia', displayName: 'Sonia Benali', cohortName: 'Promo Rodez', siteName: 'Rodez' };
    const stranger = { ...kevinAtNiort, userId: 'user-not-asked', displayName: 'Someone Else' };
    expect(findClashes(candidate(), context({ facilitatorBookings: [kevinAtNiort, sonia, stranger] }))).toEqual([
      {
        code: 'facilitator_busy',
        message: 'Kevin Martin is already on site with Promo 2 at Niort that week',
        params: { facilitator: 'Kevin Martin', cohort: 'Promo 2', site: 'Niort' },
      },
      {
        code: 'facilitator_busy',
        message: 'Sonia Benali is already on site with Promo Rodez at Rodez that week',
        params: { facilitator: 'Sonia Benali', cohort: 'Promo Rodez', site: 'Rodez' },
      },
    ]);
  });

  it("reports the cohort's own holiday, internship or on-site week", () => {
    expect(findClashes(candidate({ monday: '2026-12-21' }), context({ cohortWeeks: [{ id: 'w1', monday: '2026-12-21', kind: 'holiday' }] }))).toEqual([
      { code: 'holiday', message: 'The week of 2026-12-21 is a holiday for this cohort', params: { monday: '2026-12-21' } },
    ]);
    expect(findClashes(candidate({ monday: '2027-05-03' }), context({ cohortWeeks: [{ id: 'w2', monday: '2027-05-03', kind: 'internship' }] }))).toEqual([
      { code: 'internship', message: 'The week of 2027-05-03 is an internship week for this cohort', params: { monday: '2027-05-03' } },
    ]);
    expect(findClashes(candidate(), context({ cohortWeeks: [{ id: 'w3', monday: '2026-10-05', kind: 'presential' }] }))).toEqual([
      { code: 'cohort_already_on_site', message: 'The cohort is already on site the week of 2026-10-05', params: { monday: '2026-10-05' } },
    ]);
  });

  it("reports the cohort's own bookings once, as the cohort being on site, not as its room or facilitators being busy", () => {
    const own = { weekId: 'week-promo1-oct', cohortId: promo1, cohortName: 'Promo 1' };
    const clashes = findClashes(
      candidate(),
      context({
        cohortWeeks: [{ id: 'week-promo1-oct', monday: '2026-10-05', kind: 'presential' }],
        roomBookings: [{ ...atelierByPromo2, ...own }],
        facilitatorBookings: [{ ...kevinAtNiort, ...own, siteName: 'Boitron' }],
      }),
    );
    expect(codes(clashes)).toEqual(['cohort_already_on_site']);
  });

  it('lets a week being moved or edited overlap itself, and only itself', () => {
    const own = { weekId: 'week-promo1-oct', cohortId: promo1, cohortName: 'Promo 1' };
    const editing = context({
      cohortWeeks: [{ id: 'week-promo1-oct', monday: '2026-10-05', kind: 'presential' }],
      roomBookings: [{ ...atelierByPromo2, ...own }],
      facilitatorBookings: [{ ...kevinAtNiort, ...own, siteName: 'Boitron' }],
      ignoreWeekId: 'week-promo1-oct',
    });
    expect(findClashes(candidate(), editing)).toEqual([]);
    expect(codes(findClashes(candidate(), { ...editing, facilitatorBookings: [...editing.facilitatorBookings, kevinAtNiort] }))).toEqual([
      'facilitator_busy',
    ]);
  });

  it('reports every problem at once', () => {
    const clashes = findClashes(
      candidate({ monday: '2026-12-21' }),
      context({
        cohort: { id: promo1, startsOn: '2026-09-07', endsOn: '2026-12-23', onSiteLearners: 20 },
        cohortWeeks: [{ id: 'w1', monday: '2026-12-21', kind: 'holiday' }],
        roomBookings: [{ ...atelierByPromo2, monday: '2026-12-21' }],
        facilitatorBookings: [{ ...kevinAtNiort, monday: '2026-12-21' }],
      }),
    );
    expect(codes(clashes)).toEqual(['outside_cohort', 'holiday', 'room_booked', 'room_too_small', 'facilitator_busy']);
  });

  it('refuses a context loaded for another room', () => {
    expect(() => findClashes(candidate({ roomId: 'room-fournil' }), context())).toThrow('room-fournil');
  });
});

describe('planRhythm', () => {
  const template = { cohortId: promo1, siteId: 'site-boitron', roomId: 'room-atelier', facilitatorIds: ['user-kevin'] };

  it('checks each Monday against the existing bookings', () => {
    const plan = planRhythm(
      ['2026-09-07', '2026-10-05', '2026-11-02', '2026-12-07'],
      template,
      context({
        facilitatorBookings: [kevinAtNiort],
        cohortWeeks: [{ id: 'w-hol', monday: '2026-12-07', kind: 'holiday' }],
      }),
    );
    expect(plan.map((week) => [week.monday, codes(week.clashes)])).toEqual([
      ['2026-09-07', []],
      ['2026-10-05', ['facilitator_busy']],
      ['2026-11-02', []],
      ['2026-12-07', ['holiday']],
    ]);
  });

  it('counts weeks accepted earlier in the plan, so a Monday cannot be taken twice', () => {
    const plan = planRhythm(['2026-09-07', '2026-10-05', '2026-09-07'], template, context());
    expect(plan.map((week) => codes(week.clashes))).toEqual([[], [], ['cohort_already_on_site']]);
  });

  it('does not count a week that had clashes, as a commit would not create it', () => {
    const plan = planRhythm(['2026-10-05', '2026-10-05'], template, context({ roomBookings: [atelierByPromo2] }));
    expect(plan.map((week) => codes(week.clashes))).toEqual([['room_booked'], ['room_booked']]);
  });

  it('leaves the caller context untouched, so a preview can be run again', () => {
    const shared = context();
    planRhythm(['2026-09-07'], template, shared);
    expect(shared.cohortWeeks).toEqual([]);
    expect(planRhythm(['2026-09-07'], template, shared)[0].clashes).toEqual([]);
  });
});
