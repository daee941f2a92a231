CREATE TABLE "provider_window_tasks" (
	"organiser_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"service_task" text NOT NULL,
	"windows" integer NOT NULL,
	"live_windows" integer NOT NULL,
	CONSTRAINT "provider_window_tasks_organiser_id_provider_id_service_task_pk" PRIMARY KEY("organiser_id","provider_id","service_task")
);
--> statement-breakpoint
-- Each statement on access_windows adds its rows' difference to the per-provider, per-task
-- counts in one set-based upsert (statement triggers with transition tables: the go-live step's
-- 300,000-row insert is one aggregate, not 300,000 row triggers). Keys in order, so two bulk
-- statements lock the same counts in the same order.
CREATE FUNCTION provider_window_tasks_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A bulk step (go-live) that writes windows in many statements recounts once at its end
  -- instead (recount_provider_window_tasks), in the same transaction.
  IF current_setting('portal.defer_window_counts', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO provider_window_tasks AS t
      (organiser_id, provider_id, service_task, windows, live_windows)
    SELECT n.organiser_id, u.provider_id, n.service_task, count(*)::int,
           (count(*) FILTER (WHERE n.state <> 'invalidated'))::int
      FROM new_rows n JOIN service_units u ON u.id = n.service_unit_id
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (organiser_id, provider_id, service_task) DO UPDATE
      SET windows = t.windows + excluded.windows,
          live_windows = t.live_windows + excluded.live_windows;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO provider_window_tasks AS t
      (organiser_id, provider_id, service_task, windows, live_windows)
    SELECT d.organiser_id, u.provider_id, d.service_task, sum(d.n)::int, sum(d.live)::int
      FROM (SELECT organiser_id, service_unit_id, service_task, 1 AS n,
                   (state <> 'invalidated')::int AS live FROM new_rows
            UNION ALL
            SELECT organiser_id, service_unit_id, service_task, -1,
                   -((state <> 'invalidated')::int) FROM old_rows) d
      JOIN service_units u ON u.id = d.service_unit_id
     GROUP BY 1, 2, 3 HAVING sum(d.n) <> 0 OR sum(d.live) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (organiser_id, provider_id, service_task) DO UPDATE
      SET windows = t.windows + excluded.windows,
          live_windows = t.live_windows + excluded.live_windows;
  ELSE
    INSERT INTO provider_window_tasks AS t
      (organiser_id, provider_id, service_task, windows, live_windows)
    SELECT o.organiser_id, u.provider_id, o.service_task, -count(*)::int,
           -(count(*) FILTER (WHERE o.state <> 'invalidated'))::int
      FROM old_rows o JOIN service_units u ON u.id = o.service_unit_id
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (organiser_id, provider_id, service_task) DO UPDATE
      SET windows = t.windows + excluded.windows,
          live_windows = t.live_windows + excluded.live_windows;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER access_windows_count_insert
  AFTER INSERT ON access_windows REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION provider_window_tasks_apply();
--> statement-breakpoint
CREATE TRIGGER access_windows_count_update
  AFTER UPDATE ON access_windows REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION provider_window_tasks_apply();
--> statement-breakpoint
CREATE TRIGGER access_windows_count_delete
  AFTER DELETE ON access_windows REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION provider_window_tasks_apply();
--> statement-breakpoint
-- One organiser's counts from its windows. The lock waits for transactions that are writing
-- windows (their triggers hold ROW EXCLUSIVE) and holds back new ones until this transaction
-- ends, so a count is neither lost nor added twice.
CREATE FUNCTION recount_provider_window_tasks(org uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE provider_window_tasks IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM provider_window_tasks WHERE organiser_id = org;
  INSERT INTO provider_window_tasks (organiser_id, provider_id, service_task, windows, live_windows)
  SELECT w.organiser_id, u.provider_id, w.service_task, count(*)::int,
         (count(*) FILTER (WHERE w.state <> 'invalidated'))::int
    FROM access_windows w JOIN service_units u ON u.id = w.service_unit_id
   WHERE w.organiser_id = org
   GROUP BY 1, 2, 3;
END;
$$;
--> statement-breakpoint
-- TRUNCATE would bypass the counts: nothing in the portal truncates windows, and the counts
-- are emptied with them rather than left stale.
CREATE FUNCTION provider_window_tasks_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE provider_window_tasks;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER access_windows_count_truncate
  AFTER TRUNCATE ON access_windows
  FOR EACH STATEMENT EXECUTE FUNCTION provider_window_tasks_truncate();
--> statement-breakpoint
-- The counts are per provider: a unit's windows stay with the provider the unit belongs to.
CREATE FUNCTION service_units_keep_provider() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.provider_id IS DISTINCT FROM OLD.provider_id THEN
    RAISE EXCEPTION 'a service unit cannot move to another provider'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER service_units_provider_fixed
  BEFORE UPDATE OF provider_id ON service_units
  FOR EACH ROW EXECUTE FUNCTION service_units_keep_provider();
--> statement-breakpoint
INSERT INTO provider_window_tasks (organiser_id, provider_id, service_task, windows, live_windows)
SELECT w.organiser_id, u.provider_id, w.service_task, count(*)::int,
       (count(*) FILTER (WHERE w.state <> 'invalidated'))::int
  FROM access_windows w JOIN service_units u ON u.id = w.service_unit_id
 GROUP BY 1, 2, 3;
