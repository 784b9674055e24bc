import type { Language } from '$lib/i18n/index.ts';

declare global {
	namespace App {
		interface Locals {
			lang: Language;
		}
		interface PageData {
			lang: Language;
		}
	}
}

export {};
