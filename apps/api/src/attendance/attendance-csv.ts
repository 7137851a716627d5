import { stringify } from 'csv-stringify/sync';
import { type AttendanceStatus, HALF_DAYS, type HalfDay, type MarkSource } from '@fabrique/persistence';
import type { ActivityDayRow, LearnerRow } from './attendance.repository.js';
import type { AttendanceMarkDto } from './dto/attendance.dto.js';

/** The export is read by French funders: French words, ";" between cells, as a French spreadsheet expects. */
const HALF_DAY_LABEL: Record<HalfDay, string> = { morning: 'matin', afternoon: 'après-midi' };
const STATUS_LABEL: Record<AttendanceStatus, string> = { present: 'présent', late: 'en retard', absent: 'absent', excused: 'excusé' };
const SOURCE_LABEL: Record<MarkSource, string> = { facilitator: 'saisie formateur', check_in: 'émargement par code' };
const TOTALLED: AttendanceStatus[] = ['present', 'late', 'absent', 'excused'];

export const ON_SITE_HEADER = ['date', 'demi-journée', 'apprenant', 'e-mail', 'statut', 'saisi par', 'source', 'motif'];
export const DISTANCE_HEADER = ['date', 'apprenant', 'e-mail', 'activités', 'première activité', 'dernière activité'];
export const TOTALS_HEADER = [
  'apprenant',
  'e-mail',
  'demi-journées présent',
  'demi-journées en retard',
  'demi-journées absent',
  'demi-journées excusé',
  'demi-journées non saisies',
  'jours actifs à distance',
];

export interface AttendanceSheet {
  /** Weekdays of the cohort's scheduled on-site weeks in the month. */
  onSiteDays: string[];
  learners: LearnerRow[];
  /** Current marks of the month. */
  marks: AttendanceMarkDto[];
  /** Activity per learner and local day of the month. */
  activity: ActivityDayRow[];
}

type Cell = string | number;

/** A cell a spreadsheet would run as a formula (a name like "=HYPERLINK(…)") is written as text. */
const asText = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/**
 * One month of evidence in three blocks, each under its own title and header: on-site status per
 * learner and half-day; distance activity per learner and day (days off site only); totals per learner.
 * UTF-8 with a byte-order mark and CRLF line ends, so spreadsheets read the accents right.
 */
export function attendanceCsv(sheet: AttendanceSheet): string {
  const markOf = new Map(sheet.marks.map((mark) => [`${mark.learnerId}|${mark.date}|${mark.halfDay}`, mark]));
  // Marks recorded on a day that is no longer on site (a week cancelled afterwards) are evidence too.
  const days = [...new Set([...sheet.onSiteDays, ...sheet.marks.map((mark) => mark.date)])].sort();
  const onSite = new Set(days);
  const totals = new Map(sheet.learners.map((learner) => [learner.userId, { counts: new Map<AttendanceStatus | 'none', number>(), distanceDays: 0 }]));

  const onSiteRows: Cell[][] = [];
  for (const date of days) {
    for (const halfDay of HALF_DAYS) {
      for (const learner of sheet.learners) {
        const mark = markOf.get(`${learner.userId}|${date}|${halfDay}`);
        // Someone who left the cohort appears only where they were marked.
        if (!mark && !learner.isLearner) continue;
        const counts = totals.get(learner.userId)?.counts;
        counts?.set(mark?.status ?? 'none', (counts.get(mark?.status ?? 'none') ?? 0) + 1);
        onSiteRows.push([
          date,
          HALF_DAY_LABEL[halfDay],
          learner.displayName,
          learner.email,
          mark ? STATUS_LABEL[mark.status] : '',
          mark?.recordedBy.displayName ?? '',
          mark ? SOURCE_LABEL[mark.source] : '',
          mark?.reason ?? '',
        ]);
      }
    }
  }

  const learnerOf = new Map(sheet.learners.map((learner) => [learner.userId, learner]));
  const distanceRows: Cell[][] = [];
  for (const day of sheet.activity) {
    const learner = learnerOf.get(day.userId);
    if (!learner || onSite.has(day.date)) continue;
    const total = totals.get(day.userId);
    if (total) total.distanceDays++;
    distanceRows.push([day.date, learner.displayName, learner.email, day.count, day.first, day.last]);
  }
  distanceRows.sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1]), 'fr'));

  const totalRows: Cell[][] = sheet.learners.map((learner) => {
    const total = totals.get(learner.userId);
    const count = (status: AttendanceStatus | 'none') => total?.counts.get(status) ?? 0;
    return [learner.displayName, learner.email, ...TOTALLED.map(count), count('none'), total?.distanceDays ?? 0];
  });

  const rows: Cell[][] = [
    ['Présence sur site'],
    ON_SITE_HEADER,
    ...onSiteRows,
    [],
    ['Activité à distance'],
    DISTANCE_HEADER,
    ...distanceRows,
    [],
    ['Totaux par apprenant'],
    TOTALS_HEADER,
    ...totalRows,
  ];
  return stringify(rows, { delimiter: ';', record_delimiter: 'windows', bom: true, cast: { string: asText } });
}
