import { expect, test } from '@playwright/test';
import { storeValue, waitForFrameLoaded } from './helpers.ts';

/**
 * The broken dataset (`brokenDataset`, served on 8796): 000001's point file is cut short, 000002's
 * calib has a short P2 line (line 3). Screenshots go to test-results/ for a look as a user sees it.
 */
const BROKEN = 'http://127.0.0.1:8796';

test('a frame whose points failed: Submit is disabled with the reason and the checks panel says it was not checked', async ({ page }) => {
  await page.goto(`${BROKEN}/?frame=000001`);
  await expect(page.getByTestId('load-error-card')).toBeVisible();
  const checks = page.getByTestId('checks-not-run');
  await expect(checks).toBeVisible();
  await expect(checks).toContainText('Not checked: the points of frame 000001 could not be loaded');
  await expect(checks).toContainText('000001.bin');
  const submit = page.getByTestId('review-submit');
  await expect(submit).toBeVisible();
  await expect(submit).toBeDisabled();
  await expect(page.getByTestId('review-submit-blocked')).toContainText('Submit needs the frame’s points');
  // The frame list marks it, the file in the tooltip; the other frames' counts stay as they are.
  const marker = page.getByTestId('frame-000001').getByTestId('frame-points-problem');
  await expect(marker).toHaveText('· points unreadable');
  expect(await marker.getAttribute('title')).toContain('000001.bin');
  await page.screenshot({ path: 'test-results/broken-points-frame.png' });
});

test('the frame list marks a frame whose points do not read before it is opened', async ({ page }) => {
  await page.goto(`${BROKEN}/?frame=000000`);
  await waitForFrameLoaded(page);
  // The navigator's sweep asks the server for the other frames' checks, which names the cut-short file.
  const marker = page.getByTestId('frame-000001').getByTestId('frame-points-problem');
  await expect(marker).toHaveText('· points unreadable', { timeout: 20_000 });
  expect(await marker.getAttribute('title')).toContain('000001.bin');
});

test('a frame whose calib is broken: the checks run without the camera, naming the calib file and line, and the frame submits', async ({ page }) => {
  await page.goto(`${BROKEN}/?frame=000002`);
  await waitForFrameLoaded(page);
  expect(await storeValue<string>(page, 'state.load.status')).toBe('done');
  const note = page.getByTestId('checks-calib-problem');
  await expect(note).toBeVisible();
  await expect(note).toContainText('calib/000002.txt');
  await expect(note).toContainText('line 3');
  await expect(note).toContainText('missed objects are searched all around the sensor');
  // The frame list names the calib (not its points, which read).
  const badge = page.getByTestId('frame-000002').getByTestId('frame-calib-problem');
  await expect(badge).toHaveText('· calib unreadable');
  expect(await badge.getAttribute('title')).toContain('calib/000002.txt');
  await expect(page.getByTestId('frame-000002').getByTestId('frame-points-problem')).toHaveCount(0);
  await expect(page.getByTestId('checks-panel')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('review-calib-note')).toContainText('the label_2 file (camera coordinates)');
  await page.screenshot({ path: 'test-results/broken-calib-frame.png' });
  // The camera panel shows image 2 without the projection, and says why (the calib file and line).
  await page.keyboard.press('p');
  await expect(page.getByTestId('camera-panel')).toBeVisible();
  await expect(page.getByTestId('camera-problem')).toHaveAttribute('title', /calib\/000002\.txt\): line 3/);
  await page.screenshot({ path: 'test-results/broken-calib-camera.png' });
  await page.keyboard.press('p');

  // Submit: the gate runs (no "unreadable" refusal); any check error is given a reason, as an annotator would.
  const submit = page.getByTestId('review-submit');
  await expect(submit).toBeEnabled();
  await submit.click();
  const submitted = page.locator('[data-testid="review-status"][data-status="submitted"]');
  const overrides = page.getByTestId('review-overrides');
  await expect(submitted.or(overrides)).toBeVisible();
  if (await overrides.isVisible()) {
    for (const reason of await overrides.getByTestId('review-override-reason').all()) await reason.fill('checked by eye');
    await page.getByTestId('review-submit-overrides').click();
  }
  await expect(submitted).toBeVisible();
  await expect(page.getByTestId('review-error')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/broken-calib-submitted.png' });
});

test('a frame whose label file is malformed: no boxes of another frame stay on screen, nothing is edited or saved, the card names the file and line', async ({
  page,
}) => {
  await page.goto(`${BROKEN}/?frame=000000`);
  await waitForFrameLoaded(page);
  await expect.poll(() => storeValue<number>(page, 'state.doc ? state.doc.cuboids.length : -1')).toBe(1);
  const revision = await storeValue<number>(page, 'state.doc.revision');
  // The frame list marks it before it is opened, the reason in the tooltip.
  const marker = page.getByTestId('frame-000003').getByTestId('frame-label-problem');
  await expect(marker).toHaveText('· labels unreadable');
  expect(await marker.getAttribute('title')).toMatch(/000003\.txt.*line 2/);
  await expect(page.getByTestId('frame-000000').getByTestId('frame-label-problem')).toHaveCount(0);
  await page.getByTestId('frame-jump').fill('000003');
  await page.getByTestId('frame-jump').press('Enter');
  const card = page.getByTestId('load-error-card');
  await expect(card).toBeVisible();
  await expect(card).toContainText('The labels of frame 000003 could not be read');
  await expect(card).toContainText('000003.txt');
  await expect(card).toContainText('line 2');
  expect(await storeValue<unknown>(page, 'state.doc')).toBeNull();
  // No "Saved · rev N" of the frame before.
  await expect(page.getByTestId('save-status')).toHaveCount(0);
  // Keys that would edit the selected box find none (000000's box is not there to be moved).
  await page.getByTestId('viewport').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowUp');
  expect(await storeValue<unknown>(page, 'state.doc')).toBeNull();
  await page.screenshot({ path: 'test-results/broken-labels-frame.png' });
  // 000000 was not saved again behind the user's back.
  const saved = await page.evaluate(async () => (await fetch('/api/frames/000000/annotation')).json());
  expect(saved.revision).toBe(revision);
  expect(saved.cuboids).toHaveLength(1);
});
