CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organiser_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"case_id" uuid,
	"window_id" uuid,
	"provider_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"method" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 8 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_at" timestamp with time zone,
	"message_id" text NOT NULL,
	"request_key" text NOT NULL,
	"subject" text NOT NULL,
	"raw" text NOT NULL,
	"pickup_enc" text,
	"picked_up_at" timestamp with time zone,
	"case_count" integer DEFAULT 1 NOT NULL,
	"batch_id" uuid,
	"last_error" text,
	"smtp_response" text,
	"sent_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_messages_messageId_unique" UNIQUE("message_id"),
	CONSTRAINT "outbox_messages_requestKey_unique" UNIQUE("request_key")
);
--> statement-breakpoint
ALTER TABLE "organisers" ADD COLUMN "delivery_identifier" text DEFAULT 'birth_date' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_organiser_id_organisers_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_window_id_access_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."access_windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_contact_id_contact_people_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contact_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox_messages" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_organiser_idx" ON "outbox_messages" USING btree ("organiser_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_case_idx" ON "outbox_messages" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "outbox_contact_idx" ON "outbox_messages" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "outbox_batch_idx" ON "outbox_messages" USING btree ("batch_id");