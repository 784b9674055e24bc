import { z } from 'zod';
import { CHANNELS, isCategoryCode, REPORT_TYPES, withoutNul } from './report-types.ts';

/** Limits residents meet in the form; also the API's. */
export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 5000;

/**
 * The form's fields apart from the photos: what the server echoes after a refusal, and what the page
 * adopts as it mounts. `submission` is the form's one-time key: sent twice, it files one report.
 */
const REPORT_FORM_FIELDS = ['type', 'category', 'title', 'description', 'lng', 'lat', 'address', 'email', 'phone', 'submission'] as const;

type ReportFormValues = Record<(typeof REPORT_FORM_FIELDS)[number], string>;

/** Each field as text, empty when the form has none. */
export const reportFormValues = (form: FormData): ReportFormValues =>
	Object.fromEntries(REPORT_FORM_FIELDS.map((name) => [name, String(form.get(name) ?? '')])) as ReportFormValues;

const optionalText = (max: number, message: string) =>
	z
		.string()
		.overwrite(withoutNul)
		.trim()
		.max(max, message)
		.transform((v) => v || undefined)
		.optional();

/**
 * A new report as a resident (or an operator taking a call) sends it. Messages are i18n keys.
 * The district is not here on purpose: the server derives it from the location.
 */
export const newReportSchema = z.object({
	type: z.enum(REPORT_TYPES, 'errors.type'),
	category: z.string('errors.category').trim().refine(isCategoryCode, 'errors.category'),
	title: z.string('errors.title_required').overwrite(withoutNul).trim().min(3, 'errors.title_required').max(TITLE_MAX, 'errors.title_long'),
	description: z.string().overwrite(withoutNul).trim().max(DESCRIPTION_MAX, 'errors.description_long').default(''),
	lng: z.coerce.number('errors.location').min(-180, 'errors.location').max(180, 'errors.location'),
	lat: z.coerce.number('errors.location').min(-90, 'errors.location').max(90, 'errors.location'),
	address: optionalText(200, 'errors.address_long'),
	channel: z.enum(CHANNELS, 'errors.channel').default('online'),
	email: z
		.union([z.literal(''), z.email('errors.email')])
		.transform((v) => v || undefined)
		.optional(),
	phone: z
		.union([z.literal(''), z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, 'errors.phone')])
		.transform((v) => v || undefined)
		.optional()
});

export type NewReport = z.output<typeof newReportSchema>;
