import { describe, expect, it } from 'vitest';
import { alertmanagerPayload, mapAlertGroup, mapSeverity } from './alertmanager';

const base = {
  version: '4',
  groupKey: '{}:{alertname="HighErrorRate"}',
  status: 'firing',
  receiver: 'portal',
  groupLabels: { alertname: 'HighErrorRate' },
  commonLabels: { alertname: 'HighErrorRate', severity: 'critical', service: 'checkout', env: 'prod' },
  commonAnnotations: { summary: '5xx above 5%', runbook_url: 'https://runbooks/x' },
  externalURL: 'http://am',
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'HighErrorRate', severity: 'critical', service: 'checkout', env: 'prod' },
      annotations: {},
      startsAt: '2026-11-10T10:00:00Z',
      endsAt: '0001-01-01T00:00:00Z',
      fingerprint: 'abc',
    },
  ],
};
const now = new Date('2026-11-10T10:05:00Z');

describe('Alertmanager payload mapping', () => {
  it('title from the alert name and labels, severity by the table, service from the label', () => {
    const m = mapAlertGroup(alertmanagerPayload.parse(base), now);
    expect(m.title).toBe('HighErrorRate (env=prod, service=checkout)');
    expect(m.severity).toBe('SEV1');
    expect(m.serviceSlug).toBe('checkout');
    expect(m.alertName).toBe('HighErrorRate');
    expect(m.startedAt.toISOString()).toBe('2026-11-10T10:00:00.000Z');
    expect(m.resolvedAt).toBeNull();
    expect(m.runbookUrl).toBe('https://runbooks/x');
  });

  it('the severity table is configurable; unknown labels fall back to SEV3', () => {
    expect(mapSeverity('critical', { critical: 'SEV2' })).toBe('SEV2');
    expect(mapSeverity('bogus')).toBe('SEV3');
    expect(mapSeverity(undefined)).toBe('SEV3');
    expect(mapSeverity('WARNING')).toBe('SEV3');
    expect(mapSeverity('info')).toBe('SEV4');
  });

  it('resolved: resolvedAt is the latest alert end; the same payload gives the same delivery key', () => {
    const resolved = {
      ...base,
      status: 'resolved',
      alerts: [{ ...base.alerts[0], status: 'resolved', endsAt: '2026-11-10T10:40:00Z' }],
    };
    const a = mapAlertGroup(alertmanagerPayload.parse(resolved), now);
    const b = mapAlertGroup(alertmanagerPayload.parse(resolved), new Date());
    expect(a.resolvedAt?.toISOString()).toBe('2026-11-10T10:40:00.000Z');
    expect(a.deliveryKey).toBe(b.deliveryKey);
    expect(a.deliveryKey).not.toBe(mapAlertGroup(alertmanagerPayload.parse(base), now).deliveryKey);
  });

  it('refuses other payload versions and a missing groupKey', () => {
    expect(alertmanagerPayload.safeParse({ ...base, version: '3' }).success).toBe(false);
    expect(alertmanagerPayload.safeParse({ ...base, groupKey: '' }).success).toBe(false);
  });

  it('a runbook annotation that is not http(s) is not linked', () => {
    const m = mapAlertGroup(
      alertmanagerPayload.parse({ ...base, commonAnnotations: { runbook_url: 'javascript:alert(1)' } }),
      now,
    );
    expect(m.runbookUrl).toBeNull();
  });
});
