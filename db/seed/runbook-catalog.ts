// The demo runbooks' content (SPEC 5): 15 runbooks for the demo services and the alerts their
// generated SLO rules fire, plus the infrastructure alerts an SRE team also gets paged for.

export const PAGE = 'SLOErrorBudgetBurnPage';
export const TICKET = 'SLOErrorBudgetBurnTicket';
export const DAY = 86_400_000;

export interface DemoRunbook {
  slug: string;
  title: string;
  service: string | null;
  team: string;
  alerts: string[];
  interval: number;
  /** Days since the last review (null: never reviewed), and since it was written. */
  reviewedAgo: number | null;
  writtenAgo: number;
  reviewer?: string;
  overview: string;
  symptoms: string[];
  prerequisites: string[];
  investigation: string;
  mitigation: string;
  verification: string;
  escalation: string;
}

const sh = (...lines: string[]) => `\`\`\`sh\n${lines.join('\n')}\n\`\`\``;
const promql = (q: string) => `\`\`\`promql\n${q}\n\`\`\``;

export const RUNBOOKS: DemoRunbook[] = [
  {
    slug: 'checkout-error-budget-burn',
    title: 'Checkout API: error budget burning',
    service: 'checkout-api',
    team: 'payments',
    alerts: [PAGE, TICKET, 'CheckoutHigh5xxRate'],
    interval: 30,
    reviewedAgo: 12,
    writtenAgo: 200,
    reviewer: 'daniel.osei@demo.sre',
    overview:
      'Orders are failing or slow. Every failed checkout is lost revenue, so a **page** here means act now; a ticket means look today.',
    symptoms: [
      '`SLOErrorBudgetBurnPage` with `service="checkout-api"`',
      'Spike of HTTP 5xx on `/v2/orders` in the gateway dashboard',
      'Customer support reports "payment failed" without a card decline',
    ],
    prerequisites: [
      '`kubectl` access to the `payments` namespace (prod cluster)',
      'Grafana: *Checkout overview* dashboard',
    ],
    investigation: `1. Which endpoints fail?\n\n${promql('sum by (route, code) (rate(http_requests_total{service="checkout-api",code=~"5.."}[5m]))')}\n\n2. Did a deploy just go out?\n\n${sh('kubectl -n payments rollout history deploy/checkout-api', 'kubectl -n payments get pods -l app=checkout-api -o wide')}\n\n3. Are the downstreams healthy? Check [Payments Processor](/runbooks/payments-processor-acquirer-timeouts) and the database connection pool:\n\n${sh('kubectl -n payments logs deploy/checkout-api --since=15m | grep -i "pool exhausted" | tail')}`,
    mitigation: `- Bad deploy in the last hour: roll back first, investigate later.\n\n${sh('kubectl -n payments rollout undo deploy/checkout-api', 'kubectl -n payments rollout status deploy/checkout-api --timeout=5m')}\n\n- Pool exhausted: scale out while you find the slow query.\n\n${sh('kubectl -n payments scale deploy/checkout-api --replicas=12')}`,
    verification:
      'The 5m error ratio falls under 0.1% and the burn-rate panel on the SLO page drops below 1×. Place a test order with the `qa-visa` card.',
    escalation:
      'Payments on-call (PagerDuty *payments-primary*), then the Payments EM. Post in `#inc-checkout`.',
  },
  {
    slug: 'payments-processor-acquirer-timeouts',
    title: 'Payments Processor: acquirer timeouts',
    service: 'payments-processor',
    team: 'payments',
    alerts: [PAGE, TICKET, 'AcquirerTimeoutsHigh'],
    interval: 30,
    reviewedAgo: 45,
    writtenAgo: 300,
    reviewer: 'sofia.rossi@demo.sre',
    overview:
      'Card authorisations time out at one acquirer. Checkout retries on the secondary, so users see slow payments before failures.',
    symptoms: [
      '`AcquirerTimeoutsHigh` for one `acquirer` label',
      'p99 authorisation latency above 4 s',
      'Checkout 5xx follows within minutes',
    ],
    prerequisites: [
      'Access to the acquirer status pages (1Password: *Acquirers*)',
      '`kubectl` on the `payments` namespace',
    ],
    investigation: `${promql('sum by (acquirer) (rate(acquirer_requests_total{outcome="timeout"}[5m])) / sum by (acquirer) (rate(acquirer_requests_total[5m]))')}\n\nCheck the acquirer's status page and our egress NAT:\n\n${sh('kubectl -n payments exec deploy/payments-processor -- curl -sS -o /dev/null -w "%{time_total}\\n" https://api.acquirer-a.example/health')}`,
    mitigation: `Shift traffic to the healthy acquirer with the routing flag:\n\n${sh('kubectl -n payments set env deploy/payments-processor ACQUIRER_WEIGHTS="a=0,b=100"')}`,
    verification: 'Timeout ratio under 0.5% for 15 minutes; authorisation success back above 99.5%.',
    escalation:
      'Open a P1 with the acquirer (phone numbers in 1Password). Payments EM for any customer communication.',
  },
  {
    slug: 'gateway-availability',
    title: 'API Gateway: availability SLO burning',
    service: 'api-gateway',
    team: 'platform',
    alerts: [PAGE, TICKET, 'GatewayUpstreamErrors'],
    interval: 60,
    reviewedAgo: 20,
    writtenAgo: 400,
    reviewer: 'priya.natarajan@demo.sre',
    overview:
      'The edge returns errors for many services at once. Find out whether it is the gateway itself or one upstream.',
    symptoms: [
      'Error budget alerts on `gateway-availability`',
      'Errors across several services at the same minute',
    ],
    prerequisites: ['`kubectl` on the `edge` namespace', 'Read access to the load balancer console'],
    investigation: `${promql('topk(5, sum by (upstream) (rate(gateway_responses_total{code=~"5.."}[5m])))')}\n\nOne upstream dominating? Follow that service's runbook. Errors everywhere? Check the gateway pods:\n\n${sh('kubectl -n edge get pods -l app=gateway', 'kubectl -n edge top pods -l app=gateway')}`,
    mitigation: `Restart unhealthy gateway pods one at a time (the PDB keeps two up):\n\n${sh('kubectl -n edge rollout restart deploy/gateway')}\n\nUnder attack or a retry storm? Tighten the global rate limit:\n\n${sh('kubectl -n edge patch configmap gateway-limits --type merge -p \'{"data":{"global_rps":"20000"}}\'')}`,
    verification:
      '5xx ratio under 0.05% on the gateway dashboard; the synthetic check `edge-https` is green.',
    escalation: 'Platform on-call, then the network vendor if the load balancer is at fault.',
  },
  {
    slug: 'gateway-latency',
    title: 'API Gateway: p99 latency above 300 ms',
    service: 'api-gateway',
    team: 'platform',
    alerts: ['GatewayLatencyHigh'],
    interval: 90,
    reviewedAgo: 130,
    writtenAgo: 380,
    reviewer: 'tom.becker@demo.sre',
    overview:
      'Responses are slow at the edge. Usually one upstream or TLS handshakes after a certificate change.',
    symptoms: ['`gateway-latency-p99` SLO warning', 'Slow page loads reported on the web frontend'],
    prerequisites: ['Grafana: *Edge latency* dashboard'],
    investigation: `${promql('histogram_quantile(0.99, sum by (le, upstream) (rate(gateway_request_duration_seconds_bucket[5m])))')}`,
    mitigation: 'Scale the slow upstream, or shed non-critical routes with the `degraded-mode` flag.',
    verification: 'p99 under 300 ms for 30 minutes.',
    escalation: 'Platform on-call.',
  },
  {
    slug: 'auth-login-failures',
    title: 'Auth Service: login success dropping',
    service: 'auth-service',
    team: 'platform',
    alerts: [PAGE, TICKET, 'AuthLoginFailuresHigh'],
    interval: 30,
    reviewedAgo: 8,
    writtenAgo: 250,
    reviewer: 'lena.fischer@demo.sre',
    overview:
      'People cannot sign in. Nothing else works for them, so treat a page as a customer-facing outage.',
    symptoms: ['Login success SLO burning', 'Spike of `invalid_session` or 500s on `/oauth/token`'],
    prerequisites: ['`kubectl` on `identity`', 'Redis CLI access to the session store'],
    investigation: `${sh('kubectl -n identity logs deploy/auth-service --since=10m | grep -E "level=error" | tail -50', 'redis-cli -h sessions.identity.svc info stats | grep -E "rejected|evicted"')}\n\nCheck whether the signing key rotated in the last hour.`,
    mitigation: `If sessions are being evicted, raise the Redis memory limit; if a key rotation broke tokens, re-publish the previous key:\n\n${sh('kubectl -n identity rollout undo deploy/auth-service')}`,
    verification: 'Login success above 99.9% on the SLO page; sign in with the `synthetic-login` account.',
    escalation: 'Platform on-call, then Security on-call if credential stuffing is suspected.',
  },
  {
    slug: 'k8s-node-not-ready',
    title: 'Kubernetes: node NotReady',
    service: 'k8s-platform',
    team: 'platform',
    alerts: ['KubeNodeNotReady', 'KubeNodeUnreachable'],
    interval: 90,
    reviewedAgo: null,
    writtenAgo: 150,
    overview:
      'A node stopped reporting. Pods on it are rescheduled after 5 minutes; capacity is reduced until it is back.',
    symptoms: ['`KubeNodeNotReady` for one `node`', 'Pods stuck in `Terminating` on that node'],
    prerequisites: ['Cluster-admin kubeconfig', 'Cloud console access to the node pool'],
    investigation: sh(
      'kubectl get nodes -o wide | grep -v " Ready"',
      'kubectl describe node "$NODE" | sed -n "/Conditions/,/Addresses/p"',
      'kubectl get pods -A --field-selector spec.nodeName="$NODE"',
    ),
    mitigation: sh(
      'kubectl cordon "$NODE"',
      'kubectl drain "$NODE" --ignore-daemonsets --delete-emptydir-data --timeout=10m',
      '# then replace the instance from the node pool',
    ),
    verification: 'The replacement node is `Ready` and no pod is `Pending` for lack of capacity.',
    escalation: 'Platform on-call; the cloud provider if a whole zone is affected.',
  },
  {
    slug: 'web-frontend-errors',
    title: 'Web Frontend: page errors and slow renders',
    service: 'web-frontend',
    team: 'storefront',
    alerts: [PAGE, TICKET],
    interval: 60,
    reviewedAgo: 75,
    writtenAgo: 320,
    reviewer: 'aiko.tanaka@demo.sre',
    overview: 'The shop fails to render or renders slowly. Check the CDN and the BFF before the React app.',
    symptoms: ['Frontend availability SLO burning', 'Real-user monitoring shows JS errors or LCP over 4 s'],
    prerequisites: ['CDN console access', '`kubectl` on `storefront`'],
    investigation: sh(
      'kubectl -n storefront get pods -l app=web-frontend',
      'kubectl -n storefront logs deploy/web-frontend --since=10m | grep -c "ECONNRESET"',
    ),
    mitigation:
      'Roll back the last frontend release from the deploy pipeline, or purge the CDN cache if a bad asset was cached.',
    verification: 'Error rate under 0.5% and LCP p75 under 2.5 s in RUM.',
    escalation: 'Storefront on-call.',
  },
  {
    slug: 'search-latency',
    title: 'Search API: slow queries',
    service: 'search-api',
    team: 'storefront',
    alerts: [PAGE, TICKET, 'ElasticsearchClusterYellow'],
    interval: 90,
    reviewedAgo: 30,
    writtenAgo: 280,
    reviewer: 'lucas.martin@demo.sre',
    overview:
      'Search is slow or times out. Usually a hot shard, a heavy reindex, or garbage collection on the data nodes.',
    symptoms: ['Search latency SLO burning', 'Elasticsearch cluster `yellow` or `red`'],
    prerequisites: ['Port-forward to the Elasticsearch service'],
    investigation: sh(
      'kubectl -n search port-forward svc/elasticsearch 9200 &',
      'curl -s localhost:9200/_cluster/health?pretty',
      'curl -s "localhost:9200/_cat/thread_pool/search?v&h=node_name,active,queue,rejected"',
    ),
    mitigation: `Pause the reindex job if one is running:\n\n${sh('kubectl -n search scale deploy/reindexer --replicas=0')}`,
    verification: 'p99 under 500 ms; cluster `green`.',
    escalation: 'Storefront on-call, then the search platform owners.',
  },
  {
    slug: 'catalog-api-stale-prices',
    title: 'Catalog API: stale prices or stock',
    service: 'catalog-api',
    team: 'storefront',
    alerts: [TICKET, 'CatalogSyncLagHigh'],
    interval: 180,
    reviewedAgo: 200,
    writtenAgo: 500,
    reviewer: 'chloe.dubois@demo.sre',
    overview:
      'Prices or stock levels lag behind the ERP. Not an outage, but overselling starts after about an hour.',
    symptoms: ['`CatalogSyncLagHigh` above 15 minutes'],
    prerequisites: ['Read access to the ERP export bucket'],
    investigation: promql('max(catalog_sync_lag_seconds) by (source)'),
    mitigation: sh(
      'kubectl -n storefront create job --from=cronjob/catalog-sync catalog-sync-manual-$(date +%s)',
    ),
    verification: 'Sync lag under 5 minutes.',
    escalation: 'Storefront on-call during business hours.',
  },
  {
    slug: 'events-pipeline-consumer-lag',
    title: 'Events Pipeline: Kafka consumer lag',
    service: 'events-pipeline',
    team: 'data',
    alerts: [PAGE, TICKET, 'KafkaConsumerLagHigh'],
    interval: 60,
    reviewedAgo: 90,
    writtenAgo: 260,
    reviewer: 'elena.petrova@demo.sre',
    overview:
      'Consumers fall behind producers. Downstream dashboards and notifications get late; data is not lost while lag stays under retention (72 h).',
    symptoms: ['`KafkaConsumerLagHigh` for a consumer group', 'Freshness SLO burning'],
    prerequisites: ['Kafka CLI tools in the `kafka-tools` pod'],
    investigation: sh(
      'kubectl -n data exec -it kafka-tools -- kafka-consumer-groups.sh --bootstrap-server kafka:9092 --describe --group events-ingest',
    ),
    mitigation: `Scale the consumers up to the partition count:\n\n${sh('kubectl -n data scale deploy/events-ingest --replicas=24')}`,
    verification: 'Lag decreasing on every partition; freshness under 5 minutes.',
    escalation: 'Data on-call.',
  },
  {
    slug: 'warehouse-etl-late',
    title: 'Warehouse ETL: nightly load late or failed',
    service: 'warehouse-etl',
    team: 'data',
    alerts: [TICKET, 'WarehouseLoadFailed'],
    interval: 180,
    reviewedAgo: 60,
    writtenAgo: 420,
    reviewer: 'jonas.berg@demo.sre',
    overview:
      'The nightly load did not finish by 06:00 UTC. Finance and leadership dashboards show yesterday as missing.',
    symptoms: ['`WarehouseLoadFailed`', 'Empty partitions for yesterday'],
    prerequisites: ['Airflow UI access'],
    investigation: sh('airflow dags list-runs -d warehouse_nightly --state failed | head'),
    mitigation: sh(
      'airflow tasks clear warehouse_nightly -s "$(date -u -d yesterday +%F)" --only-failed --yes',
    ),
    verification: 'Row counts for yesterday match the source within 0.1%.',
    escalation: 'Data team in business hours; it never pages at night.',
  },
  {
    slug: 'notifications-delivery',
    title: 'Notifications: delivery delayed',
    service: 'notifications',
    team: 'data',
    alerts: [PAGE, TICKET, 'NotificationQueueBacklog'],
    interval: 90,
    reviewedAgo: 110,
    writtenAgo: 330,
    reviewer: 'fatima.zahra@demo.sre',
    overview:
      'Emails, SMS or push messages go out late. Password resets and order confirmations are the ones people notice.',
    symptoms: ['Delivery SLO burning', 'Queue backlog above 50k messages'],
    prerequisites: ['Provider dashboards (SendGrid, Twilio) in 1Password'],
    investigation: promql('sum by (channel) (notification_queue_depth)'),
    mitigation:
      'Fail over the affected channel to the secondary provider with the `NOTIFY_<CHANNEL>_PROVIDER` setting and restart the senders.',
    verification: 'Backlog draining; delivery p95 under 60 s.',
    escalation: 'Data on-call; the provider for their outages.',
  },
  {
    slug: 'billing-renewals-failing',
    title: 'Billing Worker: subscription renewals failing',
    service: 'billing-worker',
    team: 'payments',
    alerts: [TICKET, 'BillingRenewalFailures'],
    interval: 90,
    reviewedAgo: null,
    writtenAgo: 120,
    overview: 'Renewals fail in the nightly batch. Customers are retried for 3 days before losing access.',
    symptoms: ['`BillingRenewalFailures` above 2% of the batch'],
    prerequisites: ['Read-only database role `billing_ro`'],
    investigation: sh(
      'psql "$BILLING_RO_URL" -c "select failure_code, count(*) from renewals where run_date = current_date group by 1 order by 2 desc"',
    ),
    mitigation:
      'Re-run the failed renewals after the cause is fixed: `make renewals-retry DATE=today` in the billing repository.',
    verification: 'Failure rate under 0.5% on the retry.',
    escalation: 'Payments on-call during business hours.',
  },
  {
    slug: 'slo-burn-first-response',
    title: 'Any SLO burning its error budget: first five minutes',
    service: null,
    team: 'platform',
    alerts: [PAGE, TICKET],
    interval: 180,
    reviewedAgo: 40,
    writtenAgo: 600,
    reviewer: 'grace.kim@demo.sre',
    overview:
      'The generic response to a burn-rate alert when the service has no runbook of its own. A **page** (14.4× or 6×) means the budget goes in hours or days; a **ticket** means weeks.',
    symptoms: ['`SLOErrorBudgetBurnPage` or `SLOErrorBudgetBurnTicket` with `slo` and `service` labels'],
    prerequisites: ['The SLO page in the portal (the alert links it as `dashboard`)'],
    investigation:
      '1. Open the SLO page: which windows burn, since when?\n2. Check deploys and feature flags around the start.\n3. Check the dependencies the service calls.',
    mitigation:
      'Roll back recent changes first. Freeze feature deploys with the deploy gate until the budget recovers.',
    verification: 'The short-window burn rate falls below the alert factor; the alert resolves.',
    escalation: 'The owning team of the service (see the catalog), then the incident commander rota.',
  },
  {
    slug: 'certificate-expiry',
    title: 'TLS certificate expiring',
    service: 'api-gateway',
    team: 'platform',
    alerts: ['CertificateExpiringSoon', 'CertManagerCertNotReady'],
    interval: 365,
    reviewedAgo: 400,
    writtenAgo: 800,
    reviewer: 'omar.haddad@demo.sre',
    overview: 'A certificate expires in under 14 days and cert-manager has not renewed it.',
    symptoms: ['`CertificateExpiringSoon`', '`Certificate` resource not `Ready`'],
    prerequisites: ['`kubectl` with cert-manager CRDs', '`cmctl`'],
    investigation: sh(
      'kubectl get certificate -A | grep -v True',
      'kubectl describe certificate -n edge wildcard-shop',
    ),
    mitigation: sh('cmctl renew -n edge wildcard-shop'),
    verification: sh(
      'echo | openssl s_client -connect shop.example.com:443 2>/dev/null | openssl x509 -noout -enddate',
    ),
    escalation: 'Platform on-call.',
  },
];
