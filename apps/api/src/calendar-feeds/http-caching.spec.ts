import { entityTag, isNotModified } from './http-caching.js';

describe('isNotModified', () => {
  const current = { etag: entityTag('BEGIN:VCALENDAR'), lastModified: new Date('2026-11-23T10:00:00.750Z') };

  it('matches If-None-Match weakly, in a list or as *', () => {
    expect(isNotModified({ ifNoneMatch: current.etag }, current)).toBe(true);
    expect(isNotModified({ ifNoneMatch: `"x", W/${current.etag}` }, current)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '*' }, current)).toBe(true);
    expect(isNotModified({ ifNoneMatch: '"x"' }, current)).toBe(false);
  });

  it('reads If-Modified-Since at whole seconds, and only without If-None-Match', () => {
    expect(isNotModified({ ifModifiedSince: 'Mon, 23 Nov 2026 10:00:00 GMT' }, current)).toBe(true);
    expect(isNotModified({ ifModifiedSince: 'Mon, 23 Nov 2026 09:59:59 GMT' }, current)).toBe(false);
    expect(isNotModified({ ifModifiedSince: 'yesterday' }, current)).toBe(false);
    expect(isNotModified({ ifNoneMatch: '"x"', ifModifiedSince: 'Mon, 23 Nov 2026 10:00:00 GMT' }, current)).toBe(false);
    expect(isNotModified({}, current)).toBe(false);
  });
});
