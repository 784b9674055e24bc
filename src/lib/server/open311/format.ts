import { json } from '@sveltejs/kit';
import { escapeXml } from '../xml.ts';

export type Open311Format = 'json' | 'xml';


/** One element, its value escaped; arrays repeat it, objects nest, null is an empty element. */
function element(name: string, value: unknown): string {
	if (Array.isArray(value)) return value.map((item) => element(name, item)).join('');
	if (value === null || value === undefined) return `<${name}/>`;
	if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`;
	return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/**
 * An answer in the format asked for: JSON as the specification writes it, or XML (its required
 * format) with `root` holding one `item` element per entry (or the object's fields).
 */
export function open311Answer(format: Open311Format, body: unknown, xml: { root: string; item?: string }, status = 200): Response {
	if (format === 'json') return json(body, { status });
	const xmlBody = xml.item ? element(xml.root, { [xml.item]: body }) : element(xml.root, body);
	return new Response(`<?xml version="1.0" encoding="utf-8"?>\n${xmlBody}\n`, { status, headers: { 'Content-Type': 'text/xml; charset=utf-8' } });
}

/** The specification's error list, in either format. */
export function open311Error(format: Open311Format, status: number, description: string): Response {
	return open311Answer(format, [{ code: status, description }], { root: 'errors', item: 'error' }, status);
}
