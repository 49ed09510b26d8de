// Accessibility check of styr's HTML reports: load each report in Debian's
// headless Chromium, run axe-core with the WCAG 2.1 A/AA rules (colour
// contrast included, which needs a real browser) and take a screenshot at
// phone and desktop width.
//
//   node axe.mjs SHOTDIR REPORT.html...
//
// Prints one line per report: "NAME: N violations, M passes". Exits 1 when
// any report has a violation (each is printed with its nodes), 2 on error.
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = { phone: 390, desktop: 1280 };

const [shotDir, ...reports] = process.argv.slice(2);
if (!shotDir || reports.length === 0) {
	console.error('usage: node axe.mjs SHOTDIR REPORT.html...');
	process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), 'styr-chromium-'));
let context;
let violated = 0;
try {
	context = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
			'--no-first-run', '--disable-background-networking',
			'--disable-component-update', '--disable-sync'],
		viewport: { width: WIDTHS.desktop, height: 900 },
	});
	// Reports are self-contained: refuse any request that is not the file.
	await context.route(/^(?!file:)/, (route) => route.abort());
	const page = context.pages()[0] || await context.newPage();
	for (const file of reports) {
		const name = basename(file, '.html');
		await page.setViewportSize({ width: WIDTHS.desktop, height: 900 });
		await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load' });
		await page.addScriptTag({ content: axeSource });
		const res = await page.evaluate((tags) => window.axe.run(document, {
			runOnly: { type: 'tag', values: tags },
			resultTypes: ['violations', 'incomplete'],
		}), TAGS);
		console.log(`${name}: ${res.violations.length} violations, ` +
			`${res.passes.length} passes, ${res.incomplete.length} incomplete`);
		for (const v of res.violations) {
			violated++;
			console.log(`  VIOLATION ${v.id} (${v.impact}): ${v.help}`);
			for (const n of v.nodes.slice(0, 5))
				console.log(`    ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`);
			if (v.nodes.length > 5) console.log(`    ... ${v.nodes.length - 5} more`);
		}
		for (const v of res.incomplete)
			console.log(`  incomplete ${v.id}: ${v.nodes.length} nodes to review`);
		for (const [label, width] of Object.entries(WIDTHS)) {
			await page.setViewportSize({ width, height: 900 });
			await page.screenshot({ path: join(shotDir, `${name}-${label}.png`), fullPage: true });
		}
	}
} catch (e) {
	console.error(`axe: ${e.message}`);
	process.exitCode = 2;
} finally {
	if (context) await context.close();
	rmSync(profile, { recursive: true, force: true });
}
if (!process.exitCode && violated) process.exitCode = 1;
