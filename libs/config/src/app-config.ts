import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/** Used only where no secret is configured; production refuses to start with it. */
export const DEVELOPMENT_JWT_SECRET = 'fabrique-development-secret-not-for-production';

const csv = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : value;

/**
 * Every setting Fabrique reads from the environment, with the defaults that
 * serve a developer's machine. Validated once at start (see loadConfig).
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/fabrique';

  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Every Redis key and queue of this deployment starts with it, so tests and instances can share a server. */
  @Matches(/^[a-z0-9:_-]+$/i, { message: 'REDIS_PREFIX may hold letters, digits, ":", "_" and "-" only' })
  REDIS_PREFIX = 'fabrique';

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET = DEVELOPMENT_JWT_SECRET;

  @IsInt()
  @Min(30)
  @Max(3600)
  JWT_ACCESS_TTL_SECONDS = 900;

  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_TTL_DAYS = 30;

  @IsInt()
  @Min(1)
  @Max(30)
  INVITATION_TTL_DAYS = 7;

  @IsInt()
  @Min(0)
  @Max(65535)
  API_PORT = 3000;

  @IsInt()
  @Min(0)
  @Max(65535)
  REALTIME_PORT = 3001;

  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_HEALTH_PORT = 3002;

  @Transform(csv)
  @IsString({ each: true })
  @Matches(/^https?:\/\/[^\s/]+$/, { each: true, message: 'CORS_ORIGINS must be a comma-separated list of origins like https://app.example.org' })
  CORS_ORIGINS: string[] = ['http://localhost:5173', 'http://localhost:3000'];

  @Matches(/^https?:\/\/\S+$/, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL = 'http://localhost:3000';

  /** Where browsers reach the realtime service (socket.io), told to the web app by GET /api/client-config. */
  @Matches(/^https?:\/\/[^\s/]+$/, { message: 'REALTIME_PUBLIC_URL must be an origin like https://live.example.org' })
  REALTIME_PUBLIC_URL = 'http://localhost:3001';

  /** The built web app (vite build) the API serves at /, relative to the working directory; absent, the API serves none. */
  @IsString()
  WEB_DIST_DIR = 'dist/apps/web';

  /**
   * Moves the attendance clock (which half-day is under way, when a check-in code expires) this many
   * minutes from the real one: to rehearse an on-site day before it comes, and for the browser tests,
   * which cannot wait for a weekday. 0 in real use.
   */
  @IsInt()
  @Min(0)
  ATTENDANCE_CLOCK_OFFSET_MINUTES = 0;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Matches(/^\d+(kb|mb)$/i, { message: 'BODY_LIMIT must look like 100kb or 1mb' })
  BODY_LIMIT = '100kb';

  @IsInt()
  @Min(1)
  LOGIN_LIMIT_PER_IP = 30;

  @IsInt()
  @Min(1)
  LOGIN_LIMIT_PER_IP_WINDOW_SECONDS = 60;

  @IsInt()
  @Min(1)
  LOGIN_LIMIT_PER_EMAIL = 5;

  @IsInt()
  @Min(1)
  LOGIN_LIMIT_PER_EMAIL_WINDOW_SECONDS = 900;

  /** How long a socket counts as online without a heartbeat: an instance that dies leaves no ghost beyond this. */
  @IsInt()
  @Min(2)
  PRESENCE_TTL_SECONDS = 30;

  /** Live commands (raise, claim, message…) one socket may send per second. */
  @IsInt()
  @Min(1)
  LIVE_COMMANDS_PER_SECOND = 5;

  /**
   * Where e-mails leave, e.g. smtp://user:pass@smtp.example.org:587 (smtps:// for TLS from the
   * start). Unset: e-mails are written to the log instead (nodemailer's JSON transport), so a
   * developer's machine needs no mail server.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL: string | undefined = undefined;

  /** The sender of every e-mail: an address, optionally with a display name. */
  @Matches(/^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, { message: 'MAIL_FROM must be an address like Fabrique <no-reply@example.org>' })
  MAIL_FROM = 'Fabrique <no-reply@fabrique.local>';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

const NUMERIC = new Set(
  Object.entries(new AppConfig())
    .filter(([, value]) => typeof value === 'number')
    .map(([key]) => key),
);

/**
 * Reads the environment into a validated AppConfig. Throws a ConfigError naming
 * every bad variable, so a process stops with one clear message instead of failing later.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defaults = new AppConfig();
  const raw: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const key of Object.keys(defaults)) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    if (NUMERIC.has(key)) {
      if (!/^\d+$/.test(value.trim())) {
        problems.push(`${key} must be a whole number (got "${value}")`);
        continue;
      }
      raw[key] = Number(value);
    } else {
      raw[key] = value;
    }
  }
  const config = plainToInstance(AppConfig, { ...defaults, ...raw });
  for (const error of validateSync(config)) {
    if (problems.some((p) => p.startsWith(`${error.property} `))) continue;
    const given = env[error.property];
    problems.push(`${Object.values(error.constraints ?? {})[0]}${given === undefined ? '' : ` (got "${given}")`}`);
  }
  if (config.NODE_ENV === 'production' && config.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    problems.push('JWT_SECRET must be set in production (the development default is refused)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
