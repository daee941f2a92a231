DROP INDEX "access_windows_organiser_idx";--> statement-breakpoint
CREATE INDEX "access_windows_organiser_opens_idx" ON "access_windows" USING btree ("organiser_id","opens_on");--> statement-breakpoint
CREATE INDEX "cases_organiser_created_idx" ON "cases" USING btree ("organiser_id","created_at" DESC NULLS FIRST,"case_oid");