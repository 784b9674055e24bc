import { expect, test } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { open311Validator } from '../support/open311.ts';
import { fileReport } from './support.ts';

const xml = new XMLParser({ isArray: (name) => ['request', 'service', 'error', 'format'].includes(name), parseTagValue: false });

test('Open311 GeoReport v2: discovery, services and requests in JSON (valid against the official schemas) and XML (the same data)', async ({ page, request }) => {
	const url = await fileReport(page, { lng: 19.94111, lat: 50.06222, title: 'Zgłoszenie przez Open311 widoczne', category: 'street_cleaning' });
	const ref = url.match(/KCK-\d{4}-\d+/)![0];

	const discovery = await (await request.get('/open311/v2/discovery.json')).json();
	expect(discovery.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['text/xml', 'application/json'] });

	const services = await (await request.get('/open311/v2/services.json')).json();
	open311Validator('services.json')(services);
	// The check can fail: a request without its required fields is refused.
	expect(() => open311Validator('requests.json')([{ status: 'open' }])).toThrow(/service_request_id/);
	expect(services.map((s: { service_code: string }) => s.service_code)).toContain('street_cleaning');
	const servicesXml = await (await request.get('/open311/v2/services.xml')).text();
	expect(XMLValidator.validate(servicesXml)).toBe(true);
	expect(xml.parse(servicesXml).services.service.map((s: { service_code: string }) => s.service_code)).toEqual(services.map((s: { service_code: string }) => s.service_code));

	const requests = await (await request.get('/open311/v2/requests.json?service_code=street_cleaning&status=open')).json();
	open311Validator('requests.json')(requests);
	const mine = requests.find((r: { service_request_id: string }) => r.service_request_id === ref);
	expect(mine).toMatchObject({ status: 'open', service_code: 'street_cleaning', lat: 50.06222, long: 19.94111 });
	expect(mine.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

	const one = await (await request.get(`/open311/v2/requests/${ref}.json`)).json();
	open311Validator('requests.json')(one);
	expect(one).toEqual([mine]);
	const oneXml = await (await request.get(`/open311/v2/requests/${ref}.xml`)).text();
	expect(XMLValidator.validate(oneXml)).toBe(true);
	const [fromXml] = xml.parse(oneXml).service_requests.request;
	expect(fromXml).toMatchObject({ service_request_id: ref, status: 'open', service_code: 'street_cleaning', lat: '50.06222', long: '19.94111', requested_datetime: mine.requested_datetime });
});

test('Open311 answers bad input with the specification’s error list, in JSON or XML, never a 500', async ({ request }) => {
	for (const query of ['start_date=yesterday', 'start_date=2026-03-02T00:00:00Z&end_date=2026-03-01T00:00:00Z', 'page_size=1000000', 'status=pending', 'service_code=DROP%20TABLE', 'page=0']) {
		const response = await request.get(`/open311/v2/requests.json?${query}`);
		expect(response.status(), query).toBe(400);
		const [error] = await response.json();
		expect(error).toMatchObject({ code: 400, description: expect.any(String) });
	}
	const missing = await request.get('/open311/v2/requests/KCK-2000-000000.xml');
	expect(missing.status()).toBe(404);
	const body = await missing.text();
	expect(XMLValidator.validate(body)).toBe(true);
	expect(xml.parse(body).errors.error[0]).toMatchObject({ code: '404' });
	expect((await request.get('/open311/v2/services/street_cleaning.json')).status()).toBe(404);
	expect((await request.get('/open311/v2/requests.csv')).status()).toBe(404);
});
