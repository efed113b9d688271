/**
 * A reporter's whole transcription, in Chromium against the web host, with real speech: a 30-second
 * Vietnamese/English dialogue spoken by espeak-ng and placed at known times by sox
 * (tests/helpers/speech.ts) is attached by the button; three turns are typed with the keys alone
 * (play, pause, back, forward, faster, slower, stamp), each key checked on the media element; a
 * stamp clicked plays from its time, and follow marks the paragraph being heard. A Whisper JSON and
 * a WebVTT of the same recording, written here from the dialogue's segment table, come in as turns
 * with those times, linked to the recording picked in the import preview. The typed story exports
 * as WebVTT with voice tags, and goes to the newsroom with no trace of the times in NITF, NewsML-G2,
 * ninjs or the agency text. Screenshots of the docked player in both UI languages.
 */
import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatClock } from '../../shared/model/media-time';
import type { Interview } from '../../shared/model/schema';
import { has, MISSING } from '../helpers/material';
import { dialogueRecording, type Dialogue, type SpokenLine } from '../helpers/speech';
import { api, firstStart } from './page-actions';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

test.use({ viewport: { width: 1366, height: 768 } });
test.skip(!has('speech'), MISSING.speech);

let host: RunningHost;
let dialogue: Dialogue;
test.beforeAll(() => {
  dialogue = dialogueRecording();
});
test.beforeEach(async () => {
  host = await startWebHost(newDataDir());
});
test.afterEach(async () => host.stop());

const body = (page: Page) => page.getByRole('textbox', { name: /Interview body|Nội dung phỏng vấn/ });
const audioState = (page: Page) =>
  page.locator('.player audio').evaluate((a: HTMLAudioElement) => ({ time: a.currentTime, paused: a.paused, rate: a.playbackRate, duration: a.duration }));
const audioTime = async (page: Page) => (await audioState(page)).time;
const isPaused = async (page: Page) => (await audioState(page)).paused;
const stampsMs = (page: Page) => body(page).locator('p[data-time-start]').evaluateAll((ps) => ps.map((p) => Number(p.getAttribute('data-time-start'))));

/** A clock as WebVTT writes it (hh:mm:ss.mmm). */
function vttClock(ms: number): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

const VOICES = { reporter: 'Phóng viên', guest: 'Ông Hải' } as const;

/** The dialogue as a WebVTT transcript with voices, one cue per spoken line. */
const vttOf = (lines: readonly SpokenLine[]) => ['WEBVTT', '', ...lines.flatMap((l) => [`${vttClock(l.startMs)} --> ${vttClock(l.endMs)}`, `<v ${VOICES[l.speaker]}>${l.text}`, ''])].join('\n');

/** The dialogue as openai-whisper's JSON with a diarising wrapper's speakers (WhisperX). */
const whisperOf = (lines: readonly SpokenLine[]) =>
  JSON.stringify({
    language: 'vi',
    segments: lines.map((l, id) => ({ id, start: l.startMs / 1000, end: l.endMs / 1000, text: ` ${l.text}`, speaker: l.speaker === 'reporter' ? 'SPEAKER_00' : 'SPEAKER_01' })),
  });

function tempFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'interview-desk-transcript-')), name);
  writeFileSync(file, content);
  return file;
}

async function chooseFile(page: Page, button: ReturnType<Page['getByRole']>, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles(file);
}

/**
 * Click `target` and answer where the media element landed: its currentTime at the first `seeked`
 * after the click (read then, not later, so the playing that follows does not move it).
 */
async function seekedByClick(page: Page, target: ReturnType<Page['locator']>): Promise<number> {
  await page.locator('.player audio').evaluate((a: HTMLAudioElement) => {
    const w = window as unknown as { seekedAt: number[] };
    w.seekedAt = [];
    a.addEventListener('seeked', () => w.seekedAt.push(a.currentTime));
  });
  await target.click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { seekedAt: number[] }).seekedAt.length)).toBeGreaterThan(0);
  return page.evaluate(() => (window as unknown as { seekedAt: number[] }).seekedAt[0]!);
}

/** A new interview with one empty turn of the reporter, opened. */
async function openEmptyInterview(page: Page, language: 'en' | 'vi', headline: string): Promise<Interview> {
  const created = await api<{ doc: Interview; revision: number }>(page, 'document.create', { language });
  const doc = created.doc;
  doc.meta.headline = headline;
  doc.body = [{ type: 'turn', speakerId: 'p1', children: [{ type: 'paragraph', children: [{ text: '' }] }] }];
  await api(page, 'document.save', { id: doc.id, baseRevision: created.revision, doc });
  await page.goto(`${host.url}#/doc/${doc.id}`);
  return doc;
}

