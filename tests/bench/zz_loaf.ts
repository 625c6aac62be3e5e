// dev probe (not committed): long animation frames with script attribution during a merged open
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { ensureMergedDataset, MERGED_SWEEPS } from './mergedDataset.ts';
import { measureMergedSequence } from './mergedSequenceMeasure.ts';
import { CHROMIUM_ARGS } from './mergedSequence.bench.ts';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dist = process.argv[process.argv.indexOf('--dist') + 1];
const PORT = 8793;
const dataset = ensureMergedDataset();
const state = mkdtempSync(join(tmpdir(), 'cuboid-probe-state-'));
const server = spawn(process.execPath, [join(ROOT, 'src/cli/cuboid.js'), 'serve', dataset, '--port', String(PORT), '--state', state, '--dist', dist], { stdio: 'ignore' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  for (let i = 0; i < 120; i++) { try { if ((await fetch(`http://127.0.0.1:${PORT}/api/frames`)).ok) break; } catch {} await new Promise((r) => setTimeout(r, 250)); }
  for (const round of [1, 2]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(`
      window.__loaf = [];
      new PerformanceObserver(function (l) { for (const e of l.getEntries()) window.__loaf.push({ start: e.startTime, dur: e.duration, render: e.renderStart ? e.renderStart - e.startTime : -1, style: e.styleAndLayoutStart ? e.styleAndLayoutStart - e.startTime : -1, blocking: e.blockingDuration, scripts: e.scripts.map(function (s) { return [s.invoker, s.invokerType, Math.round(s.duration), Math.round(s.forcedStyleAndLayoutDuration), s.sourceFunctionName, (s.sourceURL || '').split('/').pop()]; }) }); }).observe({ type: 'long-animation-frame', buffered: true });
    `);
    const middle = String(MERGED_SWEEPS / 2).padStart(6, '0');
    const f = await measureMergedSequence(page, `http://127.0.0.1:${PORT}`, middle, MERGED_SWEEPS / 2, []);
    const req = (await page.evaluate(() => (window as any).__cuboid.store.getState().merge.requestedAt)) as number;
    const loaf = (await page.evaluate(() => (window as any).__loaf)) as any[];
    console.log(`round ${round}: first view ${Math.round(f.firstViewMs)} full ${Math.round(f.fullDetailMs)} frame ${Math.round(f.longestFrameMs)}`);
    for (const e of loaf) if (e.start > req - 100 && e.dur > 50) console.log(`  @${Math.round(e.start - req)} dur ${Math.round(e.dur)} render@${Math.round(e.render)} style@${Math.round(e.style)} blocking ${Math.round(e.blocking)} scripts ${JSON.stringify(e.scripts)}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
