/**
 * `fileDialogs`: open and save files the same way in both modes (contract in
 * shared/file-dialogs.ts). The desktop build gets native dialogs from the preload; browser mode
 * gets the implementation below, with a download for saving and a file input for opening.
 */
import type { FileDialogs, OpenedFile, OpenFileRequest, SaveFileRequest, SaveOutcome } from '../../../shared/file-dialogs';
import { desktop } from '../desktop/bridge';

function download(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The input of the open request still waiting, with the function that settles it. */
let pending: { input: HTMLInputElement; settle: (file: OpenedFile | null) => void } | null = null;

export const browserFileDialogs: FileDialogs = {
  async saveFile({ suggestedName, data, mime, companions = [] }: SaveFileRequest): Promise<SaveOutcome> {
    // The browser decides where downloads go (or asks); for the page, handing it over is saving.
    download(suggestedName, new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type: mime }));
    for (const companion of companions) download(companion.name, new Blob([new Uint8Array(companion.data)]));
    return 'saved';
  },

  openFile({ accept, title, maxBytes }: OpenFileRequest): Promise<OpenedFile | null> {
    // A new request replaces one still waiting (its picker was closed without a choice).
    pending?.input.remove();
    pending?.settle(null);
    return new Promise<OpenedFile | null>((resolve, reject) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = accept.join(',');
      input.hidden = true;
      if (title) input.setAttribute('aria-label', title);
      const settle = (file: OpenedFile | null) => {
        if (pending?.input === input) pending = null;
        input.remove();
        resolve(file);
      };
      pending = { input, settle };
      // No 'cancel' listener: headless and some browsers report a cancel for a picker that tests
      // fill in afterwards. An unanswered request simply waits until the next one replaces it.
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        if (!file) return settle(null);
        if (maxBytes !== undefined && file.size > maxBytes) return settle({ name: file.name, size: file.size, bytes: null });
        file.arrayBuffer().then(
          (buffer) => settle({ name: file.name, size: file.size, bytes: new Uint8Array(buffer) }),
          () => {
            input.remove();
            reject(new Error(`"${file.name}" could not be read.`));
          },
        );
      });
      document.body.append(input);
      input.click();
    });
  },
};

export const fileDialogs: FileDialogs = desktop?.fileDialogs ?? browserFileDialogs;
