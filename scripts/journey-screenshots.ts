/**
 * The #20 journey screenshots, taken from a built site in Debian's Chromium:
 *   <prefix>-phone-indicator-top.png  /indikator/no_confidant at 390 × 844, top of the page
 *   <prefix>-phone-indicator.png   the same, scrolled to the county chart
 *   <prefix>-phone-region-21.png    /region/21 at 390 × 844, scrolled to the table
 *   <prefix>-slide-1080p.png       /en/indikator/no_confidant in presentation mode at 1920 × 1080
 *
 *   node --import tsx scripts/journey-screenshots.ts docs/after        (BUILD_DIR=… for another build)
 *
 * Used for the before/after pictures under docs/; not part of npm test.
 */
import { startHarness } from '../tests/e2e/helpers/browser.ts';

const prefix = process.argv[2];
if (!prefix) throw new Error('usage: journey-screenshots.ts <output prefix, e.g. docs/after>');

const h = await startHarness();
try {
	const phone = { width: 390, height: 844 };
	await h.context.close().catch(() => {});
	const ctx = await h.browser.newContext({ viewport: phone, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'sv-SE' });
	const url = (p: string) => h.server.url + p;

	const ind = await ctx.newPage();
	await ind.goto(url('/indikator/no_confidant'), { waitUntil: 'load' });
	await ind.waitForSelector('#regions-plot svg');
	await ind.waitForTimeout(1500);
	await ind.screenshot({ path: `${prefix}-phone-indicator-top.png` });
	await ind.locator('[data-chart-frame="regions"]').scrollIntoViewIfNeeded();
	await ind.waitForTimeout(1500); // the width-fit redraw after load
	await ind.screenshot({ path: `${prefix}-phone-indicator.png` });

	const reg = await ctx.newPage();
	await reg.goto(url('/region/21'), { waitUntil: 'load' });
	await reg.locator('table.profile').scrollIntoViewIfNeeded();
	await reg.waitForTimeout(1000);
	await reg.screenshot({ path: `${prefix}-phone-region-21.png` });
	await ctx.close();

	const wide = await h.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-GB' });
	const deck = await wide.newPage();
	await deck.goto(url('/en/indikator/no_confidant'), { waitUntil: 'load' });
	const button = deck.locator('.present-button');
	await button.waitFor({ timeout: 60_000 });
	await button.click();
	const dialog = deck.getByRole('dialog');
	await dialog.locator('img').waitFor();
	await deck.waitForTimeout(1500);
	await deck.screenshot({ path: `${prefix}-slide-1080p.png` });
	await wide.close();
} finally {
	await h.browser.close();
	await h.server.close();
}
