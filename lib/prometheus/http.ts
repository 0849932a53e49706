// A small client for the Prometheus HTTP API (also Thanos, Mimir, VictoriaMetrics).
import type { PromSeries } from './counters';

export interface DataSource {
  url: string;
  bearerToken?: string | null;
  username?: string | null;
  password?: string | null;
  timeoutSeconds?: number;
}

export class PrometheusError extends Error {}

function headers(ds: DataSource): Record<string, string> {
  if (ds.bearerToken) return { authorization: `Bearer ${ds.bearerToken}` };
  if (ds.username)
    return {
      authorization: `Basic ${Buffer.from(`${ds.username}:${ds.password ?? ''}`).toString('base64')}`,
    };
  return {};
}

/** GET /api/v1/query_range; errors become PrometheusError with a message a person can act on. */
export async function queryRange(
  ds: DataSource,
  query: string,
  start: number,
  end: number,
  step: number,
): Promise<PromSeries[]> {
  const url = new URL('/api/v1/query_range', ds.url.replace(/\/$/, '/'));
  url.search = new URLSearchParams({
    query,
    start: String(start),
    end: String(end),
    step: String(step),
  }).toString();
  const timeout = (ds.timeoutSeconds ?? 10) * 1000;
  let res: Response;
  try {
    res = await fetch(url, { headers: headers(ds), signal: AbortSignal.timeout(timeout) });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError')
      throw new PrometheusError(`Prometheus at ${ds.url} did not answer within ${timeout / 1000} s`);
    throw new PrometheusError(`Prometheus at ${ds.url} is unreachable (${e.cause?.code ?? e.message})`);
  }
  let body: {
    status?: string;
    error?: string;
    errorType?: string;
    data?: { resultType?: string; result?: PromSeries[] };
  };
  try {
    body = await res.json();
  } catch {
    throw new PrometheusError(`Unexpected answer from ${ds.url} (HTTP ${res.status}, not JSON)`);
  }
  if (res.status === 401 || res.status === 403)
    throw new PrometheusError(`Prometheus refused the credentials (HTTP ${res.status})`);
  if (body.status !== 'success')
    throw new PrometheusError(
      `Prometheus rejected the query ${query}: ${body.error ?? `HTTP ${res.status}`}`,
    );
  if (body.data?.resultType !== 'matrix')
    throw new PrometheusError(`Expected a range vector from ${query}, got ${body.data?.resultType}`);
  return body.data.result ?? [];
}
