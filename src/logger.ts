/** JSON lines to stderr; stdout belongs to the CLI. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
  debug(event: string, fields?: Record<string, unknown>): void;
}

const LEVELS = { silent: 0, error: 1, info: 2, debug: 3 } as const;

/** Creates a logger writing one JSON object per line to `write` (default stderr). */
export function createLogger(level: keyof typeof LEVELS = 'info', write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const emit = (at: keyof typeof LEVELS, event: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS[at] > LEVELS[level]) return;
    write(`${JSON.stringify({ time: new Date().toISOString(), level: at, event, ...fields })}\n`);
  };
  return {
    info: (event, fields) => emit('info', event, fields),
    error: (event, fields) => emit('error', event, fields),
    debug: (event, fields) => emit('debug', event, fields),
  };
}
