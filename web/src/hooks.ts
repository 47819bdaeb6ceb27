import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, api, getConfig } from './api';

/** Loads a GET endpoint; `missing` when it answers 404. */
export function useGet<T>(path: string | undefined, deps: unknown[] = []) {
  const [state, setState] = useState<{ data?: T; error?: string; missing?: boolean; loading: boolean }>({
    loading: true,
  });
  const reload = useCallback(() => {
    if (!path) return;
    setState((s) => ({ ...s, loading: true }));
    api<T>('GET', path).then(
      (data) => setState({ data, loading: false }),
      (e: unknown) =>
        setState({
          loading: false,
          missing: e instanceof ApiError && e.status === 404,
          error: e instanceof Error ? e.message : String(e),
        }),
    );
  }, [path]);
  useEffect(reload, [reload, ...deps]);
  return { ...state, reload };
}

/** Today in Vietnam (YYYY-MM-DD): the local runtime's clock in local mode, else the browser's. */
export function useToday(): string | undefined {
  const clock = useGet<{ now: string }>(getConfig().mode === 'local' ? '/local/clock' : undefined);
  const now = getConfig().mode === 'local' ? clock.data?.now : new Date().toISOString();
  return now ? new Date(Date.parse(now) + 7 * 60 * 60 * 1000).toISOString().slice(0, 10) : undefined;
}
