import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';

const RULES: [string, string][] = [
  ['kind', 'Service and SLO; an SLO with several objectives becomes one SLO per objective.'],
  ['indicator', 'Inline ratioMetric (good/total) or thresholdMetric (latency, value in ms, op lt/lte).'],
  ['metricSource', 'Prometheus queries are counter selectors; any other type takes pushed samples.'],
  ['timeWindow', 'Rolling: whole days 1–90 (2w, 28d). Calendar: 1w, 1M or 1Q in calendar.timeZone.'],
  ['budgetingMethod', 'Occurrences, Timeslices (timeSliceTarget) or RatioTimeslices; slices are 1m.'],
  ['annotations', 'sre-portal.io/alert-min-events, runbook-url, latency-threshold-ms, source, tier.'],
];

/** How OpenSLO fields map onto the portal, beside the import form. */
export function MappingHelp() {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">What the portal reads</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-3 text-sm">
          {RULES.map(([field, rule]) => (
            <div key={field}>
              <dt className="font-mono text-xs font-medium">{field}</dt>
              <dd className="text-muted-foreground">{rule}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
