import type { StatusGroup } from '$lib/domain/status.ts';

/** One colour per status group, shared by the map's pins and the lists' badges (contrast checked on white). */
export const GROUP_COLORS: Record<StatusGroup, string> = {
	open: '#c8102e',
	in_progress: '#b45309',
	resolved: '#1f7a3d',
	closed: '#5b6470'
};
