CREATE TABLE "runbook_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"runbook_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"service_id" uuid,
	"owner_team_id" uuid,
	"alert_names" text[] DEFAULT '{}' NOT NULL,
	"review_interval_days" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"author_id" uuid,
	"author_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "runbook_revisions_version" UNIQUE("runbook_id","version")
);
--> statement-breakpoint
CREATE TABLE "runbooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"service_id" uuid,
	"owner_team_id" uuid,
	"alert_names" text[] DEFAULT '{}' NOT NULL,
	"review_interval_days" integer DEFAULT 90 NOT NULL,
	"last_reviewed_at" timestamp with time zone,
	"last_reviewed_by_id" uuid,
	"last_reviewed_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce("runbooks"."title", '')), 'A') || setweight(to_tsvector('english', coalesce("runbooks"."body", '')), 'B')) STORED NOT NULL,
	CONSTRAINT "runbooks_slug_unique" UNIQUE("slug"),
	CONSTRAINT "runbooks_review_interval" CHECK ("runbooks"."review_interval_days" between 1 and 3650)
);
--> statement-breakpoint
ALTER TABLE "runbook_revisions" ADD CONSTRAINT "runbook_revisions_runbook_id_runbooks_id_fk" FOREIGN KEY ("runbook_id") REFERENCES "public"."runbooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runbook_revisions" ADD CONSTRAINT "runbook_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runbooks" ADD CONSTRAINT "runbooks_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runbooks" ADD CONSTRAINT "runbooks_owner_team_id_teams_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "runbooks" ADD CONSTRAINT "runbooks_last_reviewed_by_id_users_id_fk" FOREIGN KEY ("last_reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "runbooks_search" ON "runbooks" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "runbooks_alert_names" ON "runbooks" USING gin ("alert_names");--> statement-breakpoint
CREATE INDEX "runbooks_service" ON "runbooks" USING btree ("service_id");