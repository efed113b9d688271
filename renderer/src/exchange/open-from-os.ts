/**
 * A `.interview` file the operating system handed to the desktop app (double-click, "Open with",
 * a second launch): read it through the bridge (the page never sees its path), add it to the
 * library as "Open" does, and go to the interview.
 */
import i18next from 'i18next';
import type { DesktopCommand } from '../../../shared/desktop-commands';
import { api } from '../api';
import { desktop } from '../desktop/bridge';
import { navigate } from '../route';
import { bytesToBase64 } from '../common/base64';

export async function openFileFromOs(command: Extract<DesktopCommand, { type: 'open-file' }>): Promise<string | null> {
  const file = await desktop?.readOpenedFile(command.fileId);
  if (!file || !file.bytes) return null;
  const result = await api.exchange.open({ fileName: file.name, data: bytesToBase64(file.bytes) });
  if (!result.ok) return result.error.code === 'unsafe_file' ? i18next.t('exchange.unsafe', { name: command.fileName }) : `${command.fileName}: ${result.error.message}`;
  navigate({ screen: 'document', id: result.value.id });
  // Not merged, nothing changed: said, since the interview shown is the one the file could not join
  // ("Open" in the library offers it as a copy).
  if (result.value.outcome === 'not_merged') return i18next.t('exchange.notMerged', { fileName: command.fileName, headline: result.value.headline });
  return null;
}
