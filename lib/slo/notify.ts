// What the portal sends for the alerts it evaluates itself (SPEC 1.2): the
// Alertmanager API v2 payload and a signed JSON webhook. Pure: no I/O.

/** Alertmanager expects a firing alert to be re-sent before its endsAt; Prometheus re-sends every minute. */
export const RESEND_MS = 60_000;
/** endsAt of a firing alert: 4 re-send intervals ahead, as Prometheus does, so a silent portal resolves. */
export const VALID_FOR_MS = 4 * RESEND_MS;

/** Retry delay after `failures` consecutive failed deliveries: 30 s, 1 min, 2 min … at most 15 min. */
export function retryDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(15 * 60_000, 30_000 * 2 ** (failures - 1));
}

export interface PostableAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
}

export function postableAlert(args: {
  alertname: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: Date;
  firing: boolean;
  now: Date;
  generatorURL: string;
}): PostableAlert {
  return {
    labels: { alertname: args.alertname, ...args.labels },
    annotations: args.annotations,
    startsAt: args.startsAt.toISOString(),
    endsAt: new Date(args.firing ? args.now.getTime() + VALID_FOR_MS : args.now.getTime()).toISOString(),
    generatorURL: args.generatorURL,
  };
}

/** The webhook body: Alertmanager-like, so receivers written for it read it too. */
export function webhookBody(
  alerts: (PostableAlert & { status: 'firing' | 'resolved' })[],
  now: Date,
): string {
  return JSON.stringify({ version: '1', sender: 'sre-portal', sentAt: now.toISOString(), alerts });
}
