-- The overview row's 30-day trend is now a compact array (trend_from + one value per day);
-- stored snapshots in the old shape are dropped and recomputed on the next read.
DELETE FROM "slo_snapshots";
