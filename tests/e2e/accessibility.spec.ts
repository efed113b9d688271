/**
 * An automated accessibility check (axe-core) of every screen, in both UI languages: the library
 * at first start, Settings, the import preview, a new (empty) interview, an interview with turns
 * and a photo, its Participants panel and review margin (opened as Changes and as Comments), History and the keyboard shortcuts.
 * No serious or critical violation may remain: missing labels, contrast, landmarks, ARIA misuse.
 * Every rule is on.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en';
import { vi } from '../../renderer/src/i18n/vi';
import { FIXTURE_INTERVIEW } from '../helpers/material';
import { solidPng } from '../helpers/images';
import { sineWav } from '../helpers/wav';
import { newDataDir, startWebHost, type RunningHost } from './web-host';
import { api } from './page-actions';

test.use({ viewport: { width: 1366, height: 768 } });

let host: RunningHost;
test.beforeEach(async () => {
  host = await startWebHost(newDataDir());
});
test.afterEach(async () => host.stop());

/** The serious and critical violations on the page as it is now, one line each, named by screen. */
async function violations(page: Page, screen: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}: ${v.nodes[0]?.failureSummary ?? ''}`);
}

/** An interview with two turns, opened, with a photo added to the answer. */
async function interviewWithPhoto(page: Page, m: typeof en, language: 'en' | 'vi'): Promise<void> {
  const created = await api<{ doc: { id: string; meta: Record<string, unknown>; body: unknown[] }; revision: number }>(page, 'document.create', { language });
  const doc = created.doc;
  doc.meta.headline = language === 'vi' ? 'Một năm kết nạp đảng viên' : 'A year of new members';
  const turn = (speakerId: string, text: string) => ({ type: 'turn', speakerId, children: [{ type: 'paragraph', children: [{ text }] }] });
  doc.body = [turn('p1', language === 'vi' ? 'Thưa ông, tỉnh làm thế nào?' : 'How did the province do it?'), turn('p2', language === 'vi' ? 'Chúng tôi đến từng xã.' : 'We went to every commune.')];
  await api(page, 'document.save', { id: doc.id, baseRevision: created.revision, doc });
  await page.goto(`${host.url}#/doc/${doc.id}`);
  await page.getByRole('textbox', { name: m.editor.body }).locator('.turn').last().locator('p').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: m.photo.add }).click();
  await (await chooser).setFiles({ name: 'portrait.png', mimeType: 'image/png', buffer: solidPng(64, 48) });
  await expect(page.getByRole('figure')).toHaveCount(1);
}

for (const [language, m, locale] of [
  ['en', en, 'en-US'],
  ['vi', vi, 'vi-VN'],
] as const) {
  test.describe(`in ${language === 'en' ? 'English' : 'Vietnamese'}`, () => {
    test.use({ locale });

    test(`every screen has no serious or critical accessibility violation (${language})`, async ({ page }) => {
      test.setTimeout(240_000); // a full axe run per screen, ten screens
      const found: string[] = [];
      await page.goto(host.url);
      const firstStart = page.getByRole('dialog', { name: m.profile.title });
      await expect(firstStart).toBeVisible();
      found.push(...(await violations(page, 'library at first start')));

      await page.getByRole('button', { name: m.settings.button }).click();
      await expect(page.getByRole('dialog', { name: m.settings.title })).toBeVisible();
      found.push(...(await violations(page, 'Settings')));
      await page.keyboard.press('Escape');

      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: m.import.button, exact: true }).click();
      await (await chooser).setFiles(FIXTURE_INTERVIEW);
      await expect(page.getByRole('dialog', { name: m.import.title })).toBeVisible();
      found.push(...(await violations(page, 'import preview')));
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: m.import.title })).toHaveCount(0);

      await firstStart.getByRole('textbox', { name: m.profile.name }).fill('Hà');
      await firstStart.getByRole('button', { name: m.profile.save }).click();
      await expect(firstStart).toHaveCount(0);
      found.push(...(await violations(page, 'library')));

      await page.getByRole('button', { name: m.library.new }).click();
      await expect(page.getByRole('textbox', { name: m.editor.body })).toBeVisible();
      found.push(...(await violations(page, 'new interview')));

      await interviewWithPhoto(page, m, language);
      found.push(...(await violations(page, 'interview with turns and a photo')));

      // The recording's player, docked with a recording attached.
      const wav = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: m.player.attach }).click();
      await (await wav).setFiles({ name: 'interview.wav', mimeType: 'audio/wav', buffer: sineWav({ seconds: 4 }) });
      await expect(page.getByRole('region', { name: m.player.region }).getByRole('button', { name: m.player.play, exact: true })).toBeEnabled();
      found.push(...(await violations(page, 'player')));

      for (const [button, role, region] of [
        [m.participants.open, 'region', m.participants.title],
        [m.review.open, 'complementary', m.margin.region],
        [m.comments.open, 'complementary', m.margin.region],
      ] as const) {
        await page.getByRole('button', { name: button, exact: true }).click();
        await expect(page.getByRole(role, { name: region })).toBeVisible();
        found.push(...(await violations(page, `${button} panel`)));
        await page.keyboard.press('Escape');
        await expect(page.getByRole(role, { name: region })).toHaveCount(0);
      }

      await page.getByRole('button', { name: m.history.button, exact: true }).click();
      const history = page.getByRole('dialog', { name: m.history.title });
      await expect(history.getByRole('listitem').first()).toBeVisible();
      found.push(...(await violations(page, 'History')));
      await page.keyboard.press('Escape');
      await expect(history).toHaveCount(0);

      await page.keyboard.press('F1');
      await expect(page.getByRole('dialog', { name: m.shortcuts.title })).toBeVisible();
      found.push(...(await violations(page, 'keyboard shortcuts')));

      expect(found).toEqual([]);
    });
  });
}
