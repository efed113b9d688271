/**
 * Save an export through the file dialogs: the main file, with its pictures beside it (NITF,
 * NewsML-G2 and HTML refer to them by relative name). Pictures are read from the library's
 * asset URL, which both hosts serve next to the page.
 */
import type { ExportedFile } from '../../../shared/api/contract';
import type { FileDialogs, SaveOutcome } from '../../../shared/file-dialogs';
import { base64ToBytes } from '../common/base64';

export type ReadAsset = (assetId: string) => Promise<Uint8Array>;

async function fetchAsset(assetId: string): Promise<Uint8Array> {
  const response = await fetch(`asset/${encodeURIComponent(assetId)}`);
  if (!response.ok) throw new Error(`A picture of this export could not be read (${response.status} ${response.statusText}).`);
  return new Uint8Array(await response.arrayBuffer());
}

export async function saveExportedFile(file: ExportedFile, dialogs: FileDialogs, readAsset: ReadAsset = fetchAsset): Promise<SaveOutcome> {
  const companions = await Promise.all(file.pictures.map(async (p) => ({ name: p.fileName, data: await readAsset(p.assetId) })));
  return dialogs.saveFile({
    suggestedName: file.fileName,
    data: file.encoding === 'base64' ? base64ToBytes(file.data) : file.data,
    mime: file.mime,
    companions,
  });
}
