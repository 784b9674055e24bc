-- district_counts follows report_counts: every change to report_counts goes through report_counts_add,
-- which now adds the same deltas, summed over months and channels, to district_counts.
-- Rows are upserted in key order so concurrent statements lock them in the same order.
CREATE OR REPLACE FUNCTION report_counts_add(delta report_counts[]) RETURNS void LANGUAGE sql AS $$
	INSERT INTO report_counts AS c
	SELECT month, district_id, category_id, channel, status, min(type), sum(reports), sum(resolve_seconds)
	FROM unnest(delta)
	GROUP BY month, district_id, category_id, channel, status
	ORDER BY month, district_id, category_id, channel, status
	ON CONFLICT (month, district_id, category_id, channel, status)
	DO UPDATE SET reports = c.reports + excluded.reports, resolve_seconds = c.resolve_seconds + excluded.resolve_seconds;
	INSERT INTO district_counts AS c
	SELECT district_id, category_id, status, min(type), sum(reports)
	FROM unnest(delta)
	GROUP BY district_id, category_id, status
	-- A change of month or channel alone nets to nothing here.
	HAVING sum(reports) <> 0
	ORDER BY district_id, category_id, status
	ON CONFLICT (district_id, category_id, status)
	DO UPDATE SET reports = c.reports + excluded.reports;
$$;
--> statement-breakpoint
-- Writers that began under the old function must commit before the back-fill reads, and none may start until it is done.
LOCK TABLE reports IN SHARE MODE;
--> statement-breakpoint
INSERT INTO district_counts (district_id, category_id, status, type, reports)
SELECT district_id, category_id, status, min(type), sum(reports)
FROM report_counts
GROUP BY district_id, category_id, status;
