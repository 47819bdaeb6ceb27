import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * CloudWatch metrics (embedded metric format, written with the function's logs) for what an
 * operator watches: actions performed, deadlines missed, documents issued, conflicts. Published
 * by the `logMetrics` middleware at the end of each invocation. The local runtime and the tests
 * set POWERTOOLS_METRICS_DISABLED (nothing reads EMF on a laptop).
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
export const countDeadlinesMissed = (count: number): void => {
  if (count > 0) metrics.addMetric('DeadlinesMissed', MetricUnit.Count, count);
};
export const countTimersFired = (count: number): void => {
  if (count > 0) metrics.addMetric('TimersFired', MetricUnit.Count, count);
};
