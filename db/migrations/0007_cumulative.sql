ALTER TABLE "sli_samples" ADD COLUMN "cum_good" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sli_samples" ADD COLUMN "cum_total" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sli_samples" ADD COLUMN "cum_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sli_samples" ADD COLUMN "cum_bad" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sli_samples" ADD COLUMN "cum_ratio" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Backfill: each existing minute's running sums since the start of its UTC day.
UPDATE "sli_samples" s SET "cum_good" = c.cg, "cum_total" = c.ct, "cum_minutes" = c.cm, "cum_bad" = c.cb, "cum_ratio" = c.cr
FROM (
  SELECT x.slo_id, x.minute,
    sum(least(x.good, 1e15)) OVER w AS cg, sum(least(x.total, 1e15)) OVER w AS ct,
    count(*) FILTER (WHERE x.total > 0) OVER w AS cm,
    count(*) FILTER (WHERE x.total > 0 AND x.good / x.total < o.timeslice_target) OVER w AS cb,
    coalesce(sum(least(x.good / x.total, 1)) FILTER (WHERE x.total > 0) OVER w, 0) AS cr
  FROM "sli_samples" x JOIN "slos" o ON o.id = x.slo_id
  WINDOW w AS (PARTITION BY x.slo_id, date_trunc('day', x.minute AT TIME ZONE 'UTC') ORDER BY x.minute)
) c
WHERE s.slo_id = c.slo_id AND s.minute = c.minute;
