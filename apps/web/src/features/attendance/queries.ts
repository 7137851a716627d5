import { api } from '../../api/client';
import type { AttendanceDay, CalendarWeek, CohortChoice } from './types';

/** The query keys of these screens, shared so that a mark or a check-in updates the day shown. */
export const dayKey = (cohortId: string | null, date: string | null) => ['cohorts', cohortId, 'attendance', date];
export const calendarKey = (cohortId: string | null) => ['cohorts', cohortId, 'calendar'];
export const allCohortsKey = ['cohorts'];

export const fetchDay = (cohortId: string, date: string) => api<AttendanceDay>(`/api/cohorts/${cohortId}/attendance?date=${date}`);
export const fetchCalendar = (cohortId: string) => api<CalendarWeek[]>(`/api/cohorts/${cohortId}/calendar`);
export const fetchAllCohorts = () => api<CohortChoice[]>('/api/cohorts');
