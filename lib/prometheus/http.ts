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

/**
 * The URL of an API path under the data source, keeping its path prefix:
 * `http://host/prometheus` + `api/v1/query` → `http://host/prometheus/api/v1/query`
 * (Mimir, Thanos behind a proxy, `--web.route-prefix`). `new URL('/api/…', base)` would drop it.
 */
export function apiUrl(base: string, apiPath: string, params: Record<string, string> = {}): URL {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${apiPath.replace(/^\/+/, '')}`;
  url.search = new URLSearchParams(params).toString();
  url.hash = '';
  return url;
}

interface Body {
  status?: string;
  error?: string;
  errorType?: string;
  data?: { resultType?: string; result?: PromSeries[] };
}

async function call(ds: DataSource, apiPath: string, params: Record<string, string>): Promise<Body> {
  const url = apiUrl(ds.url, apiPath, params);
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
  if (res.status === 401 || res.status === 403)
    throw new PrometheusError(`Prometheus refused the credentials (HTTP ${res.status})`);
  let body: Body;
  try {
    body = await res.json();
  } catch {
    throw new PrometheusError(
      res.status === 404
        ? `Nothing answers at ${url.origin}${url.pathname} (HTTP 404): check the data source URL and its path prefix`
        : `Unexpected answer from ${ds.url} (HTTP ${res.status}, not JSON)`,
    );
  }
  if (body.status !== 'success')
    throw new PrometheusError(
      `Prometheus rejected the query ${params.query}: ${body.error ?? `HTTP ${res.status}`}`,
    );
  return body;
}

/** GET /api/v1/query_range; errors become PrometheusError with a message a person can act on. */
export async function queryRange(
  ds: DataSource,
  query: string,
  start: number,
  end: number,
  step: number,
): Promise<PromSeries[]> {
  const body = await call(ds, 'api/v1/query_range', {
    query,
    start: String(start),
    end: String(end),
    step: String(step),
  });
  if (body.data?.resultType !== 'matrix')
    throw new PrometheusError(`Expected a range vector from ${query}, got ${body.data?.resultType}`);
  return body.data.result ?? [];
}

/**
 * The raw samples of every series of `selector` in (end − seconds, end]: an instant query of
 * `selector[Ns]`, which Prometheus answers with the stored samples themselves (no step, no
 * lookback), the resolution `increase()` works at.
 */
export async function rawSamples(
  ds: DataSource,
  selector: string,
  end: number,
  seconds: number,
): Promise<PromSeries[]> {
  const query = `${selector}[${Math.round(seconds)}s]`;
  const body = await call(ds, 'api/v1/query', { query, time: String(end) });
  if (body.data?.resultType !== 'matrix')
    throw new PrometheusError(`Expected a range vector from ${query}, got ${body.data?.resultType}`);
  return body.data.result ?? [];
}
