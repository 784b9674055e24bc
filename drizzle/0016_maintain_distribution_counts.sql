-- resolve_day_counts and open_day_counts follow reports statement by statement, like report_counts:
-- the triggers hand the rows that left (old) and entered (new) a count to one function, which adds
-- -1 and +1 per row, grouped, upserting in key order so concurrent statements lock rows in the same order.
CREATE TYPE report_distribution_facts AS (
	created_at timestamptz,
	resolved_at timestamptz,
	status text,
	district_id smallint,
	category_id integer,
	type text
);
--> statement-breakpoint
CREATE FUNCTION report_distributions_move(old_facts report_distribution_facts[], new_facts report_distribution_facts[])
RETURNS void LANGUAGE sql AS $$
	WITH facts AS (
		SELECT f.*, -1 AS delta FROM unnest(old_facts) f
		UNION ALL
		SELECT f.*, 1 AS delta FROM unnest(new_facts) f
	)
	INSERT INTO resolve_day_counts AS c (month, district_id, category_id, type, days, reports)
	SELECT report_month(created_at), district_id, category_id, min(type),
		greatest(0, floor(extract(epoch FROM resolved_at - created_at) / 86400))::int, sum(delta)
	FROM facts
	WHERE status = 'resolved' AND resolved_at IS NOT NULL
	GROUP BY 1, 2, 3, 5
	HAVING sum(delta) <> 0
	ORDER BY 1, 2, 3, 5
	ON CONFLICT (month, district_id, category_id, days) DO UPDATE SET reports = c.reports + excluded.reports;

	WITH facts AS (
		SELECT f.*, -1 AS delta FROM unnest(old_facts) f
		UNION ALL
		SELECT f.*, 1 AS delta FROM unnest(new_facts) f
	)
	INSERT INTO open_day_counts AS c (day, district_id, category_id, type, reports)
	SELECT (created_at AT TIME ZONE 'Europe/Warsaw')::date, district_id, category_id, min(type), sum(delta)
	FROM facts
	WHERE status IN ('new', 'accepted', 'forwarded', 'in_progress')
	GROUP BY 1, 2, 3
	HAVING sum(delta) <> 0
	ORDER BY 1, 2, 3
	ON CONFLICT (day, district_id, category_id) DO UPDATE SET reports = c.reports + excluded.reports;
$$;
--> statement-breakpoint
CREATE FUNCTION report_distributions_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM report_distributions_move('{}', ARRAY(
		SELECT ROW(n.created_at, n.resolved_at, n.status, n.district_id, n.category_id, n.type)::report_distribution_facts
		FROM new_rows n WHERE NOT n.hidden));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_distributions_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM report_distributions_move(ARRAY(
		SELECT ROW(o.created_at, o.resolved_at, o.status, o.district_id, o.category_id, o.type)::report_distribution_facts
		FROM old_rows o WHERE NOT o.hidden), '{}');
	RETURN NULL;
END $$;
--> statement-breakpoint
-- Votes and edits that leave every counted column alone move nothing.
CREATE FUNCTION report_distributions_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM report_distributions_move(
		ARRAY(SELECT ROW(o.created_at, o.resolved_at, o.status, o.district_id, o.category_id, o.type)::report_distribution_facts
			FROM old_rows o JOIN new_rows n USING (id)
			WHERE NOT o.hidden AND (o.created_at, o.resolved_at, o.status, o.district_id, o.category_id, o.type, o.hidden)
				IS DISTINCT FROM (n.created_at, n.resolved_at, n.status, n.district_id, n.category_id, n.type, n.hidden)),
		ARRAY(SELECT ROW(n.created_at, n.resolved_at, n.status, n.district_id, n.category_id, n.type)::report_distribution_facts
			FROM old_rows o JOIN new_rows n USING (id)
			WHERE NOT n.hidden AND (o.created_at, o.resolved_at, o.status, o.district_id, o.category_id, o.type, o.hidden)
				IS DISTINCT FROM (n.created_at, n.resolved_at, n.status, n.district_id, n.category_id, n.type, n.hidden)));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_distributions_insert AFTER INSERT ON reports REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION report_distributions_after_insert();
--> statement-breakpoint
CREATE TRIGGER report_distributions_update AFTER UPDATE ON reports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION report_distributions_after_update();
--> statement-breakpoint
CREATE TRIGGER report_distributions_delete AFTER DELETE ON reports REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION report_distributions_after_delete();
--> statement-breakpoint
-- Writers that began before the triggers must commit before the back-fill reads, and none may start until it is done.
LOCK TABLE reports IN SHARE MODE;
--> statement-breakpoint
SELECT report_distributions_move('{}', ARRAY(
	SELECT ROW(r.created_at, r.resolved_at, r.status, r.district_id, r.category_id, r.type)::report_distribution_facts
	FROM reports r WHERE NOT r.hidden));
