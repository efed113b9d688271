/**
 * Recordings on the desktop: `app://bundle/media` is answered by main itself (electron/main/
 * media-protocol.ts), which streams the file and asks the backend process only what the library's
 * table says. The real main and backend process code run in the harness; the page uploads a WAV and
 * plays it with exact seeks, which Chromium only allows on a recording served with byte ranges.
 * (A refused upload is tested in tests/unit/electron/main/media-protocol.test.ts: here its 400
 * would be a console error, which the harness counts as a failure.)
 */
import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { desktopSpec, skipProfile } from '../desktop-harness/desktop-spec';
import { loadAudio, seekTo, uploadWav } from './media-page';

const { newRoot, launch } = desktopSpec('desk-media-');

test('a recording uploaded on the desktop is stored in the library folder and plays with exact seeks', async ({ browser }) => {
  const root = newRoot();
  const dataDir = join(root, 'lib');
  const run = await launch(browser, dataDir, root);
  await skipProfile(run.page);

  const uploaded = await uploadWav(run.page, 3, 'Phỏng vấn ông Hải.wav');
  expect(uploaded.status).toBe(200);
  const id = uploaded.result.value!.id;
  expect(uploaded.result.value).toMatchObject({ name: 'Phỏng vấn ông Hải.wav', mime: 'audio/wav', bytes: 44 + 3 * 8000 * 2, durationMs: 3000 });
  expect(existsSync(join(dataDir, 'media', id.slice(0, 2), id))).toBe(true);

  const { duration, seekableEnd } = await loadAudio(run.page, id);
  expect(duration).toBeCloseTo(3, 2);
  expect(seekableEnd).toBeCloseTo(duration, 2);
  expect(await seekTo(run.page, 1.234)).toBe(1.234);
});
