-- Each new map version is announced on channel map_version (delivered at commit), so the app keeps
-- it in memory instead of reading it for every tile (src/lib/server/map/version.ts).
CREATE FUNCTION map_version_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('map_version', NEW.version::text);
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER map_version_notify AFTER INSERT OR UPDATE ON map_version FOR EACH ROW EXECUTE FUNCTION map_version_notify();
