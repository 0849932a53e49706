CREATE TABLE "capacity_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"capacity_per_instance" double precision NOT NULL,
	"instances" integer NOT NULL,
	"target_utilisation" double precision DEFAULT 0.7 NOT NULL,
	"redundancy" integer DEFAULT 1 NOT NULL,
	"lead_time_days" integer DEFAULT 30 NOT NULL,
	"prom_query" text,
	"prom_synced_at" timestamp with time zone,
	"prom_sync_error" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_resources_slug_unique" UNIQUE("slug"),
	CONSTRAINT "capacity_resources_capacity" CHECK ("capacity_resources"."capacity_per_instance" > 0),
	CONSTRAINT "capacity_resources_instances" CHECK ("capacity_resources"."instances" >= 0),
	CONSTRAINT "capacity_resources_target" CHECK ("capacity_resources"."target_utilisation" > 0 and "capacity_resources"."target_utilisation" <= 1),
	CONSTRAINT "capacity_resources_redundancy" CHECK ("capacity_resources"."redundancy" >= 0),
	CONSTRAINT "capacity_resources_lead_time" CHECK ("capacity_resources"."lead_time_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "capacity_samples" (
	"resource_id" uuid NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "capacity_samples_resource_id_ts_pk" PRIMARY KEY("resource_id","ts"),
	CONSTRAINT "capacity_samples_value" CHECK ("capacity_samples"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "capacity_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"value" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_scenarios_resource_name" UNIQUE("resource_id","name"),
	CONSTRAINT "capacity_scenarios_kind" CHECK ("capacity_scenarios"."kind" in ('multiplier', 'growth'))
);
--> statement-breakpoint
ALTER TABLE "capacity_resources" ADD CONSTRAINT "capacity_resources_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_samples" ADD CONSTRAINT "capacity_samples_resource_id_capacity_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."capacity_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_scenarios" ADD CONSTRAINT "capacity_scenarios_resource_id_capacity_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."capacity_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "capacity_resources_service" ON "capacity_resources" USING btree ("service_id");