import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Structured logs carry case ids, actions and error names only: never names, citizen ids or
 * health data (Decree 13/2023/NĐ-CP).
 */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'compulsory-treatment',
});
