import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('serves a local machine with defaults', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/fabrique');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.API_PORT).toBe(3000);
    expect(config.JWT_SECRET).toBe(DEVELOPMENT_JWT_SECRET);
  });

  it('reads numbers and lists from the environment', () => {
    const config = loadConfig({ API_PORT: '8080', CORS_ORIGINS: 'https://a.example.org, https://b.example.org' });
    expect(config.API_PORT).toBe(8080);
    expect(config.CORS_ORIGINS).toEqual(['https://a.example.org', 'https://b.example.org']);
  });

  it('names a malformed variable', () => {
    expect(() => loadConfig({ API_PORT: 'eighty' })).toThrow(/API_PORT must be a whole number \(got "eighty"\)/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
    expect(() => loadConfig({ API_PORT: '70000' })).toThrow(/API_PORT/);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ REDIS_URL: 'nope', NODE_ENV: 'staging' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });

  it('refuses the development secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET must be set in production/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }).NODE_ENV).toBe('production');
  });

  it('writes e-mails to the log unless an SMTP server is configured', () => {
    expect(loadConfig({}).SMTP_URL).toBeUndefined();
    expect(loadConfig({ SMTP_URL: '' }).SMTP_URL).toBeUndefined();
    expect(loadConfig({ SMTP_URL: 'smtp://user:pass@smtp.example.org:587' }).SMTP_URL).toBe('smtp://user:pass@smtp.example.org:587');
    expect(loadConfig({ SMTP_URL: 'smtps://smtp.example.org' }).SMTP_URL).toBe('smtps://smtp.example.org');
    expect(() => loadConfig({ SMTP_URL: 'http://smtp.example.org' })).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL \(got "http:\/\/smtp.example.org"\)/);
  });

  it('sends e-mails from MAIL_FROM', () => {
    expect(loadConfig({}).MAIL_FROM).toBe('Fabrique <no-reply@fabrique.local>');
    expect(loadConfig({ MAIL_FROM: 'ne-pas-repondre@example.org' }).MAIL_FROM).toBe('ne-pas-repondre@example.org');
    expect(loadConfig({ MAIL_FROM: 'La Fabrique <bonjour@example.org>' }).MAIL_FROM).toBe('La Fabrique <bonjour@example.org>');
    expect(() => loadConfig({ MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM must be an address/);
    expect(() => loadConfig({ MAIL_FROM: 'Fabrique <a@b>\r\nBcc: x@y' })).toThrow(/MAIL_FROM/);
  });

  it('refuses a short secret', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32 characters/);
  });
});
