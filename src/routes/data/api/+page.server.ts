import type { PageServerLoad } from './$types';
import { database } from '$lib/server/db/index.ts';
import { documentedEndpoints } from '$lib/server/api-docs/endpoints.ts';

/** The API page: every endpoint with a command that works when pasted. */
export const load: PageServerLoad = async ({ url }) => ({ endpoints: await documentedEndpoints(await database(), url.origin), origin: url.origin });
