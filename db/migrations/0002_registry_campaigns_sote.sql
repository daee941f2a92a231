CREATE TABLE "organiser_provider_services" (
	"organiser_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"service" text NOT NULL,
	CONSTRAINT "organiser_provider_services_organiser_id_provider_id_service_pk" PRIMARY KEY("organiser_id","provider_id","service")
);
--> statement-breakpoint
CREATE TABLE "sote_entries" (
	"snapshot_id" uuid NOT NULL,
	"oid" text NOT NULL,
	"active" boolean NOT NULL,
	"long_name" text,
	"hierarchy_level" text,
	"parent_oid" text,
	"business_id" text,
	"sector" text,
	"social_service_unit" boolean NOT NULL,
	CONSTRAINT "sote_entries_snapshot_id_oid_pk" PRIMARY KEY("snapshot_id","oid")
);
--> statement-breakpoint
CREATE TABLE "sote_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uploaded_by" text,
	"organiser_id" uuid,
	"file_name" text,
	"entry_count" integer DEFAULT 0 NOT NULL,
	"social_unit_count" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'importing' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"organiser_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"message_id" text,
	"error" text,
	CONSTRAINT "campaign_invitations_once" UNIQUE("campaign_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organiser_id" uuid NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_people" ADD COLUMN "encryption_key_kind" text;--> statement-breakpoint
ALTER TABLE "contact_people" ADD COLUMN "encryption_key" text;--> statement-breakpoint
ALTER TABLE "contact_people" ADD COLUMN "encryption_key_fingerprint" text;--> statement-breakpoint
ALTER TABLE "contact_people" ADD COLUMN "encryption_key_expires" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_units" ADD COLUMN "oid_status" text DEFAULT 'missing' NOT NULL;--> statement-breakpoint
ALTER TABLE "service_units" ADD COLUMN "oid_reason" text;--> statement-breakpoint
ALTER TABLE "service_units" ADD COLUMN "oid_submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_units" ADD COLUMN "oid_submitted_late" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "service_units" ADD COLUMN "oid_reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_units" ADD COLUMN "oid_reviewed_by" text;--> statement-breakpoint
ALTER TABLE "service_units" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "organiser_provider_services" ADD CONSTRAINT "organiser_provider_services_organiser_id_organisers_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organiser_provider_services" ADD CONSTRAINT "organiser_provider_services_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sote_entries" ADD CONSTRAINT "sote_entries_snapshot_id_sote_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."sote_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_invitations" ADD CONSTRAINT "campaign_invitations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_invitations" ADD CONSTRAINT "campaign_invitations_organiser_id_organisers_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_invitations" ADD CONSTRAINT "campaign_invitations_contact_id_contact_people_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contact_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_organiser_id_organisers_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sote_entries_business_id_idx" ON "sote_entries" USING btree ("business_id");--> statement-breakpoint
CREATE INDEX "campaigns_organiser_idx" ON "campaigns" USING btree ("organiser_id");--> statement-breakpoint
CREATE INDEX "providers_name_idx" ON "providers" USING btree ("name");--> statement-breakpoint
CREATE INDEX "service_units_oid_status_idx" ON "service_units" USING btree ("oid_status");--> statement-breakpoint
CREATE INDEX "service_units_name_idx" ON "service_units" USING btree ("name");