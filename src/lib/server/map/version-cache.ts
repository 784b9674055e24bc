import { answerInTime } from '../db/outage.ts';

/**
 * Answers that change only when the map version moves (any change to reports moves it), computed
 * once per version and key and kept for the next requests. Bounded: the oldest entry goes first.
 */
export function versionCache<T>(size: number) {
	const entries = new Map<string, Promise<T>>();
	return (version: number, key: string, compute: () => Promise<T>): Promise<T> => {
		const id = `${version}?${key}`;
		let answer = entries.get(id);
		if (!answer) {
			answer = answerInTime(compute());
			// A failed query is not remembered.
			answer.catch(() => entries.delete(id));
			entries.set(id, answer);
			if (entries.size > size) entries.delete(entries.keys().next().value!);
		}
		return answer;
	};
}
