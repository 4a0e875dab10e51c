/** Structured JSON logs, one line per record, the shape CloudWatch Logs Insights reads. */
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const threshold = (): number => ORDER[(process.env.LOG_LEVEL as Level) ?? 'info'] ?? ORDER.info;

export const createLogger = (service: string) => {
  const write = (level: Level, message: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[level] < threshold()) return;
    const line = JSON.stringify({ level, service, message, timestamp: new Date().toISOString(), ...fields });
    (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
  };
  return {
    debug: (m: string, f?: Record<string, unknown>) => write('debug', m, f),
    info: (m: string, f?: Record<string, unknown>) => write('info', m, f),
    warn: (m: string, f?: Record<string, unknown>) => write('warn', m, f),
    error: (m: string, f?: Record<string, unknown>) => write('error', m, f),
  };
};

export type Logger = ReturnType<typeof createLogger>;
