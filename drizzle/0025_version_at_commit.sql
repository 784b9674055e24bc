-- Concurrent writers queued on the single map_version row: each statement that changed the map bumped
-- it at once and held its lock until the transaction ended (its other inserts, its photos, its
-- commit). Now a statement only marks its transaction, and the bump happens once, at commit, by a
-- deferred trigger, so the row is locked for the commit alone.
CREATE TABLE map_version_pending (txid bigint PRIMARY KEY);
--> statement-breakpoint
CREATE FUNCTION map_version_bump_at_commit() RETURNS void LANGUAGE sql AS $$
	INSERT INTO map_version_pending VALUES (pg_current_xact_id()::text::bigint) ON CONFLICT DO NOTHING;
$$;
--> statement-breakpoint
CREATE FUNCTION map_version_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE map_version SET version = version + 1 WHERE id = 1;
	DELETE FROM map_version_pending WHERE txid = NEW.txid;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER map_version_at_commit AFTER INSERT ON map_version_pending
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION map_version_at_commit();
--> statement-breakpoint
-- Cells are upserted in key order, as report_counts are (0014): two statements locking the same cells
-- in different orders could deadlock.
CREATE OR REPLACE FUNCTION report_cells_add(delta report_cells[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF cardinality(delta) = 0 THEN
		RETURN;
	END IF;
	INSERT INTO report_cells AS c
	SELECT x, y, district_id, category_id, status, min(type), sum(reports), sum(sum_x), sum(sum_y)
	FROM unnest(delta)
	GROUP BY x, y, district_id, category_id, status
	ORDER BY x, y, district_id, category_id, status
	ON CONFLICT (x, y, district_id, category_id, status)
	DO UPDATE SET reports = c.reports + excluded.reports, sum_x = c.sum_x + excluded.sum_x, sum_y = c.sum_y + excluded.sum_y;
	PERFORM map_version_bump_at_commit();
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION map_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM map_version_bump_at_commit();
	RETURN NULL;
END $$;
