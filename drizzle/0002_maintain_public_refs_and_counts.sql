-- Public references: KCK-<year in Kraków>-<id>, set once on insert.
CREATE FUNCTION reports_set_public_ref() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.public_ref IS NULL THEN
		NEW.public_ref := 'KCK-' || to_char(NEW.created_at AT TIME ZONE 'Europe/Warsaw', 'YYYY') || '-' || lpad(NEW.id::text, 6, '0');
	END IF;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER reports_public_ref BEFORE INSERT ON reports FOR EACH ROW EXECUTE FUNCTION reports_set_public_ref();
--> statement-breakpoint
-- report_counts follows reports statement by statement (one grouped upsert per statement, so bulk loads stay fast).
-- Only visible reports are counted; an update moves a report between rows only when a counted column changed.
CREATE FUNCTION report_month(created_at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
	SELECT date_trunc('month', created_at AT TIME ZONE 'Europe/Warsaw')::date
$$;
--> statement-breakpoint
CREATE FUNCTION report_resolve_seconds(status text, created_at timestamptz, resolved_at timestamptz) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN status = 'resolved' THEN coalesce(extract(epoch FROM resolved_at - created_at), 0)::bigint ELSE 0 END
$$;
--> statement-breakpoint
-- Adds signed per-row deltas to report_counts, grouped so one statement touches each row once.
CREATE FUNCTION report_counts_add(delta report_counts[]) RETURNS void LANGUAGE sql AS $$
	INSERT INTO report_counts AS c
	SELECT month, district_id, category_id, channel, status, min(type), sum(reports), sum(resolve_seconds)
	FROM unnest(delta)
	GROUP BY month, district_id, category_id, channel, status
	ON CONFLICT (month, district_id, category_id, channel, status)
	DO UPDATE SET reports = c.reports + excluded.reports, resolve_seconds = c.resolve_seconds + excluded.resolve_seconds
$$;
--> statement-breakpoint
CREATE FUNCTION report_counts_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM report_counts_add(ARRAY(
		SELECT ROW(report_month(n.created_at), n.district_id, n.category_id, n.channel, n.status, n.type,
			1, report_resolve_seconds(n.status, n.created_at, n.resolved_at))::report_counts
		FROM new_rows n WHERE NOT n.hidden));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_counts_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM report_counts_add(ARRAY(
		SELECT ROW(report_month(o.created_at), o.district_id, o.category_id, o.channel, o.status, o.type,
			-1, -report_resolve_seconds(o.status, o.created_at, o.resolved_at))::report_counts
		FROM old_rows o WHERE NOT o.hidden));
	RETURN NULL;
END $$;
--> statement-breakpoint
-- Votes and edits that leave every counted column alone write nothing.
CREATE FUNCTION report_counts_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM report_counts_add(ARRAY(
		SELECT ROW(report_month(o.created_at), o.district_id, o.category_id, o.channel, o.status, o.type,
			-1, -report_resolve_seconds(o.status, o.created_at, o.resolved_at))::report_counts
		FROM old_rows o JOIN new_rows n USING (id)
		WHERE NOT o.hidden AND (o.status, o.district_id, o.category_id, o.channel, o.type, o.created_at, o.resolved_at, o.hidden)
			IS DISTINCT FROM (n.status, n.district_id, n.category_id, n.channel, n.type, n.created_at, n.resolved_at, n.hidden)
		UNION ALL
		SELECT ROW(report_month(n.created_at), n.district_id, n.category_id, n.channel, n.status, n.type,
			1, report_resolve_seconds(n.status, n.created_at, n.resolved_at))::report_counts
		FROM old_rows o JOIN new_rows n USING (id)
		WHERE NOT n.hidden AND (o.status, o.district_id, o.category_id, o.channel, o.type, o.created_at, o.resolved_at, o.hidden)
			IS DISTINCT FROM (n.status, n.district_id, n.category_id, n.channel, n.type, n.created_at, n.resolved_at, n.hidden)));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_counts_insert AFTER INSERT ON reports REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION report_counts_after_insert();
--> statement-breakpoint
CREATE TRIGGER report_counts_update AFTER UPDATE ON reports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION report_counts_after_update();
--> statement-breakpoint
CREATE TRIGGER report_counts_delete AFTER DELETE ON reports REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION report_counts_after_delete();
