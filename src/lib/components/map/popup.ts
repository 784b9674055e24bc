import type { LngLat, Map as MapLibreMap } from 'maplibre-gl';
import { lang, t } from '$lib/i18n/t.ts';
import { statusGroup, type Status } from '$lib/domain/status.ts';
import { relativeAge } from '$lib/i18n/dates.ts';
import type { MessageKey } from '$lib/i18n/index.ts';

interface Summary {
	publicRef: string;
	title: string;
	categoryPl: string;
	categoryEn: string;
	status: Status;
	createdAt: string;
	votes: number;
}

/** Builds an element with text content only: report titles come from residents and are never HTML. */
function element(tag: string, text: string, className?: string): HTMLElement {
	const node = document.createElement(tag);
	node.textContent = text;
	if (className) node.className = className;
	return node;
}

/** Opens a popup for a pin: title, category, status, age, votes and a link to the report's page. */
export async function reportPopup(maplibregl: typeof import('maplibre-gl'), map: MapLibreMap, id: number, at: LngLat) {
	const response = await fetch(`/api/reports/${id}`);
	if (!response.ok) return;
	const report: Summary = await response.json();
	const content = document.createElement('div');
	content.className = 'report-popup';
	content.append(
		element('strong', report.title),
		element('div', lang() === 'pl' ? report.categoryPl : report.categoryEn),
		element('div', `${t(`status.${report.status}` as MessageKey)} · ${relativeAge(new Date(report.createdAt), lang())}`, `status-${statusGroup(report.status)}`),
		element('div', t('report.votes', { count: report.votes }))
	);
	const link = element('a', t('map.open_report')) as HTMLAnchorElement;
	link.href = `/reports/${report.publicRef}`;
	content.append(link);
	new maplibregl.Popup({ closeButton: true, maxWidth: '18rem' }).setLngLat(at).setDOMContent(content).addTo(map);
	link.focus();
}
