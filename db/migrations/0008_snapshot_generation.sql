ALTER TABLE "slo_snapshots" ALTER COLUMN "computed_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "slo_snapshots" ALTER COLUMN "overview" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "slo_snapshots" ALTER COLUMN "api" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "slo_snapshots" ADD COLUMN "generation" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The overview row's 30-day trend is now a compact array (trend + trendFrom): snapshots in the
-- old shape are dropped and recomputed on the next read.
DELETE FROM "slo_snapshots";
