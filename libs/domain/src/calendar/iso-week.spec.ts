import { addWeeks, fridayOf, isMonday, isoWeekLabel, mondayOf, parseIsoWeek, weekDays, weeksOverlapping } from './iso-week.js';

describe('mondayOf', () => {
  it('finds the Monday of the ISO week, Sunday belonging to the week before it', () => {
    expect(mondayOf('2026-09-07')).toBe('2026-09-07');
    expect(mondayOf('2026-09-11')).toBe('2026-09-07');
    expect(mondayOf('2026-09-13')).toBe('2026-09-07');
    expect(mondayOf('2026-09-14')).toBe('2026-09-14');
  });

  it('crosses month and year boundaries', () => {
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(mondayOf('2027-01-03')).toBe('2026-12-28');
    expect(mondayOf('2026-10-01')).toBe('2026-09-28');
    expect(mondayOf('2028-03-01')).toBe('2028-02-28');
  });

  it('refuses what is not a date', () => {
    expect(() => mondayOf('2026-02-30')).toThrow(RangeError);
    expect(() => mondayOf('2026-W37')).toThrow('"2026-W37" is not a date');
  });
});

describe('isMonday', () => {
  it('is true for Mondays only, and false for non-dates', () => {
    expect(isMonday('2026-12-28')).toBe(true);
    expect(isMonday('2027-01-04')).toBe(true);
    expect(isMonday('2027-01-01')).toBe(false);
    expect(isMonday('2026-09-13')).toBe(false);
    expect(isMonday('2026-02-30')).toBe(false);
    expect(isMonday('')).toBe(false);
  });
});

describe('addWeeks', () => {
  it('moves by whole weeks across years and back', () => {
    expect(addWeeks('2026-12-28', 1)).toBe('2027-01-04');
    expect(addWeeks('2027-01-04', -1)).toBe('2026-12-28');
    expect(addWeeks('2026-09-07', 0)).toBe('2026-09-07');
    expect(addWeeks('2026-09-07', 52)).toBe('2027-09-06');
  });

  it('ignores the daylight-saving change, dates having no time', () => {
    expect(addWeeks('2027-03-22', 1)).toBe('2027-03-29');
    expect(addWeeks('2026-10-19', 1)).toBe('2026-10-26');
  });

  it('refuses a day that is not a Monday and fractions of weeks', () => {
    expect(() => addWeeks('2026-09-08', 1)).toThrow('"2026-09-08" is not a Monday');
    expect(() => addWeeks('2026-09-07', 1.5)).toThrow(RangeError);
  });
});

describe('isoWeekLabel', () => {
  it('labels weeks with the ISO week-year, which is not always the calendar year', () => {
    expect(isoWeekLabel('2026-09-07')).toBe('2026-W37');
    expect(isoWeekLabel('2026-12-28')).toBe('2026-W53');
    expect(isoWeekLabel('2027-01-01')).toBe('2026-W53');
    expect(isoWeekLabel('2027-01-04')).toBe('2027-W01');
    expect(isoWeekLabel('2024-12-30')).toBe('2025-W01');
    expect(isoWeekLabel('2020-12-28')).toBe('2020-W53');
    expect(isoWeekLabel('2021-01-03')).toBe('2020-W53');
  });

  it('pads single-digit weeks', () => {
    expect(isoWeekLabel('2026-03-02')).toBe('2026-W10');
    expect(isoWeekLabel('2026-02-23')).toBe('2026-W09');
  });
});

describe('parseIsoWeek', () => {
  it('gives the Monday of the week', () => {
    expect(parseIsoWeek('2026-W37')).toBe('2026-09-07');
    expect(parseIsoWeek('2026-W53')).toBe('2026-12-28');
    expect(parseIsoWeek('2027-W01')).toBe('2027-01-04');
    expect(parseIsoWeek('2025-W01')).toBe('2024-12-30');
    expect(parseIsoWeek('2020-W53')).toBe('2020-12-28');
    expect(parseIsoWeek('2026-W01')).toBe('2025-12-29');
  });

  it('is the inverse of isoWeekLabel', () => {
    for (const monday of ['2026-12-28', '2027-01-04', '2024-12-30', '2020-12-28', '2026-09-07']) {
      expect(parseIsoWeek(isoWeekLabel(monday))).toBe(monday);
    }
  });

  it('returns null for weeks that do not exist and malformed labels', () => {
    expect(parseIsoWeek('2025-W53')).toBeNull();
    expect(parseIsoWeek('2027-W53')).toBeNull();
    expect(parseIsoWeek('2026-W00')).toBeNull();
    expect(parseIsoWeek('2026-W54')).toBeNull();
    expect(parseIsoWeek('2026-W7')).toBeNull();
    expect(parseIsoWeek('2026W37')).toBeNull();
    expect(parseIsoWeek('2026-w37')).toBeNull();
    expect(parseIsoWeek('2026-W37-1')).toBeNull();
    expect(parseIsoWeek('2026-09-07')).toBeNull();
  });
});

describe('weeksOverlapping', () => {
  it('includes the weeks that hold only the first or the last day', () => {
    // Thursday 2026-10-01 to Monday 2026-10-12.
    expect(weeksOverlapping('2026-10-01', '2026-10-12')).toEqual(['2026-09-28', '2026-10-05', '2026-10-12']);
  });

  it('spans the turn of the year through week 53', () => {
    expect(weeksOverlapping('2026-12-20', '2027-01-10')).toEqual(['2026-12-14', '2026-12-21', '2026-12-28', '2027-01-04']);
  });

  it('gives one week for a single day and none for a reversed range', () => {
    expect(weeksOverlapping('2027-01-01', '2027-01-01')).toEqual(['2026-12-28']);
    expect(weeksOverlapping('2027-01-02', '2027-01-01')).toEqual([]);
  });

  it('covers a school year week after week', () => {
    const mondays = weeksOverlapping('2026-09-07', '2027-06-25');
    expect(mondays).toHaveLength(42);
    expect(mondays[0]).toBe('2026-09-07');
    expect(mondays.at(-1)).toBe('2027-06-21');
    expect(new Set(mondays).size).toBe(mondays.length);
  });
});

describe('weekDays and fridayOf', () => {
  it('lists Monday to Friday, across months and years', () => {
    expect(weekDays('2026-12-28')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01']);
    expect(weekDays('2028-02-28')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01', '2028-03-02', '2028-03-03']);
    expect(fridayOf('2026-09-28')).toBe('2026-10-02');
  });

  it('refuses a day that is not a Monday', () => {
    expect(() => weekDays('2026-12-29')).toThrow(RangeError);
    expect(() => fridayOf('2026-12-29')).toThrow(RangeError);
  });
});
