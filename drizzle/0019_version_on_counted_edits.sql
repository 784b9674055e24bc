-- Statistics are kept per map version, which the map's own triggers move (place, district, category,
-- status, type, hidden). An edit of a column only the statistics count (the channel, the dates) must
-- move it too, or the figures would stay as they were until the next change the map shows.
CREATE FUNCTION map_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE map_version SET version = version + 1 WHERE id = 1;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER reports_counted_columns_update AFTER UPDATE OF channel, created_at, resolved_at ON reports
	FOR EACH STATEMENT EXECUTE FUNCTION map_version_bump();
