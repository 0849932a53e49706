CREATE TABLE "action_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"postmortem_id" uuid NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"priority" text NOT NULL,
	"owner_id" uuid,
	"team_id" uuid,
	"due_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"tracker_url" text,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_items_type" CHECK ("action_items"."type" in ('detect', 'mitigate', 'prevent', 'process')),
	CONSTRAINT "action_items_priority" CHECK ("action_items"."priority" in ('P0', 'P1', 'P2', 'P3')),
	CONSTRAINT "action_items_status" CHECK ("action_items"."status" in ('open', 'in_progress', 'done', 'wont_do'))
);
--> statement-breakpoint
CREATE TABLE "alertmanager_groups" (
	"group_key" text PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"last_status" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_services" (
	"incident_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "incident_services_incident_id_service_id_pk" PRIMARY KEY("incident_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "incident_slos" (
	"incident_id" uuid NOT NULL,
	"slo_id" uuid NOT NULL,
	CONSTRAINT "incident_slos_incident_id_slo_id_pk" PRIMARY KEY("incident_id","slo_id")
);
--> statement-breakpoint
CREATE TABLE "incident_timeline" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"author_id" uuid,
	"author_label" text NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"dedup_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "incidents_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"severity" text NOT NULL,
	"status" text DEFAULT 'investigating' NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"commander_id" uuid,
	"comms_id" uuid,
	"scribe_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"detected_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"mitigated_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"alert_name" text,
	"runbook_url" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("incidents"."title", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("incidents"."summary", '')), 'B')) STORED,
	CONSTRAINT "incidents_number_unique" UNIQUE("number"),
	CONSTRAINT "incidents_severity" CHECK ("incidents"."severity" in ('SEV1', 'SEV2', 'SEV3', 'SEV4')),
	CONSTRAINT "incidents_status" CHECK ("incidents"."status" in ('investigating', 'identified', 'monitoring', 'resolved'))
);
--> statement-breakpoint
CREATE TABLE "postmortem_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"postmortem_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"checklist" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "postmortem_reviews_once" UNIQUE("postmortem_id","reviewer_id","round")
);
--> statement-breakpoint
CREATE TABLE "postmortems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"sections" jsonb NOT NULL,
	"author_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"review_round" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("postmortems"."title", '')), 'A') || setweight(jsonb_to_tsvector('english'::regconfig, "postmortems"."sections", '["string"]'::jsonb), 'B')) STORED,
	CONSTRAINT "postmortems_incident_id_unique" UNIQUE("incident_id"),
	CONSTRAINT "postmortems_status" CHECK ("postmortems"."status" in ('draft', 'in_review', 'published'))
);
--> statement-breakpoint
CREATE TABLE "service_incident_settings" (
	"service_id" uuid PRIMARY KEY NOT NULL,
	"mode" text DEFAULT 'suggest' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slo_alert_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slo_id" uuid NOT NULL,
	"tier" integer NOT NULL,
	"severity" text NOT NULL,
	"outcome" text NOT NULL,
	"incident_id" uuid,
	"firing_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"burns" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alertmanager_groups" ADD CONSTRAINT "alertmanager_groups_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_services" ADD CONSTRAINT "incident_services_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_services" ADD CONSTRAINT "incident_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_slos" ADD CONSTRAINT "incident_slos_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_slos" ADD CONSTRAINT "incident_slos_slo_id_slos_id_fk" FOREIGN KEY ("slo_id") REFERENCES "public"."slos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_timeline" ADD CONSTRAINT "incident_timeline_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_timeline" ADD CONSTRAINT "incident_timeline_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_commander_id_users_id_fk" FOREIGN KEY ("commander_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_comms_id_users_id_fk" FOREIGN KEY ("comms_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_scribe_id_users_id_fk" FOREIGN KEY ("scribe_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_reviews" ADD CONSTRAINT "postmortem_reviews_postmortem_id_postmortems_id_fk" FOREIGN KEY ("postmortem_id") REFERENCES "public"."postmortems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortem_reviews" ADD CONSTRAINT "postmortem_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortems" ADD CONSTRAINT "postmortems_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postmortems" ADD CONSTRAINT "postmortems_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_incident_settings" ADD CONSTRAINT "service_incident_settings_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slo_alert_incidents" ADD CONSTRAINT "slo_alert_incidents_slo_id_slos_id_fk" FOREIGN KEY ("slo_id") REFERENCES "public"."slos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slo_alert_incidents" ADD CONSTRAINT "slo_alert_incidents_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_items_postmortem" ON "action_items" USING btree ("postmortem_id");--> statement-breakpoint
CREATE INDEX "action_items_owner" ON "action_items" USING btree ("owner_id","status");--> statement-breakpoint
CREATE INDEX "incident_services_service" ON "incident_services" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "incident_slos_slo" ON "incident_slos" USING btree ("slo_id");--> statement-breakpoint
CREATE INDEX "incident_timeline_incident" ON "incident_timeline" USING btree ("incident_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_timeline_dedup" ON "incident_timeline" USING btree ("incident_id","dedup_key");--> statement-breakpoint
CREATE INDEX "incidents_started" ON "incidents" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "incidents_search" ON "incidents" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "postmortems_search" ON "postmortems" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "slo_alert_incidents_slo" ON "slo_alert_incidents" USING btree ("slo_id","firing_at");--> statement-breakpoint
CREATE UNIQUE INDEX "slo_alert_incidents_firing" ON "slo_alert_incidents" USING btree ("slo_id","tier") WHERE "slo_alert_incidents"."resolved_at" is null;