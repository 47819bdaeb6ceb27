import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * CloudWatch metrics (embedded metric format, written with the function's logs) for what an
 * operator watches: actions performed, deadlines missed, documents issued, conflicts. Published
 * at the end of each invocation by `publishMetrics` (shared/http/handler.ts). The local runtime
 * and the tests set POWERTOOLS_METRICS_DISABLED (nothing reads EMF on a laptop).
 */
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'CompulsoryTreatment',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'compulsory-treatment',
});

/** One count with one dimension, flushed on its own so that dimensions do not mix. */
const countBy = (name: string, dimension: string, value: string, count = 1): void => {
  if (count <= 0) return;
  const single = metrics.singleMetric();
  single.addDimension(dimension, value);
  single.addMetric(name, MetricUnit.Count, count);
};

export const countActionPerformed = (action: string): void => countBy('ActionsPerformed', 'action', action);
export const countDocumentsIssued = (action: string, count: number): void =>
  countBy('DocumentsIssued', 'action', action, count);
export const countConflict = (route: string): void => countBy('Conflicts', 'route', route);
/** A count without dimensions, published with the invocation's other metrics. */
const count = (name: string, value: number): void => {
  if (value > 0) metrics.addMetric(name, MetricUnit.Count, value);
};
export const countDeadlinesMissed = (value: number): void => count('DeadlinesMissed', value);
export const countTimersFired = (value: number): void => count('TimersFired', value);
