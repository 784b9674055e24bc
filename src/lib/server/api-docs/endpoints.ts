import { sql } from 'drizzle-orm';
import type { Database } from '../db/connect.ts';

/** One documented endpoint: what it does in both languages, and a command that works when pasted. */
export interface DocumentedEndpoint {
	method: 'GET' | 'POST';
	path: string;
	pl: string;
	en: string;
	example: string;
	/** The status the example answers with as written (a POST without a real key: 403). */
	answers: number;
}

/**
 * Every public endpoint with a curl example against this site, using a report that exists (the
 * newest visible one), so each example answers as the page says when pasted.
 */
export async function documentedEndpoints(database: Database, origin: string): Promise<DocumentedEndpoint[]> {
	const [sample] = await database.rows<{ id: number; ref: string; category: string }>(sql`
		SELECT r.id::int AS id, r.public_ref AS ref, c.code AS category FROM reports r JOIN categories c ON c.id = r.category_id
		WHERE NOT r.hidden ORDER BY r.id DESC LIMIT 1`);
	const ref = sample?.ref ?? 'KCK-2026-000001';
	const category = sample?.category ?? 'pothole';
	const o311 = `${origin}/open311/v2`;
	const get = (path: string, pl: string, en: string, url = `${origin}${path}`): DocumentedEndpoint => ({ method: 'GET', path, pl, en, example: `curl '${url}'`, answers: 200 });
	return [
		get('/open311/v2/discovery.json', 'Open311: gdzie jest API i jakie formaty zna (też .xml).', 'Open311: where the API is and which formats it speaks (also .xml).'),
		get('/open311/v2/services.xml', 'Open311: usługi, czyli kategorie zgłoszeń, z kodami (też .json).', 'Open311: the services, i.e. report categories, with their codes (also .json).'),
		get(
			'/open311/v2/requests.json',
			'Open311: zgłoszenia, najnowsze najpierw. Filtry: service_code (kody po przecinku), start_date i end_date (ISO 8601 ze strefą; domyślnie ostatnie 90 dni), status (open, closed), page, page_size (do 1000).',
			'Open311: reports, newest first. Filters: service_code (comma-separated codes), start_date and end_date (ISO 8601 with a zone; by default the last 90 days), status (open, closed), page, page_size (up to 1,000).',
			`${o311}/requests.json?service_code=${category}&status=open&start_date=2026-01-01T00:00:00%2B01:00&page_size=10`
		),
		get(`/open311/v2/requests/${ref}.xml`, 'Open311: jedno zgłoszenie po numerze (lista z jednym elementem, jak chce specyfikacja).', 'Open311: one report by its reference (a list of one, as the specification has it).'),
		{
			method: 'POST',
			path: '/open311/v2/requests.json',
			pl: 'Open311: nowe zgłoszenie, z kluczem API (pole api_key; klucz wydaje KCK). Pola: service_code, lat, long (w granicach Krakowa), description, opcjonalnie title (inaczej pierwsza linia opisu), address_string, email, phone (prywatne, nigdy nie publikowane), channel (online, phone, email, in_person; domyślnie online), do 3 zdjęć jako części multipart o nazwie media (media_url nie jest przyjmowany). Te same zasady co formularz; odpowiedź: numer zgłoszenia. Błędy: 400 (złe pole), 403 (brak lub zły klucz), 404 (nieznany service_code).',
			en: 'Open311: a new report, with an API key (the api_key field; KCK issues keys). Fields: service_code, lat, long (within Kraków), description, optionally title (else the description’s first line), address_string, email, phone (private, never published), channel (online, phone, email, in_person; online by default), up to 3 photos as multipart parts named media (media_url is not accepted). The same rules as the form; the answer is the report’s reference. Errors: 400 (a wrong field), 403 (no key or a wrong one), 404 (unknown service_code).',
			example: `curl -X POST '${o311}/requests.json' --data-urlencode 'api_key=YOUR_KEY' --data-urlencode 'service_code=${category}' --data-urlencode 'lat=50.0614' --data-urlencode 'long=19.9372' --data-urlencode 'description=Dziura w jezdni przy przejściu'`,
			answers: 403
		},
		get('/data/reports.csv', 'Wszystkie publiczne zgłoszenia jako CSV; filtry jak na mapie (zob. Otwarte dane).', 'Every public report as CSV; filters as on the map (see Open data).', `${origin}/data/reports.csv?district=1&from=2026-01-01`),
		get('/data/reports.geojson', 'To samo jako GeoJSON (RFC 7946).', 'The same as GeoJSON (RFC 7946).', `${origin}/data/reports.geojson?district=1&open=1`),
		get('/feeds/reports.atom', 'Kanał Atom (lub .rss) nowych zgłoszeń i zmian statusu: district, category, type, report, lng+lat+radius (metry) albo bbox.', 'Atom feed (or .rss) of new reports and status changes: district, category, type, report, lng+lat+radius (metres) or bbox.', `${origin}/feeds/reports.atom?lng=19.9372&lat=50.0614&radius=500`),
		get('/api/reports/nearby', 'Otwarte zgłoszenia w promieniu 50 m od punktu (do „mnie też”), opcjonalnie tej samej kategorii.', 'Open reports within 50 m of a point (for "me too"), optionally of one category.', `${origin}/api/reports/nearby?lng=19.9372&lat=50.0614`),
		get(`/api/reports/${sample?.id ?? 1}`, 'Skrót jednego zgłoszenia (to, co pokazuje dymek na mapie).', 'One report in short (what the map’s popup shows).'),
		get('/stats/volume.csv', 'Dane każdego wykresu statystyk jako CSV (filtry jak na stronie statystyk).', 'The data of each statistics chart as CSV (filters as on the statistics page).'),
		get('/api/districts.geojson', 'Granice 18 dzielnic (ODbL).', 'The boundaries of the 18 districts (ODbL).'),
		get('/api/map-version', 'Wersja mapy: rośnie przy każdej zmianie zgłoszeń (zdarzenia na żywo: /api/events, Server-Sent Events).', 'The map version: it grows with every change of reports (live events: /api/events, Server-Sent Events).')
	];
}
