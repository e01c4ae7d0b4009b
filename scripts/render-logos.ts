/**
 * `npx tsx scripts/render-logos.ts`: renders assets/logo.svg into the PNGs Zendesk's marketplace asks for,
 * assets/logo.png (320×320) and assets/logo-small.png (128×128), with headless Chromium. Run it after editing the
 * SVG and commit the PNGs with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from './chromium';

const ASSETS = path.resolve(__dirname, '..', 'assets');

async function main() {
  const svg = fs.readFileSync(path.join(ASSETS, 'logo.svg'), 'utf8');
  const browser = await launchChromium();
  try {
    for (const [file, size] of [['logo.png', 320], ['logo-small.png', 128]] as const) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: size, height: size });
      const html = `<html><body style="margin:0;background:transparent">${svg.replace('width="320" height="320"', `width="${size}" height="${size}"`)}</body></html>`;
      await page.setContent(html);
      await page.screenshot({ path: path.join(ASSETS, file), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      console.log(`assets/${file}: ${size}×${size}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((cause: unknown) => {
  console.error(cause);
  process.exitCode = 1;
});
