import type { RequestHandler } from './$types';
import { open311 } from '$lib/server/open311/handler.ts';
import { open311Answer } from '$lib/server/open311/format.ts';

/** Where this GeoReport v2 endpoint lives and what it speaks. */
export const GET: RequestHandler = ({ params, url }) =>
	open311(params.format, async (format) =>
		open311Answer(
			format,
			{
				changeset: '2026-11-30T00:00:00Z',
				contact: 'Krakowskie Centrum Kontaktu, tel. 12 616 55 55',
				key_service: `${url.origin}/open311`,
				endpoints: [
					{
						specification: 'http://wiki.open311.org/GeoReport_v2',
						url: `${url.origin}/open311/v2`,
						changeset: '2026-11-30T00:00:00Z',
						type: 'production',
						// JSON lists the formats; XML wraps each in <format>.
						formats: format === 'json' ? ['text/xml', 'application/json'] : { format: ['text/xml', 'application/json'] }
					}
				]
			},
			{ root: 'discovery' }
		)
	);
