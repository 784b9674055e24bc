import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/index.ts';
import { answering } from '$lib/server/http.ts';
import { statisticsFor } from '$lib/server/stats/request.ts';
import { chartCsv, chartTable, type ChartId } from '$lib/stats/chart-tables.ts';
import { statsFiltersToParams } from '$lib/domain/stats-filters.ts';

/** One chart's table as CSV, with the page's filters: exactly what the chart shows. */
export const GET: RequestHandler = ({ params, url, locals }) =>
	answering(locals.lang, async () => {
		const { stats, filters } = await statisticsFor(await database(), url.searchParams);
		const name = `kck-${params.chart}-${statsFiltersToParams(filters).toString().replace(/[&=]/g, '_')}.csv`;
		return new Response(chartCsv(chartTable(stats, params.chart as ChartId, locals.lang)), {
			headers: {
				'Content-Type': 'text/csv; charset=utf-8',
				'Content-Disposition': `attachment; filename="${name}"`,
				'Cache-Control': 'no-cache'
			}
		});
	});
