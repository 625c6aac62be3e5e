import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { chromium } from '@playwright/test';
const CHROMIUM_ARGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const state = mkdtempSync('/tmp/shotstate-');
const server = spawn(process.execPath, ['/work/main/src/cli/cuboid.js', 'serve', process.env.DATA ?? '/tmp/shotdata/samples', '--port', '8798', '--state', state, '--dist', '/tmp/pdist'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 5000));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()); });
  await page.goto('http://127.0.0.1:8798/');
  await page.waitForTimeout(8000);
  await page.evaluate((n) => (window as any).__cuboid.store.getState().setMergeSweeps(n), Number(process.env.SW ?? 10));
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().merge.fullDetailMs !== null, null, { timeout: 60000 });
  const st = () => page.evaluate(() => { const m = (window as any).__cuboid.store.getState().merge; return JSON.stringify({ points: m.points, drawn: m.drawn, focus: m.focus, detail: m.detail }); });
  console.log('merged', await st());
  await page.screenshot({ path: '/tmp/detail0.png' });
  // Zoom towards a point of the view.
  await page.mouse.move(Number(process.env.MX ?? 560), Number(process.env.MY ?? 330));
  for (let k = 0; k < Number(process.env.WH ?? 8); k++) { await page.mouse.wheel(0, -300); await page.waitForTimeout(60); }
  await page.waitForTimeout(1200);
  console.log('zoomed', await st());
  await page.screenshot({ path: '/tmp/detail1.png' });
  await page.waitForFunction(() => (window as any).__cuboid.store.getState().merge.detail?.status === 'ready', null, { timeout: 30000 }).catch(() => console.log('no detail ready'));
  await page.waitForTimeout(2500);
  console.log('detail', await st());
  await page.screenshot({ path: '/tmp/detail2.png' });
} finally {
  await browser.close();
  server.kill();
}
