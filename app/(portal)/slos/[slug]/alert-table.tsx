import { Badge } from '@/components/ui/badge';
import { Table, TBody, Td, THead, Th, Tr } from '@/components/ui/table';
import { formatBurn } from '@/lib/format';
import { type AlertEvaluation, alertTierLabel } from '@/lib/slo/alerts';
import { describeExhaustion } from '@/lib/slo/explain';

/** The four alert tiers (page fast/slow burn, ticket fast/slow burn) with their scaled windows; `horizonMinutes` is how far the window reaches from now. */
export function AlertTable({
  alerts,
  horizonMinutes,
}: {
  alerts: AlertEvaluation[];
  horizonMinutes: number;
}) {
  return (
    <Table>
      <THead>
        <tr>
          <Th>Alert</Th>
          <Th>Windows</Th>
          <Th className="text-right">Factor</Th>
          <Th className="text-right">Long burn</Th>
          <Th className="text-right">Short burn</Th>
          <Th>State</Th>
          <Th className="text-right">Exhaustion at this burn</Th>
        </tr>
      </THead>
      <TBody>
        {alerts.map((a) => (
          <Tr key={a.tier} data-testid={`alert-tier-${a.tier}`} data-firing={a.firing}>
            <Td>
              <Badge
                variant={a.severity === 'page' ? 'critical' : 'warning'}
                title={`Alert tier ${a.tier} of 4: ${a.severity === 'page' ? 'pages on-call' : 'opens a ticket'}`}
              >
                {alertTierLabel(a.tier, a.severity)}
              </Badge>
            </Td>
            <Td className="tabular-nums">
              {a.long} / {a.short}
            </Td>
            <Td className="text-right tabular-nums">{formatBurn(a.factor)}</Td>
            <Td
              className={`text-right tabular-nums ${a.longBurn !== null && a.longBurn > a.factor ? 'font-semibold text-depleted' : ''}`}
            >
              {formatBurn(a.longBurn)}
            </Td>
            <Td
              className={`text-right tabular-nums ${a.shortBurn !== null && a.shortBurn > a.factor ? 'font-semibold text-depleted' : ''}`}
            >
              {formatBurn(a.shortBurn)}
            </Td>
            <Td>
              {a.firing ? (
                <Badge variant="depleted">FIRING</Badge>
              ) : a.suppressed ? (
                <Badge>suppressed: low traffic</Badge>
              ) : (
                <Badge variant="healthy">ok</Badge>
              )}
            </Td>
            <Td className="text-right tabular-nums">
              {describeExhaustion(a.timeToExhaustionMinutes, horizonMinutes)}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
