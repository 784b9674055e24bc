import type { RequestHandler } from './$types';
import { database } from '$lib/server/db/index.ts';
import { listCategories } from '$lib/server/catalog/read.ts';
import { open311 } from '$lib/server/open311/handler.ts';
import { open311Answer } from '$lib/server/open311/format.ts';
import { translate } from '$lib/i18n/index.ts';

/** The services: the categories residents report under (none has extra attributes, so metadata is false). */
export const GET: RequestHandler = ({ params, locals }) =>
	open311(params.format, async (format) => {
		const categories = await listCategories(await database());
		const services = categories.map((c) => ({
			service_code: c.code,
			service_name: locals.lang === 'pl' ? c.namePl : c.nameEn,
			description: null,
			metadata: false,
			type: 'realtime',
			keywords: null,
			group: translate(locals.lang, c.type === 'problem' ? 'type.problem' : 'type.idea')
		}));
		return open311Answer(format, services, { root: 'services', item: 'service' });
	});
