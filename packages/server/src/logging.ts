import fs from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';

/** Keys whose values never reach a log line, wherever they appear (two levels deep). */
const REDACT_KEYS = [
  'password', 'currentPassword', 'newPassword', 'nik', 'name', 'fullName', 'full_name', 'phone',
  'address', 'income', 'birthDate', 'birth_date', 'cookie', 'authorization', 'token', 'apiKey',
];
const REDACT_PATHS = [
  ...REDACT_KEYS,
  ...REDACT_KEYS.map((k) => `*.${k}`),
  ...REDACT_KEYS.map((k) => `*.*.${k}`),
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
];

/** A 16-digit run anywhere in a message is masked: a NIK must never be logged. */
export function maskNik(text: string): string {
  return text.replace(/(?<!\d)\d{16}(?!\d)/g, '[NIK]');
}

/**
 * The process logger: JSON lines to stdout and, when a data directory is given, to
 * `<data dir>/logs/simpul.log`. Personal data is redacted by key and NIKs masked in messages.
 */
export function createLogger(options: { level?: string; dataDir?: string; quiet?: boolean } = {}): Logger {
  const streams: pino.StreamEntry[] = [];
  if (!options.quiet) streams.push({ stream: process.stdout });
  if (options.dataDir) {
    const dir = path.join(options.dataDir, 'logs');
    fs.mkdirSync(dir, { recursive: true });
    streams.push({ stream: pino.destination({ dest: path.join(dir, 'simpul.log'), sync: false, mkdir: true }) });
  }
  return pino(
    {
      level: options.level ?? process.env.SIMPUL_LOG_LEVEL ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? maskNik(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    streams.length > 0 ? pino.multistream(streams) : pino.destination('/dev/null'),
  );
}
