/**
 * Destination profiles in the app: a Superdesk destination made in Settings (its receiver, the
 * formats Superdesk ingests, the picture address, the section table), picked in the Send dialog,
 * and a send that puts the story at the top of the drop folder in a form Superdesk's NITF parser
 * takes; the Export dialog says which receivers read which format.
 */
import { showStoryDetails } from './page-actions';
import { expect, test } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readNitfAsSuperdesk } from '../helpers/superdesk-readers';
import { newDataDir, startWebHost, type RunningHost } from './web-host';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost(newDataDir());
});
test.afterAll(async () => host.stop());

test('a Superdesk destination made in Settings, picked in Send, gets the story whole', async ({ page }) => {
  const drop = mkdtempSync(join(tmpdir(), 'superdesk-drop-'));
  await page.goto(host.url);
  await page.getByRole('dialog', { name: 'Your profile' }).getByRole('button', { name: 'Later' }).click();

  // Settings ▸ Newsroom destinations: a new destination starts as a Superdesk one.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const section = settings.getByRole('region', { name: 'Newsroom destinations' });
  await expect(section.getByRole('combobox', { name: 'Receiving system' })).toHaveValue('superdesk');
  // Only what Superdesk ingests whole is offered: no namespaced NITF, no IPTC ninjs.
  const formats = await section.getByRole('combobox', { name: 'Format' }).locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(formats).toEqual(['nitf-no-namespace', 'newsml-g2', 'ninjs-superdesk', 'iptc7901']);
  await expect(section.getByRole('combobox', { name: 'Pictures' })).toHaveValue('subfolder');
  await section.getByRole('textbox', { name: 'Name' }).fill('Superdesk Đà Nẵng');
  await section.getByRole('textbox', { name: 'Folder' }).fill(drop);
  await section.getByRole('textbox', { name: 'Picture base URL' }).fill('ftp://media.example.org/');
  await expect(section.getByText('The picture address must start with http:// or https://.')).toBeVisible();
  await expect(section.getByRole('button', { name: 'Add destination' })).toBeDisabled();
  await section.getByRole('textbox', { name: 'Picture base URL' }).fill('https://media.example.org/pictures/');
  // The section table, with its defaults; one more row for this desk's own section.
  await section.getByText(/Sections and IPTC subject codes/).click();
  await expect(section.getByRole('textbox', { name: 'IPTC subject code for Chính trị' })).toHaveValue('11000000');
  await section.getByRole('button', { name: 'Add a section' }).click();
  const rows = section.getByRole('textbox', { name: /^Section \d+$/ });
  await rows.last().fill('Biển đảo');
  await section.getByRole('textbox', { name: 'IPTC subject code for Biển đảo' }).fill('11000000');
  await section.getByRole('button', { name: 'Add destination' }).click();
  await expect(section.getByRole('listitem')).toContainText(['Superdesk Đà Nẵng · Superdesk · NITF 3.6 without namespace']);
  await page.screenshot({ path: 'test-results/screenshots/settings-destinations.png' });
  await settings.getByRole('button', { name: 'Close' }).click();

  // A story in the desk's own section.
  await page.getByRole('button', { name: 'New interview' }).click();
  await page.getByRole('textbox', { name: /^Headline/ }).fill('Đà Nẵng giữ biển');
  await showStoryDetails(page);
  await page.getByRole('textbox', { name: 'Section', exact: true }).fill('Biển đảo');
  await page.getByRole('textbox', { name: 'Interview body' }).click();
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Ông đánh giá thế nào?');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Chúng tôi giữ từng mét bờ biển.');
  await expect(page.getByRole('status')).toHaveText('Saved');

  // The Export dialog says who reads what.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const exporting = page.getByRole('dialog', { name: 'Export' });
  await exporting.getByRole('combobox', { name: 'Format' }).selectOption('nitf');
  await expect(exporting.getByRole('combobox', { name: 'Format' })).toHaveAccessibleDescription('Ingested whole by: generic IPTC systems. Superdesk does not ingest this format whole.');
  await exporting.getByRole('combobox', { name: 'Format' }).selectOption('nitf-no-namespace');
  await expect(exporting.getByRole('combobox', { name: 'Format' })).toHaveAccessibleDescription('Ingested whole by: Superdesk, generic IPTC systems.');
  await page.keyboard.press('Escape');

  // Send: the destination is there, with its receiver; the draft is sent after the question.
  await page.getByRole('button', { name: 'Send to newsroom' }).click();
  const send = page.getByRole('dialog', { name: 'Send to newsroom' });
  await expect(send.getByRole('radio', { name: /Superdesk Đà Nẵng \(Superdesk · NITF 3\.6 without namespace\)/ })).toBeChecked();
  await send.getByRole('button', { name: 'Send', exact: true }).click();
  await send.getByRole('alertdialog').getByRole('button', { name: 'Send anyway' }).click();
  await expect(send.getByText(/^Sent to Superdesk Đà Nẵng/)).toBeVisible();

  const [story] = readdirSync(drop);
  expect(readdirSync(drop)).toHaveLength(1);
  const received = readNitfAsSuperdesk(readFileSync(join(drop, story!), 'utf8'));
  expect(received).toMatchObject({ headline: 'Đà Nẵng giữ biển', slugline: 'Da-Nang-giu-bien', subjects: ['11000000'] });
  // A new interview in the English UI has English labels.
  expect(received.paragraphs.map((p) => p.label)).toEqual(['* Reporter:', '* Guest:']);
});
