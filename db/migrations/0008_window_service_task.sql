-- Each window carries its case's service task (readiness dashboard, ADR 13). Existing windows
-- get it from their case before the column becomes NOT NULL; the (case_id, service_task) key
-- replaces the case_id key and keeps the copy equal to the case's (ON UPDATE CASCADE).
ALTER TABLE "cases" ADD CONSTRAINT "cases_id_service_task_key" UNIQUE("id","service_task");--> statement-breakpoint
ALTER TABLE "access_windows" ADD COLUMN "service_task" text;--> statement-breakpoint
UPDATE "access_windows" aw SET "service_task" = c."service_task" FROM "cases" c WHERE c."id" = aw."case_id";--> statement-breakpoint
ALTER TABLE "access_windows" ALTER COLUMN "service_task" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "access_windows" ADD CONSTRAINT "access_windows_case_task_fk" FOREIGN KEY ("case_id","service_task") REFERENCES "public"."cases"("id","service_task") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "access_windows" DROP CONSTRAINT "access_windows_case_id_cases_id_fk";
