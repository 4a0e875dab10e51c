import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { currentCorrelationId } from './context';

/**
 * Structured JSON logs from Powertools for AWS Lambda (the shape CloudWatch Logs Insights
 * reads), one logger per service. Every record carries the correlation id of the work in
 * progress, read at the time of the call, so concurrent requests in one process (the local
 * stage serves many at once) never mix their ids.
 */
type Fields = Record<string, unknown>;

const levelFromEnv = () => {
  const level = (process.env.LOG_LEVEL ?? 'info').toUpperCase();
  return (['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT'].includes(level) ? level : 'INFO') as 'INFO';
};

export const createLogger = (service: string) => {
  const logger = new PowertoolsLogger({ serviceName: service, logLevel: levelFromEnv() });
  const withCorrelation = (fields: Fields = {}): Fields => {
    const correlationId = currentCorrelationId();
    return correlationId ? { correlationId, ...fields } : fields;
  };
  return {
    debug: (message: string, fields?: Fields) => logger.debug(message, withCorrelation(fields)),
    info: (message: string, fields?: Fields) => logger.info(message, withCorrelation(fields)),
    warn: (message: string, fields?: Fields) => logger.warn(message, withCorrelation(fields)),
    error: (message: string, fields?: Fields) => logger.error(message, withCorrelation(fields)),
  };
};

export type Logger = ReturnType<typeof createLogger>;
