import { isCohortRole, isIanaTimeZone, isPlausibleEmail, normalizeEmail } from '../index.js';

describe('identity rules', () => {
  it('normalizes e-mails for case-insensitive uniqueness', () => {
    expect(normalizeEmail('  Amina.Diallo@Exemple.FR ')).toBe('amina.diallo@exemple.fr');
  });

  it('accepts plausible e-mails only', () => {
    expect(isPlausibleEmail('kevin@exemple.fr')).toBe(true);
    expect(isPlausibleEmail('kevin@exemple')).toBe(false);
    expect(isPlausibleEmail('kevin exemple.fr')).toBe(false);
    expect(isPlausibleEmail('a@b@c.fr')).toBe(false);
  });

  it('knows the cohort roles', () => {
    expect(isCohortRole('learner')).toBe(true);
    expect(isCohortRole('facilitator')).toBe(true);
    expect(isCohortRole('admin')).toBe(false);
  });

  it('validates IANA time zones', () => {
    expect(isIanaTimeZone('Europe/Paris')).toBe(true);
    expect(isIanaTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isIanaTimeZone('UTC')).toBe(true);
    expect(isIanaTimeZone('Europe/Atlantis')).toBe(false);
    expect(isIanaTimeZone('+02:00')).toBe(false);
    expect(isIanaTimeZone('CEST')).toBe(false);
  });
});
