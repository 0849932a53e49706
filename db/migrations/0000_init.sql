CREATE TYPE "public"."role" AS ENUM('viewer', 'engineer', 'admin');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" DEFAULT 'viewer' NOT NULL,
	"password_hash" text,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"tier" integer DEFAULT 2 NOT NULL,
	"owner_team_id" uuid,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "team_members_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"weekly_hours_per_member" integer DEFAULT 40 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "slo_sync_state" (
	"slo_id" uuid PRIMARY KEY NOT NULL,
	"synced_until" timestamp with time zone,
	"last_attempt_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_error" text,
	"last_warning" text,
	"failures" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gate_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slo_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"change" text NOT NULL,
	"allowed" boolean NOT NULL,
	"status" text NOT NULL,
	"budget_remaining" double precision,
	"reason" text NOT NULL,
	"asked_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sli_daily" (
	"slo_id" uuid NOT NULL,
	"good" double precision NOT NULL,
	"total" double precision NOT NULL,
	"minutes" integer NOT NULL,
	"bad_minutes" integer NOT NULL,
	"ratio_sum" double precision NOT NULL,
	"day" timestamp with time zone NOT NULL,
	CONSTRAINT "sli_daily_slo_id_day_pk" PRIMARY KEY("slo_id","day")
);
--> statement-breakpoint
CREATE TABLE "sli_hourly" (
	"slo_id" uuid NOT NULL,
	"good" double precision NOT NULL,
	"total" double precision NOT NULL,
	"minutes" integer NOT NULL,
	"bad_minutes" integer NOT NULL,
	"ratio_sum" double precision NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	CONSTRAINT "sli_hourly_slo_id_hour_pk" PRIMARY KEY("slo_id","hour")
);
--> statement-breakpoint
CREATE TABLE "sli_samples" (
	"slo_id" uuid NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"good" double precision NOT NULL,
	"total" double precision NOT NULL,
	CONSTRAINT "sli_samples_slo_id_minute_pk" PRIMARY KEY("slo_id","minute")
);
--> statement-breakpoint
CREATE TABLE "slo_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slo_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slo_snapshots" (
	"slo_id" uuid PRIMARY KEY NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"overview" jsonb NOT NULL,
	"api" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"service_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sli_kind" text NOT NULL,
	"latency_threshold_ms" double precision,
	"target" double precision NOT NULL,
	"window_type" text NOT NULL,
	"window_days" integer,
	"calendar_unit" text,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"budgeting_method" text NOT NULL,
	"timeslice_target" double precision,
	"source_type" text DEFAULT 'push' NOT NULL,
	"source_config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"alert_min_events" integer,
	"runbook_url" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slos_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "toil_automation_estimates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid,
	"task_key" text NOT NULL,
	"hours" double precision NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "toil_automation_estimates_team_task" UNIQUE NULLS NOT DISTINCT("team_id","task_key"),
	CONSTRAINT "toil_automation_estimates_hours" CHECK ("toil_automation_estimates"."hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "toil_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "toil_categories_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "toil_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"date" date NOT NULL,
	"task" text NOT NULL,
	"category_id" uuid NOT NULL,
	"minutes" integer NOT NULL,
	"service_id" uuid,
	"interrupt" boolean DEFAULT false NOT NULL,
	"after_hours" boolean DEFAULT false NOT NULL,
	"automatable" text DEFAULT 'none' NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "toil_entries_minutes" CHECK ("toil_entries"."minutes" > 0 and "toil_entries"."minutes" <= 1440),
	CONSTRAINT "toil_entries_automatable" CHECK ("toil_entries"."automatable" in ('none', 'partial', 'full'))
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_owner_team_id_teams_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slo_sync_state" ADD CONSTRAINT "slo_sync_state_slo_id_slos_id_fk" FOREIGN KEY ("slo_id") REFERENCES "public"."slos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gate_decisions" ADD CONSTRAINT "gate_decisions_slo_id_slos_id_fk" FOREIGN KEY ("slo_id") REFERENCES "public"."slos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sli_daily" ADD CONSTRAINT "sli_daily_slo_id_slos_id_fk" FOREIGN KEY ("slo_id") REFERENCES "public"."slos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sli_hourly" ADD CONSTRAINT "sli_hourly_slo_id_slos_id_fk" FOREIGN KEY ("slo_id") REFERENCES "public"."slos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sli_samples" ADD CONSTRAINT "sli_samples_slo_id_slos_id_fk" FOREIGN KEY ("slo_id") REFERENCES "public"."slos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slo_corrections" ADD CONSTRAINT "slo_corrections_slo_id_slos_id_fk" FOREIGN KEY ("slo_id") REFERENCES "public"."slos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slo_corrections" ADD CONSTRAINT "slo_corrections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slo_snapshots" ADD CONSTRAINT "slo_snapshots_slo_id_slos_id_fk" FOREIGN KEY ("slo_id") REFERENCES "public"."slos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slos" ADD CONSTRAINT "slos_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toil_automation_estimates" ADD CONSTRAINT "toil_automation_estimates_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toil_entries" ADD CONSTRAINT "toil_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toil_entries" ADD CONSTRAINT "toil_entries_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toil_entries" ADD CONSTRAINT "toil_entries_category_id_toil_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."toil_categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "toil_entries" ADD CONSTRAINT "toil_entries_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "login_failures_key_at" ON "login_failures" USING btree ("key","at");--> statement-breakpoint
CREATE INDEX "gate_decisions_slo_at" ON "gate_decisions" USING btree ("slo_id","at");--> statement-breakpoint
CREATE INDEX "slo_corrections_slo" ON "slo_corrections" USING btree ("slo_id","starts_at");--> statement-breakpoint
CREATE INDEX "slos_service" ON "slos" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "toil_entries_team_date" ON "toil_entries" USING btree ("team_id","date");--> statement-breakpoint
CREATE INDEX "toil_entries_user_created" ON "toil_entries" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "toil_entries_date" ON "toil_entries" USING btree ("date");