/** Every paragraph's time in the stored document, in order. */
const timesOf = (doc: Interview) => doc.body.flatMap((b) => (b.type === 'turn' ? b.children.flatMap((c) => (c.type === 'paragraph' ? [c.time] : [])) : []));

/** Import a transcript through the Import button, linking the dialogue's WAV picked in the preview; returns the new interview. */
async function importLinked(page: Page, file: string, expectTurns: number): Promise<Interview> {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Text file to import').setInputFiles(file);
  const preview = page.getByRole('dialog', { name: 'Import preview' });
  await expect(preview).toContainText(`kept for ${expectTurns} paragraphs`);
  const field = preview.getByRole('group', { name: 'Recording' });
  await chooseFile(page, field.getByRole('button', { name: 'Pick the recording…' }), dialogue.wav);
  await expect(field.getByRole('status')).toHaveText('The times will play “dialogue.wav”.');
  await expect(field.getByRole('combobox', { name: 'Recording to link' })).toHaveValue(recordingId());
  await preview.getByRole('button', { name: 'Import interview' }).click();
  await expect(page).toHaveURL(/#\/doc\//);
  const id = /#\/doc\/([A-Za-z0-9_-]+)$/.exec(page.url())![1]!;
  return (await api<{ doc: Interview }>(page, 'document.load', { id })).doc;
}

const recordingId = () => createHash('sha256').update(readFileSync(dialogue.wav)).digest('hex');

test('a recording is typed up with the keys, transcripts come in linked to it, and the wire formats carry no time', async ({ page }) => {
  test.setTimeout(180_000);
  const lines = dialogue.lines;
  await firstStart(page, host.url, 'Hoa', 'Reporter');
  const story = await openEmptyInterview(page, 'en', 'Clean water reaches the village');

  // Attached by the button.
  await chooseFile(page, page.getByRole('button', { name: 'Attach recording' }), dialogue.wav);
  const player = page.getByRole('region', { name: 'Recording' });
  await expect(player.getByRole('button', { name: 'Play' })).toBeEnabled();
  await expect.poll(async () => (await audioState(page)).duration).toBeCloseTo(30, 1);

  // From here on, the keyboard only: the caret into the text without a click.
  await body(page).focus();
  await page.keyboard.press('Control+Home');

  // Turn 1: play past the first line, pause, back 3 s into it, type it and stamp it.
  await page.keyboard.press('F8');
  await expect.poll(() => isPaused(page)).toBe(false);
  await expect.poll(() => audioTime(page), { timeout: 10_000 }).toBeGreaterThan(lines[0]!.endMs / 1000 + 0.2);
  await page.keyboard.press('F8');
  await expect.poll(() => isPaused(page)).toBe(true);
  const pausedAt = await audioTime(page);
  await page.keyboard.press('F7');
  await expect.poll(() => audioTime(page)).toBeCloseTo(Math.max(0, pausedAt - 3), 1);
  const heard1 = await audioTime(page);
  await page.keyboard.type(lines[0]!.text);
  await page.keyboard.press('F4');
  await expect(body(page).locator('.time-mark')).toHaveCount(1);

  // Turn 2: a new turn, faster, resume (with the rewind), pause inside the guest's line, stamp.
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Control+Alt+=');
  await expect.poll(async () => (await audioState(page)).rate).toBe(1.25);
  await page.keyboard.press('F8');
  await expect.poll(() => isPaused(page)).toBe(false);
  await expect.poll(() => audioTime(page), { timeout: 10_000 }).toBeGreaterThan(lines[1]!.startMs / 1000 + 0.1);
  await page.keyboard.press('F8');
  await expect.poll(() => isPaused(page)).toBe(true);
  const heard2 = await audioTime(page);
  await page.keyboard.press('F4');
  await page.keyboard.type(lines[1]!.text);
  await page.keyboard.press('Control+Alt+-');
  await expect.poll(async () => (await audioState(page)).rate).toBe(1);

  // Turn 3: forward 5 s, play into the reporter's next line, pause, stamp, type.
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('F9');
  await expect.poll(() => audioTime(page)).toBeCloseTo(heard2 + 5, 1);
  await page.keyboard.press('F8');
  await expect.poll(() => audioTime(page), { timeout: 10_000 }).toBeGreaterThan(lines[2]!.startMs / 1000 + 0.1);
  await page.keyboard.press('F8');
  await expect.poll(() => isPaused(page)).toBe(true);
  const heard3 = await audioTime(page);
  await page.keyboard.press('F4');
  await page.keyboard.type(lines[2]!.text);

  // Three turns, each stamped where it was heard, inside the line it holds.
  await expect(body(page).locator('.turn')).toHaveCount(3);
  await expect(body(page).locator('.turn p')).toHaveText([lines[0]!.text, lines[1]!.text, lines[2]!.text]);
  const stamps = await stampsMs(page);
  expect(stamps).toHaveLength(3);
  [heard1, heard2, heard3].forEach((heard, i) => expect(Math.abs(stamps[i]! - heard * 1000)).toBeLessThan(50));
  expect(stamps[0]).toBeLessThan(lines[0]!.endMs);
  for (const i of [1, 2]) {
    expect(stamps[i]).toBeGreaterThanOrEqual(lines[i]!.startMs);
    expect(stamps[i]).toBeLessThan(lines[i]!.endMs);
  }

  // A stamp clicked: the element seeks to its time and plays.
  const seekedTo = await seekedByClick(page, body(page).locator('.time-mark').nth(1));
  expect(Math.abs(seekedTo - stamps[1]! / 1000)).toBeLessThanOrEqual(0.3);
  await expect.poll(() => isPaused(page)).toBe(false);

  // Follow: the paragraph being heard is marked, and only it.
  await page.keyboard.press('Control+Alt+O');
  await expect(player.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'true');
  await body(page).locator('.time-mark').nth(2).click();
  await expect(body(page).locator('p.heard')).toHaveText(lines[2]!.text);
  await expect(body(page).locator('p.heard')).toHaveCount(1);
  await page.keyboard.press('F8');
  await expect.poll(() => isPaused(page)).toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/transcription-player-en.png' });

  // Stored: the three times, in the one recording (the first, so unnamed), which the story lists.
  await expect(page.locator('.save-status.save-saved')).toBeVisible({ timeout: 10_000 });
  const typed = (await api<{ doc: Interview }>(page, 'document.load', { id: story.id })).doc;
  expect(timesOf(typed)).toEqual(stamps.map((startMs) => ({ startMs })));
  expect(typed.recordings?.map((r) => [r.id, r.name])).toEqual([[recordingId(), 'dialogue.wav']]);

  // WebVTT of the typed story: one cue per turn, from its stamp to the next, with the speaker's voice.
  await page.getByRole('button', { name: 'Export' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  await exportDialog.getByRole('combobox', { name: 'Format' }).selectOption('webvtt');
  const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: 'Save file' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.vtt$/);
  expect(readFileSync((await download.path())!, 'utf8')).toBe(
    [
      'WEBVTT',
      '',
      'NOTE language: en',
      '',
      '1',
      `${vttClock(stamps[0]!)} --> ${vttClock(stamps[1]!)}`,
      `<v Reporter>${lines[0]!.text}`,
      '',
      '2',
      `${vttClock(stamps[1]!)} --> ${vttClock(stamps[2]!)}`,
      `<v Guest>${lines[1]!.text}`,
      '',
      '3',
      // The last has no end and nothing after it: up for the time its 30 letters take to read (67 ms each).
      `${vttClock(stamps[2]!)} --> ${vttClock(stamps[2]! + 2010)}`,
      `<v Reporter>${lines[2]!.text}`,
      '',
    ].join('\n'),
  );
  await page.keyboard.press('Escape');
  await expect(exportDialog).toHaveCount(0);

  // To the newsroom: NITF through the Send dialog, NewsML-G2, ninjs and IPTC 7901 by the same
  // channel, the agency text by export. No clock, no time field, no recording in any of them.
  const drop = mkdtempSync(join(tmpdir(), 'interview-desk-drop-'));
  const formats = ['nitf', 'newsml-g2', 'ninjs-3.1', 'iptc7901'] as const;
  for (const format of formats) mkdirSync(join(drop, format));
  await api(page, 'settings.saveDestinations', {
    destinations: formats.map((format) => ({ id: `d-${format.replace('.', '')}`, name: `Desk ${format}`, format, folder: join(drop, format) })),
  });
  await page.reload();
  await page.getByRole('button', { name: 'Send to newsroom' }).click();
  const send = page.getByRole('dialog', { name: 'Send to newsroom' });
  await send.getByRole('radio', { name: /Desk nitf/ }).check();
  await send.getByRole('button', { name: 'Send', exact: true }).click();
  const anyway = send.getByRole('alertdialog').getByRole('button', { name: 'Send anyway' });
  await expect(anyway.or(send.getByText(/^Sent to Desk nitf/))).toBeVisible();
  if (await anyway.isVisible()) await anyway.click();
  await expect(send.getByText(/^Sent to Desk nitf/)).toBeVisible();
  for (const format of formats.slice(1)) {
    const first = await api<{ preflight: { errors: unknown[]; warnings: { key: string }[] }; delivery: unknown }>(page, 'newsroom.send', { id: story.id, destinationId: `d-${format.replace('.', '')}`, acceptWarnings: [] });
    expect(first.preflight.errors).toEqual([]);
    if (!first.delivery) await api(page, 'newsroom.send', { id: story.id, destinationId: `d-${format.replace('.', '')}`, acceptWarnings: first.preflight.warnings.map((w) => w.key) });
  }
  const agency = await api<{ preflight: { warnings: { key: string }[] }; file: { data: string } | null }>(page, 'document.export', { id: story.id, format: 'agency-text', acceptWarnings: [] });
  const agencyText = agency.file?.data ?? (await api<{ file: { data: string } }>(page, 'document.export', { id: story.id, format: 'agency-text', acceptWarnings: agency.preflight.warnings.map((w) => w.key) })).file.data;
  const wire: [string, string][] = [['agency-text', agencyText]];
  for (const format of formats) {
    const files = readdirSync(join(drop, format)).filter((f) => !f.startsWith('.'));
    expect(files.length, format).toBeGreaterThan(0);
    for (const f of files) wire.push([`${format}/${f}`, readFileSync(join(drop, format, f), 'latin1')]);
  }
  const clocks = stamps.map((ms) => formatClock(ms));
  for (const [name, raw] of wire) {
    // The story is in it…
    expect(raw, name).toMatch(/clean water reaches the village/i);
    // …and none of the times: no clock, no field, no attribute, no recording. (The wire's own
    // date-times, such as a NewsML-G2 versionCreated, are times of the story, not in the recording.)
    const text = raw.replace(/\d{4}-?\d{2}-?\d{2}T\d{2}:?\d{2}:?\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?/g, '<date-time>');
    for (const trace of ['00:0', 'startMs', 'endMs', 'data-time', 'time-mark', '"time"', recordingId(), 'dialogue.wav', ...clocks]) expect(text, `${name} holds ${trace}`).not.toContain(trace);
  }

  // Machine transcripts of the same recording: Whisper JSON and WebVTT, each linked to it at import.
  const expected = lines.map((l) => ({ startMs: l.startMs, endMs: l.endMs, recording: recordingId() }));
  for (const [file, label] of [
    [tempFile('dialogue.json', whisperOf(lines)), 'Whisper JSON'],
    [tempFile('dialogue.vtt', vttOf(lines)), 'WebVTT'],
  ] as const) {
    const imported = await importLinked(page, file, lines.length);
    expect(timesOf(imported), label).toEqual(expected);
    expect(imported.body.filter((b) => b.type === 'turn').map((b) => (b.type === 'turn' ? b.children.map((c) => (c.type === 'paragraph' ? c.children.map((x) => x.text).join('') : '')).join(' ') : '')), label).toEqual(
      lines.map((l) => l.text),
    );
    expect(imported.recordings?.map((r) => r.id), label).toEqual([recordingId()]);
    // The linked recording plays from the imported times.
    await expect(player.getByRole('button', { name: 'Play' })).toBeEnabled();
    const at = await seekedByClick(page, body(page).locator('.time-mark').nth(3));
    expect(Math.abs(at - lines[3]!.startMs / 1000), label).toBeLessThanOrEqual(0.3);
    await expect.poll(() => isPaused(page)).toBe(false);
    await page.keyboard.press('F8');
  }
});

for (const [language, locale, attachLabel, play] of [
  ['en', 'en-US', 'Attach recording', 'Play'],
  ['vi', 'vi-VN', 'Đính kèm bản ghi âm', 'Phát'],
] as const) {
  test.describe(`screenshot (${language})`, () => {
    test.use({ locale });
    test(`the player docked over a typed dialogue at 1366×768 (${language})`, async ({ page }) => {
      await page.goto(host.url);
      const profile = page.getByRole('dialog');
      await profile.getByRole('textbox').first().fill('Hoa');
      await profile.getByRole('radio').first().check();
      await profile.getByRole('button').last().click();
      await openEmptyInterview(page, language, language === 'vi' ? 'Nước sạch về làng' : 'Clean water reaches the village');
      await chooseFile(page, page.getByRole('button', { name: attachLabel }), dialogue.wav);
      await expect(page.getByRole('button', { name: play, exact: true })).toBeEnabled();
      await body(page).focus();
      await page.keyboard.press('Control+Home');
      await page.keyboard.type(dialogue.lines[0]!.text);
      await page.keyboard.press('F8');
      await expect.poll(() => audioTime(page), { timeout: 10_000 }).toBeGreaterThan(1.5);
      await page.keyboard.press('F8');
      await page.keyboard.press('F4');
      await expect(body(page).locator('.time-mark')).toHaveCount(1);
      await page.screenshot({ path: `test-results/screenshots/transcription-player-docked-${language}.png` });
    });
  });
}
