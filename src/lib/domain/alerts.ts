import { z } from 'zod';
import type { FeedFilters } from './feed-filters.ts';

/** A confirmation asks the address's owner to confirm a sign-up; an alert carries what is new; a status update tells a reporter what became of their report. */
export const MESSAGE_KINDS = ['confirm', 'alert', 'status'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * pending: to be sent; sending: claimed by a run that has not said how it went (never sent again,
 * as it may have gone out); sent; failed: the mail server refused it; outbox: no SMTP_URL, kept in the table.
 */
export const DELIVERIES = ['pending', 'sending', 'sent', 'failed', 'outbox'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** What an alert may follow: an area (a circle or a box), a district or one report, optionally narrowed by category or type. */
export function isAlertScope(filters: FeedFilters): boolean {
	return Boolean(filters.near || filters.bbox || filters.district || filters.report);
}

/** An address to send alerts to (254: the longest an address can be, RFC 5321). Messages are i18n keys. */
export const alertEmailSchema = z.string().trim().max(254, 'errors.email').pipe(z.email('errors.email'));
