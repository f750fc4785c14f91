/**
 * A tiny stderr logger. Levels come from IRN_BRIDGE_LOG (silent | info | debug).
 * Callers pass messages that contain no secret; request lines carry method, path (no query), status and ms.
 */
export type LogLevel = 'silent' | 'info' | 'debug';

export interface Logger {
  level: LogLevel;
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

const rank: Record<LogLevel, number> = { silent: 0, info: 1, debug: 2 };

export function parseLogLevel(value: string | undefined): LogLevel {
  return value === 'silent' || value === 'debug' || value === 'info' ? value : 'info';
}

export function createLogger(level: LogLevel = parseLogLevel(process.env.IRN_BRIDGE_LOG),
  write: (line: string) => void = (line) => process.stderr.write(line + '\n')): Logger {
  const at = (min: LogLevel, tag: string) => (message: string) => {
    if (rank[level] >= rank[min]) write(`${new Date().toISOString()} ${tag} ${message}`);
  };
  return { level, info: at('info', 'info'), warn: at('info', 'warn'), debug: at('debug', 'debug') };
}

export const silentLogger: Logger = createLogger('silent');
