import { buildCohortCalendar } from '../calendar/cohort-calendar.js';
import { assignmentDue, isDue } from './assignment.js';
import { positionsOf, reorderProblem } from './ordering.js';
import { learnersBehind, pageOfBehind, percentDone } from './progress.js';

describe('reordering', () => {
  it('accepts a permutation and numbers it 1..n', () => {
    expect(reorderProblem(['a', 'b', 'c'], ['c', 'a', 'b'])).toBeNull();
    expect(positionsOf(['c', 'a', 'b'])).toEqual([
      { id: 'c', position: 1 },
      { id: 'a', position: 2 },
      { id: 'b', position: 3 },
    ]);
  });

  it('names duplicates, unknown and missing items', () => {
    expect(reorderProblem(['a', 'b'], ['a', 'a'])).toEqual({ kind: 'duplicate', ids: ['a'] });
    expect(reorderProblem(['a', 'b'], ['a', 'b', 'x'])).toEqual({ kind: 'unknown', ids: ['x'] });
    expect(reorderProblem(['a', 'b'], ['b'])).toEqual({ kind: 'missing', ids: ['a'] });
  });
});

describe('assignment due dates', () => {
  // Sept 7 2026 to Oct 30 2026: on site the weeks of Sept 14 and Oct 12.
  const calendar = buildCohortCalendar({ startsOn: '2026-09-07', endsOn: '2026-10-30' }, [
    { monday: '2026-09-14', kind: 'presential' },
    { monday: '2026-10-12', kind: 'presential' },
  ]);

  it('is due the Monday of the Nth on-site week when preparing for it', () => {
    expect(assignmentDue(calendar, 'prepare_before_onsite', 2)).toEqual({ weekMonday: '2026-10-12', dueOn: '2026-10-12' });
  });

  it('is due when the Nth distance week is over', () => {
    // Distance weeks: Sept 7, Sept 21, Sept 28…
    expect(assignmentDue(calendar, 'during_distance', 2)).toEqual({ weekMonday: '2026-09-21', dueOn: '2026-09-28' });
  });

  it('has no due date for a week the cohort does not have', () => {
    expect(assignmentDue(calendar, 'prepare_before_onsite', 3)).toBeNull();
    expect(assignmentDue(calendar, 'during_distance', 0)).toBeNull();
  });

  it('counts from the due day on', () => {
    expect(isDue('2026-10-12', '2026-10-11')).toBe(false);
    expect(isDue('2026-10-12', '2026-10-12')).toBe(true);
  });
});

describe('progress and who is behind', () => {
  it('rounds percentages down and counts an empty module as done', () => {
    expect(percentDone(2, 3)).toBe(66);
    expect(percentDone(0, 0)).toBe(100);
    expect(percentDone(5, 4)).toBe(100);
  });

  const learner = (userId: string, due: number, doneOfDue: number) => ({ userId, displayName: userId, due, doneOfDue });

  it('keeps only learners missing due work, the furthest behind first, ties by id', () => {
    const ranking = learnersBehind([learner('b', 4, 3), learner('a', 4, 4), learner('d', 4, 0), learner('c', 4, 3)]);
    expect(ranking.map((e) => [e.userId, e.missing])).toEqual([
      ['d', 4],
      ['b', 1],
      ['c', 1],
    ]);
  });

  it('pages the ranking by cursor without skipping or repeating', () => {
    const ranking = learnersBehind([learner('a', 5, 0), learner('b', 5, 2), learner('c', 5, 2), learner('d', 5, 4)]);
    const first = pageOfBehind(ranking, null, 2);
    expect(first.items.map((e) => e.userId)).toEqual(['a', 'b']);
    const second = pageOfBehind(ranking, first.next, 2);
    expect(second.items.map((e) => e.userId)).toEqual(['c', 'd']);
    expect(second.next).toBeNull();
    expect(pageOfBehind(ranking, { missing: 1, userId: 'd' }, 2)).toEqual({ items: [], next: null });
  });
});
