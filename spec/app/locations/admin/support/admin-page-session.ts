import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import pino from 'pino';
import type { Chromium } from '../../../../../scripts/chromium';
import { startSandbox, type RunningSandbox } from '../../../../../src/cli/start-sandbox';
import { launchBrowser, runWebpack } from '../../../../support/browser';

const { createWebpackConfig } = require('../../../../../webpack.config.js') as {
  createWebpackConfig: (options: { mode: 'development'; outputPath: string; log: (line: string) => void }) => object;
};

const ROOT = path.resolve(__dirname, '../../../../..');

export interface AdminPageSession {
  readonly sandbox: RunningSandbox;
  readonly browser: Chromium;
  readonly page: Page;
  /** The app's frame, with the admin page loaded. */
  readonly app: FrameLocator;
  /** The sandbox account's id in the server's store. */
  readonly accountId: string;
  close(): Promise<void>;
}

/**
 * The admin page (nav_bar) in a fresh sandbox desk: the app built in development mode into a temp folder, the
 * sandbox on free ports and a temp SQLite, headless Chromium on the desk's SLA Clock page. `seed` runs on the
 * server's store before the page opens.
 */
export async function openAdminPage(seed?: (sandbox: RunningSandbox, accountId: string) => Promise<void>): Promise<AdminPageSession> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sla-admin-'));
  let sandbox: RunningSandbox | null = null;
  let browser: Chromium | null = null;
  const close = async () => {
    await browser?.close();
    await sandbox?.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  try {
    const appDir = path.join(workDir, 'app');
    await runWebpack(createWebpackConfig({ mode: 'development', outputPath: appDir, log: () => undefined }));
    sandbox = await startSandbox({
      env: { PORT: '0', DATABASE_URL: `sqlite:${path.join(workDir, 'sla.db')}`, LOG_LEVEL: 'silent' },
      emulatorPort: 0,
      deskPort: 0,
      log: pino({ level: 'silent' }),
      root: ROOT,
      appDistDir: appDir,
    });
    const accountId = ((await sandbox.server.store.findAccountBySubdomain('sandbox')) as { id: string }).id;
    await seed?.(sandbox, accountId);
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 1000 });
    await page.goto(`${sandbox.desk.url}/apps/sla-clock`);
    const app = page.frameLocator('#zaf-app');
    await app.getByRole('heading', { name: 'SLA Clock' }).waitFor();
    return { sandbox, browser, page, app, accountId, close };
  } catch (error) {
    await close();
    throw error;
  }
}
