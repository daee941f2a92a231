CREATE TABLE "organiser_case_counts" (
	"organiser_id" uuid PRIMARY KEY NOT NULL,
	"cases" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organiser_case_counts" ADD CONSTRAINT "organiser_case_counts_organiser_id_organisers_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organisers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Kept by the statement that changes cases, in its transaction: one upsert per organiser per
-- statement, so a bulk insert of 100,000 cases adds one row update, not 100,000. An update
-- touches the count (and locks its row) only when it moves cases between organisers. Rows are
-- locked in organiser order, so two statements that touch several organisers cannot deadlock.
CREATE FUNCTION "organiser_case_counts_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "organiser_case_counts" AS c ("organiser_id", "cases")
      SELECT "organiser_id", count(*) FROM new_rows GROUP BY "organiser_id" ORDER BY "organiser_id"
      ON CONFLICT ("organiser_id") DO UPDATE SET "cases" = c."cases" + excluded."cases";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "organiser_case_counts" AS c ("organiser_id", "cases")
      SELECT "organiser_id", -count(*) FROM old_rows GROUP BY "organiser_id" ORDER BY "organiser_id"
      ON CONFLICT ("organiser_id") DO UPDATE SET "cases" = c."cases" + excluded."cases";
  ELSE
    INSERT INTO "organiser_case_counts" AS c ("organiser_id", "cases")
      SELECT "organiser_id", sum(d) FROM (
        SELECT "organiser_id", 1 AS d FROM new_rows
        UNION ALL
        SELECT "organiser_id", -1 AS d FROM old_rows
      ) moved GROUP BY "organiser_id" HAVING sum(d) <> 0 ORDER BY "organiser_id"
      ON CONFLICT ("organiser_id") DO UPDATE SET "cases" = c."cases" + excluded."cases";
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "cases_count_insert" AFTER INSERT ON "cases" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "organiser_case_counts_apply"();
--> statement-breakpoint
CREATE TRIGGER "cases_count_update" AFTER UPDATE ON "cases"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "organiser_case_counts_apply"();
--> statement-breakpoint
CREATE TRIGGER "cases_count_delete" AFTER DELETE ON "cases" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "organiser_case_counts_apply"();
--> statement-breakpoint
CREATE FUNCTION "organiser_case_counts_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "organiser_case_counts";
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "cases_count_truncate" AFTER TRUNCATE ON "cases"
  FOR EACH STATEMENT EXECUTE FUNCTION "organiser_case_counts_truncate"();
--> statement-breakpoint
INSERT INTO "organiser_case_counts" ("organiser_id", "cases")
  SELECT "organiser_id", count(*) FROM "cases" GROUP BY "organiser_id";
