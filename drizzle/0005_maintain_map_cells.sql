-- report_cells and map_version follow reports statement by statement, like report_counts.
-- A cell is a zoom-17 web-mercator tile (src/lib/server/map/cells.ts has the same constant).
CREATE FUNCTION report_cell_x(mercator_x float8) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT floor((mercator_x + 20037508.342789244) / (40075016.68557849 / 131072))::integer
$$;
--> statement-breakpoint
CREATE FUNCTION report_cell_y(mercator_y float8) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT floor((20037508.342789244 - mercator_y) / (40075016.68557849 / 131072))::integer
$$;
--> statement-breakpoint
INSERT INTO map_version (id, version) VALUES (1, 0);
--> statement-breakpoint
-- Adds signed deltas to report_cells and, when there are any, bumps the map version.
CREATE FUNCTION report_cells_add(delta report_cells[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF cardinality(delta) = 0 THEN
		RETURN;
	END IF;
	INSERT INTO report_cells AS c
	SELECT x, y, district_id, category_id, status, min(type), sum(reports), sum(sum_x), sum(sum_y)
	FROM unnest(delta)
	GROUP BY x, y, district_id, category_id, status
	ON CONFLICT (x, y, district_id, category_id, status)
	DO UPDATE SET reports = c.reports + excluded.reports, sum_x = c.sum_x + excluded.sum_x, sum_y = c.sum_y + excluded.sum_y;
	UPDATE map_version SET version = version + 1 WHERE id = 1;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_cells_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM report_cells_add(ARRAY(
		SELECT ROW(report_cell_x(m.x), report_cell_y(m.y), n.district_id, n.category_id, n.status, n.type, 1, m.x, m.y)::report_cells
		FROM new_rows n CROSS JOIN LATERAL (SELECT ST_X(g) AS x, ST_Y(g) AS y FROM ST_Transform(n.location, 3857) AS g) m WHERE NOT n.hidden));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_cells_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM report_cells_add(ARRAY(
		SELECT ROW(report_cell_x(m.x), report_cell_y(m.y), o.district_id, o.category_id, o.status, o.type, -1, -m.x, -m.y)::report_cells
		FROM old_rows o CROSS JOIN LATERAL (SELECT ST_X(g) AS x, ST_Y(g) AS y FROM ST_Transform(o.location, 3857) AS g) m WHERE NOT o.hidden));
	RETURN NULL;
END $$;
--> statement-breakpoint
-- Votes and edits that leave the map's columns alone write nothing and keep the version.
CREATE FUNCTION report_cells_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM report_cells_add(ARRAY(
		SELECT ROW(report_cell_x(m.x), report_cell_y(m.y), o.district_id, o.category_id, o.status, o.type, -1, -m.x, -m.y)::report_cells
		FROM old_rows o JOIN new_rows n USING (id) CROSS JOIN LATERAL (SELECT ST_X(g) AS x, ST_Y(g) AS y FROM ST_Transform(o.location, 3857) AS g) m
		WHERE NOT o.hidden AND (o.location, o.district_id, o.category_id, o.status, o.type, o.hidden)
			IS DISTINCT FROM (n.location, n.district_id, n.category_id, n.status, n.type, n.hidden)
		UNION ALL
		SELECT ROW(report_cell_x(m.x), report_cell_y(m.y), n.district_id, n.category_id, n.status, n.type, 1, m.x, m.y)::report_cells
		FROM old_rows o JOIN new_rows n USING (id) CROSS JOIN LATERAL (SELECT ST_X(g) AS x, ST_Y(g) AS y FROM ST_Transform(n.location, 3857) AS g) m
		WHERE NOT n.hidden AND (o.location, o.district_id, o.category_id, o.status, o.type, o.hidden)
			IS DISTINCT FROM (n.location, n.district_id, n.category_id, n.status, n.type, n.hidden)));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_cells_insert AFTER INSERT ON reports REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION report_cells_after_insert();
--> statement-breakpoint
CREATE TRIGGER report_cells_update AFTER UPDATE ON reports REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION report_cells_after_update();
--> statement-breakpoint
CREATE TRIGGER report_cells_delete AFTER DELETE ON reports REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION report_cells_after_delete();
--> statement-breakpoint
-- Reports filed before this migration.
SELECT report_cells_add(ARRAY(
	SELECT ROW(report_cell_x(m.x), report_cell_y(m.y), r.district_id, r.category_id, r.status, r.type, 1, m.x, m.y)::report_cells
	FROM reports r CROSS JOIN LATERAL (SELECT ST_X(g) AS x, ST_Y(g) AS y FROM ST_Transform(r.location, 3857) AS g) m WHERE NOT r.hidden));
