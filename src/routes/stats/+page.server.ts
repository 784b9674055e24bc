import type { PageServerLoad } from './$types';
import { database } from '$lib/server/db/index.ts';
import { figuresByDistrict, overview } from '$lib/server/stats/overview.ts';

export const load: PageServerLoad = async () => {
	const db = await database();
	const [figures, districts] = await Promise.all([overview(db), figuresByDistrict(db)]);
	return { figures, districts };
};
