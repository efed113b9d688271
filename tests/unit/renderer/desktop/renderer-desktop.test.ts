/**
 * The renderer's side of the desktop bridge: commands reach the part of the UI that handles
 * them (renderer/src/desktop/command-router.ts), and an export is saved through the file
 * dialogs with its pictures beside it (renderer/src/platform/save-exported-file.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../../../shared/api/contract';
import type { DesktopCommand } from '../../../../shared/desktop-commands';
import type { FileDialogs, SaveFileRequest } from '../../../../shared/file-dialogs';
import { CommandRouter } from '../../../../renderer/src/desktop/command-router';
import { saveExportedFile } from '../../../../renderer/src/platform/save-exported-file';

describe('command router', () => {
  it('hands each command to the handlers of its type, and reports commands nobody handles', () => {
    const unhandled: DesktopCommand[] = [];
    const router = new CommandRouter({ onUnhandled: (c) => unhandled.push(c) });
    const finds: DesktopCommand[] = [];
    const off = router.on('edit.find', (c) => finds.push(c));
    router.dispatch({ type: 'edit.find' });
    router.dispatch({ type: 'view.mode', mode: 'suggesting' }); // nothing on screen takes it
    off();
    router.dispatch({ type: 'edit.find' });
    expect(finds).toEqual([{ type: 'edit.find' }]);
    expect(unhandled).toEqual([{ type: 'view.mode', mode: 'suggesting' }, { type: 'edit.find' }]);
    const modes: string[] = [];
    router.on('view.mode', (c) => modes.push(c.mode));
    expect(modes).toEqual([]); // the earlier one was not kept
  });

  it('keeps files opened from the OS until something handles them', () => {
    const unhandled: DesktopCommand[] = [];
    const router = new CommandRouter({ onUnhandled: (c) => unhandled.push(c) });
    router.dispatch({ type: 'open-file', fileId: 'file-1', fileName: 'a.interview' });
    const opened: string[] = [];
    router.on('open-file', (c) => opened.push(c.fileName));
    expect(opened).toEqual(['a.interview']);
    router.dispatch({ type: 'open-file', fileId: 'file-2', fileName: 'b.interview' });
    expect(opened).toEqual(['a.interview', 'b.interview']);
    expect(unhandled).toEqual([]);
  });

  it('reports the handled command types each time that list changes, not for a second handler', () => {
    const router = new CommandRouter({ onUnhandled: () => undefined });
    const reports: string[][] = [];
    router.onHandledChange((types) => reports.push(types));
    const offOpen = router.on('file.open', () => undefined);
    const offFind = router.on('edit.find', () => undefined);
    const offFind2 = router.on('edit.find', () => undefined); // already handled: no change
    offFind();
    offFind2();
    offOpen();
    expect(reports).toEqual([['file.open'], ['edit.find', 'file.open'], ['file.open'], []]);
    expect(router.handledTypes()).toEqual([]);
  });
});

describe('saving an export', () => {
  function recordingDialogs() {
    const requests: SaveFileRequest[] = [];
    const dialogs: FileDialogs = {
      saveFile: async (r) => {
        requests.push(r);
        return 'saved';
      },
      openFile: async () => null,
    };
    return { dialogs, requests };
  }

  it('sends the main file with its pictures as companions', async () => {
    const { dialogs, requests } = recordingDialogs();
    const file: ExportedFile = { fileName: 'story.xml', mime: 'application/nitf+xml', encoding: 'utf8', data: '<nitf/>', pictures: [{ assetId: 'a'.repeat(64), fileName: 'story-1.jpg' }] };
    const read: string[] = [];
    const outcome = await saveExportedFile(file, dialogs, async (id) => {
      read.push(id);
      return new Uint8Array([1, 2, 3]);
    });
    expect(outcome).toBe('saved');
    expect(read).toEqual(['a'.repeat(64)]);
    expect(requests).toEqual([{ suggestedName: 'story.xml', data: '<nitf/>', mime: 'application/nitf+xml', companions: [{ name: 'story-1.jpg', data: new Uint8Array([1, 2, 3]) }] }]);
  });

  it('decodes byte formats (IPTC 7901 travels as base64)', async () => {
    const { dialogs, requests } = recordingDialogs();
    await saveExportedFile({ fileName: 'wire.txt', mime: 'text/plain', encoding: 'base64', data: Buffer.from([1, 0x1f, 0xff]).toString('base64'), pictures: [] }, dialogs);
    expect(requests[0]!.data).toEqual(new Uint8Array([1, 0x1f, 0xff]));
  });

  it('a picture that cannot be read stops the save with its reason', async () => {
    const { dialogs, requests } = recordingDialogs();
    const file: ExportedFile = { fileName: 's.html', mime: 'text/html', encoding: 'utf8', data: '<p/>', pictures: [{ assetId: 'b'.repeat(64), fileName: 's-1.png' }] };
    await expect(saveExportedFile(file, dialogs, async () => Promise.reject(new Error('A picture of this export could not be read (404 Not Found).')))).rejects.toThrow('404');
    expect(requests).toEqual([]);
  });
});
