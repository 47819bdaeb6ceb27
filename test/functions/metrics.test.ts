import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiEvent, lambdaContext } from '../support/api-event';

/** The EMF documents a handler wrote to stdout, parsed. */
type Emf = { _aws: { CloudWatchMetrics: { Namespace: string; Metrics: { Name: string }[] }[] } } & Record<
  string,
  unknown
>;

describe('operators’ metrics', () => {
  let written: string[];

  beforeEach(() => {
    // Metrics are off in tests and locally; on here, as in Lambda.
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', 'CompulsoryTreatment');
    vi.resetModules();
    written = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  const emf = (): Emf[] =>
    written
      .flatMap((chunk) => chunk.split('\n'))
      .filter((line) => line.includes('"CloudWatchMetrics"'))
      .map((line) => JSON.parse(line) as Emf);
  const named = (name: string) =>
    emf().filter((doc) => doc._aws.CloudWatchMetrics[0]?.Metrics.some((m) => m.Name === name));

  it('counts a conflict by route when the answer is 409', async () => {
    const { httpHandler } = await import('../../shared/http/handler');
    const { ConflictError } = await import('../../shared/errors');
    const handler = httpHandler(async () => {
      throw new ConflictError('Hồ sơ đã thay đổi.');
    });
    const event = apiEvent({ method: 'POST', path: '/cases/{id}/actions/{action}' });
    const response = await handler(event, lambdaContext);
    expect(response.statusCode).toBe(409);
    const [conflict] = named('Conflicts');
    expect(conflict).toMatchObject({ Conflicts: 1, route: 'POST /cases/{id}/actions/{action}' });
    expect(conflict?._aws.CloudWatchMetrics[0]?.Namespace).toBe('CompulsoryTreatment');
  });

  it('counts an action performed, documents issued and deadlines missed, each once', async () => {
    const { systemHandler } = await import('../../shared/http/handler');
    const metrics = await import('../../shared/clients/metrics');
    const handler = systemHandler(async () => {
      metrics.countActionPerformed('decide');
      metrics.countDocumentsIssued('decide', 1);
      metrics.countDeadlinesMissed(3);
      metrics.countDeadlinesMissed(0);
      return 'ok';
    });
    expect(await handler({}, lambdaContext)).toBe('ok');
    expect(named('ActionsPerformed')).toEqual([
      expect.objectContaining({ ActionsPerformed: 1, action: 'decide' }),
    ]);
    expect(named('DocumentsIssued')).toEqual([
      expect.objectContaining({ DocumentsIssued: 1, action: 'decide' }),
    ]);
    expect(named('DeadlinesMissed')).toEqual([expect.objectContaining({ DeadlinesMissed: 3 })]);
  });
});
