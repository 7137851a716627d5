import { redactUrl } from './logging.module.js';

describe('redactUrl', () => {
  it('hides calendar feed tokens and leaves other URLs alone', () => {
    expect(redactUrl('/api/calendar/abcDEF_123-xyz.ics')).toBe('/api/calendar/[redacted].ics');
    expect(redactUrl('/api/calendar/abcDEF_123-xyz.ics?x=1')).toBe('/api/calendar/[redacted].ics?x=1');
    expect(redactUrl('/api/cohorts/123/calendar')).toBe('/api/cohorts/123/calendar');
    expect(redactUrl(undefined)).toBeUndefined();
  });
});
