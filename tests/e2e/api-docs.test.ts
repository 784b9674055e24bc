import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const run = promisify(execFile);

test('every example on the API page works when pasted: each answers as the page says', async ({ page }) => {
	await page.goto('/data/api');
	const examples = await page.locator('code[data-example]').evaluateAll((codes) => codes.map((c) => ({ command: c.textContent!, answers: Number(c.getAttribute('data-answers')) })));
	expect(examples.length).toBeGreaterThanOrEqual(12);
	for (const { command, answers } of examples) {
		expect(command, 'an example talks to this site only').toMatch(/^curl (-X POST )?'http:\/\/127\.0\.0\.1:\d+\//);
		// As pasted into a shell, with the status written after the body.
		const { stdout } = await run('bash', ['-c', `${command} -sS -w '\\n%{http_code}'`]);
		const status = Number(stdout.slice(stdout.lastIndexOf('\n') + 1));
		expect(status, command).toBe(answers);
		if (answers === 403) expect(JSON.parse(stdout.slice(0, stdout.lastIndexOf('\n')))).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
	}
	await page.getByRole('link', { name: 'Otwarte dane' }).first().click();
	await expect(page.getByRole('link', { name: /^API: Open311/ })).toHaveAttribute('href', '/data/api');
});
