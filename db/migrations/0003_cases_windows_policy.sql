CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organiser_id" uuid NOT NULL,
	"name_enc" text NOT NULL,
	"hetu_enc" text NOT NULL,
	"hetu_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eligibility_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organiser_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"settings" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organiser_id" uuid NOT NULL,
	"implementation_id" uuid NOT NULL,
	"service_unit_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_implementations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organiser_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"service" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"voucher" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "access_windows" ADD COLUMN "implementation_id" uuid;--> statement-breakpoint
ALTER TABLE "access_windows" ADD COLUMN "resource_id" uuid;--> statement-breakpoint
ALTER TABLE "access_windows" ADD COLUMN "source" text DEFAULT 'proposed' NOT NULL;--> statement-breakpoint
ALTER TABLE "access_windows" ADD COLUMN "existing_client" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "access_windows" ADD COLUMN "policy_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "access_windows" ADD COLUMN "override_justification" text;--> statement-breakpoint
ALTER TABLE "access_windows" ADD COLUMN "override_by" text;--> statement-breakpoint
ALTER TABLE "access_windows" ADD COLUMN "dates_manual" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "access_windows" ADD COLUMN "invalidated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "access_windows" ADD COLUMN "invalidated_by" text;--> statement-breakpoint
ALTER TABLE "access_windows" ADD COLUMN "invalidated_reason" text;--> statement-breakpoint
ALTER TABLE "access_windows" ADD COLUMN "replaces_id" uuid;--> statement-breakpoint
ALTER TABLE "access_windows" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "access_windows" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "access_windows" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "client_id" uuid;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_organiser_id_organisers_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_policies" ADD CONSTRAINT "eligibility_policies_organiser_id_organisers_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_resources" ADD CONSTRAINT "provider_resources_organiser_id_organisers_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_resources" ADD CONSTRAINT "provider_resources_implementation_id_service_implementations_id_fk" FOREIGN KEY ("implementation_id") REFERENCES "public"."service_implementations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_resources" ADD CONSTRAINT "provider_resources_service_unit_id_service_units_id_fk" FOREIGN KEY ("service_unit_id") REFERENCES "public"."service_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_implementations" ADD CONSTRAINT "service_implementations_organiser_id_organisers_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_implementations" ADD CONSTRAINT "service_implementations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "clients_organiser_hetu_idx" ON "clients" USING btree ("organiser_id","hetu_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "eligibility_policies_org_version_idx" ON "eligibility_policies" USING btree ("organiser_id","version");--> statement-breakpoint
CREATE INDEX "provider_resources_organiser_idx" ON "provider_resources" USING btree ("organiser_id");--> statement-breakpoint
CREATE INDEX "provider_resources_unit_idx" ON "provider_resources" USING btree ("service_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_resources_impl_unit_idx" ON "provider_resources" USING btree ("implementation_id","service_unit_id");--> statement-breakpoint
CREATE INDEX "service_implementations_organiser_idx" ON "service_implementations" USING btree ("organiser_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_implementations_case_service_start_idx" ON "service_implementations" USING btree ("case_id","service","starts_on");--> statement-breakpoint
ALTER TABLE "access_windows" ADD CONSTRAINT "access_windows_implementation_id_service_implementations_id_fk" FOREIGN KEY ("implementation_id") REFERENCES "public"."service_implementations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_windows" ADD CONSTRAINT "access_windows_resource_id_provider_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."provider_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_windows" ADD CONSTRAINT "access_windows_replaces_id_access_windows_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."access_windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_windows_state_opens_idx" ON "access_windows" USING btree ("state","opens_on");--> statement-breakpoint
CREATE INDEX "access_windows_state_closes_idx" ON "access_windows" USING btree ("state","closes_on");--> statement-breakpoint
CREATE UNIQUE INDEX "access_windows_live_resource_idx" ON "access_windows" USING btree ("resource_id") WHERE state <> 'invalidated';--> statement-breakpoint
CREATE INDEX "cases_client_idx" ON "cases" USING btree ("client_id");