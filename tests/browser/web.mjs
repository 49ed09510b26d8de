// The web application as a person uses it, in Debian's headless Chromium:
// log in, enter an indicator value and see its verdict change, mark a part
// of the report klar, download a report as PDF, read the public
// anslagstavla; then axe-core (WCAG 2.1 A
// and AA, colour contrast included) on every page, and a screenshot of
// each at phone (390 px) and desktop (1280 px) width.
//
//   node web.mjs BASE_URL USER PASSWORD SHOTDIR
//
// Prints one line per step ("ok: ...") and per page ("PAGE: N violations,
// M passes"). Exits 1 when a step fails or a page has a violation, 2 on
// an error of its own.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = { phone: 390, desktop: 1280 };

const [base, user, password, shotDir] = process.argv.slice(2);
if (!base || !user || !password || !shotDir) {
	console.error('usage: node web.mjs BASE_URL USER PASSWORD SHOTDIR');
	process.exit(2);
}

const PAGES = [
	['anslagstavla', '/anslagstavla'],
	['anslag-protokoll', '/anslagstavla/2021-02-10'],
	['start', '/'],
	['mal', '/mal?occasion=2020-04-30'],
	['indikator', '/mal/indikator/2020-servicedesk?occasion=2020-04-30'],
	['ekonomi', '/ekonomi?occasion=2020-04-30'],
	['ekonomi-import', '/ekonomi/import'],
	['internkontroll', '/internkontroll?year=2020'],
	['sammantraden', '/sammantraden'],
	['protokoll', '/sammantraden/2021-02-10'],
	['rapporter', '/rapporter'],
	['rapport', '/rapporter/prognos?occasion=2020-04-30'],
	['rapportarbete', '/rapporter/arbete?occasion=2020-04-30'],
	['register', '/sections'],
	['register-persons', '/sections/persons'],
	['register-ny', '/sections/persons?new=1'],
	['post', '/sections/persons/adam-kolthoff'],
	['logg', '/log'],
];

let failed = 0;
function check(ok, what) {
	console.log(`${ok ? 'ok' : 'FAIL'}: ${what}`);
	if (!ok) failed++;
}

async function axe(page, name) {
	await page.addScriptTag({ content: axeSource });
	const res = await page.evaluate((tags) => window.axe.run(document, {
		runOnly: { type: 'tag', values: tags },
		resultTypes: ['violations', 'incomplete'],
	}), TAGS);
	console.log(`${name}: ${res.violations.length} violations, ${res.passes.length} passes`);
	for (const v of res.violations) {
		failed++;
		console.log(`  VIOLATION ${v.id} (${v.impact}): ${v.help}`);
		for (const n of v.nodes.slice(0, 5))
			console.log(`    ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`);
	}
	for (const [label, width] of Object.entries(WIDTHS)) {
		await page.setViewportSize({ width, height: 900 });
		await page.screenshot({ path: join(shotDir, `web-${name}-${label}.png`), fullPage: true });
	}
	await page.setViewportSize({ width: WIDTHS.desktop, height: 900 });
}

const profile = mkdtempSync(join(tmpdir(), 'styr-chromium-'));
let context;
try {
	context = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		// axe-core is injected as a script, which styr's CSP refuses.
		bypassCSP: true,
		acceptDownloads: true,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
			'--no-first-run', '--disable-background-networking',
			'--disable-component-update', '--disable-sync'],
		viewport: { width: WIDTHS.desktop, height: 900 },
	});
	// Only styr itself: refuse every other request.
	await context.route((url) => !url.href.startsWith(base), (route) => route.abort());
	const page = context.pages()[0] || await context.newPage();

	// The public board needs no login.
	await page.goto(base + '/anslagstavla');
	check((await page.textContent('main')).includes('2021-03-17'),
		'the anslagstavla shows the last day of appeal without a login');

	// Log in through the form.
	await page.goto(base + '/');
	check(page.url().includes('/login'), 'a page sends a visitor to the login');
	await page.getByLabel('Användarnamn').fill(user);
	await page.getByLabel('Lösenord').fill(password);
	await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Logga in' }).click()]);
	check(new URL(page.url()).pathname === '/', 'logged in, on the start page');

	// Enter a value: Servicedesk 43 % is delvis uppnådd against 45 %.
	await page.goto(base + '/mal?occasion=2020-04-30');
	const row = page.locator('tr', { hasText: 'Servicedesk' }).first();
	check((await row.textContent()).includes('delvis uppnådd'), 'Servicedesk is delvis uppnådd at 43 %');
	await row.getByRole('link').click();
	await page.getByLabel('Utfall').fill('46%');
	await page.getByLabel('Prognos').fill('46%');
	await page.getByLabel('Analys').fill('Fler ärenden löses direkt av Servicedesk.');
	await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Spara' }).click()]);
	check((await page.textContent('main')).includes('Sparat.'), 'the value was saved');
	await page.goto(base + '/mal?occasion=2020-04-30');
	const after = await page.locator('tr', { hasText: 'Servicedesk' }).first().textContent();
	check(after.includes('46%') && after.includes('uppnådd') && !after.includes('delvis'),
		'at 46 % Servicedesk is uppnådd');

	// Mark a part of the report klar.
	await page.goto(base + '/rapporter/arbete?occasion=2020-04-30');
	await page.getByLabel('Status för mal').selectOption('klar');
	await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Spara mal' }).click()]);
	const part = await page.locator('tr', { hasText: 'mal' }).first().textContent();
	check(part.includes('klar') && (await page.textContent('main')).includes('1 av 1 delar'),
		'the part mal is klar and the progress says so');

	// Download a report as PDF.
	await page.goto(base + '/rapporter/prognos?occasion=2020-04-30');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'pdf' }).click(),
	]);
	const pdf = join(profile, 'rapport.pdf');
	await download.saveAs(pdf);
	check(download.suggestedFilename() === 'prognos-2020-04-30.pdf' &&
		readFileSync(pdf).subarray(0, 5).toString() === '%PDF-' && statSync(pdf).size > 10000,
		`downloaded ${download.suggestedFilename()}`);

	// Every page: axe-core and screenshots.
	for (const [name, path] of PAGES) {
		const resp = await page.goto(base + path);
		check(resp.status() === 200, `${path} answers 200`);
		await axe(page, name);
	}
	// And the login page, logged out.
	await page.getByRole('button', { name: 'Logga ut' }).click();
	await page.waitForURL(/\/login/);
	await axe(page, 'login');
} catch (e) {
	console.error(`web: ${e.message}`);
	process.exitCode = 2;
} finally {
	if (context) await context.close();
	rmSync(profile, { recursive: true, force: true });
}
if (!process.exitCode && failed) process.exitCode = 1;
