CREATE TABLE "alert_delivery_status" (
	"channel" text PRIMARY KEY NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"failures" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "alert_notifications" (
	"slo_id" uuid NOT NULL,
	"tier" integer NOT NULL,
	"channel" text NOT NULL,
	"state" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alert_notifications_slo_id_tier_channel_pk" PRIMARY KEY("slo_id","tier","channel")
);
--> statement-breakpoint
CREATE TABLE "slo_alert_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slo_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"tier" integer NOT NULL,
	"severity" text NOT NULL,
	"state" text NOT NULL,
	"previous_state" text,
	"long_window" text NOT NULL,
	"short_window" text NOT NULL,
	"factor" double precision NOT NULL,
	"long_burn" double precision,
	"short_burn" double precision
);
--> statement-breakpoint
CREATE TABLE "slo_alert_states" (
	"slo_id" uuid NOT NULL,
	"tier" integer NOT NULL,
	"state" text NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"long_burn" double precision,
	"short_burn" double precision,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "slo_alert_states_slo_id_tier_pk" PRIMARY KEY("slo_id","tier")
);
--> statement-breakpoint
ALTER TABLE "slos" ALTER COLUMN "target" SET DATA TYPE numeric;--> statement-breakpoint
ALTER TABLE "alert_notifications" ADD CONSTRAINT "alert_notifications_slo_id_slos_id_fk" FOREIGN KEY ("slo_id") REFERENCES "public"."slos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slo_alert_events" ADD CONSTRAINT "slo_alert_events_slo_id_slos_id_fk" FOREIGN KEY ("slo_id") REFERENCES "public"."slos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slo_alert_states" ADD CONSTRAINT "slo_alert_states_slo_id_slos_id_fk" FOREIGN KEY ("slo_id") REFERENCES "public"."slos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "slo_alert_events_slo_at" ON "slo_alert_events" USING btree ("slo_id","at");