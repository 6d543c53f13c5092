export type Level = 'info' | 'warn' | 'error';
export type Logger = (level: Level, event: string, fields?: Record<string, unknown>) => void;

/** One JSON object per line so journald/Docker log collectors can parse fields without regexes. */
export function jsonLogger(write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  return (level, event, fields = {}) => {
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }) + '\n');
  };
}

export const silentLogger: Logger = () => {};

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
