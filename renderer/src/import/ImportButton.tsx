import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importedInterview } from '../../../shared/import/accept-import';
import { linkRecording } from '../../../shared/import/link-recording';
import { decodesLeniently, IMPORTABLE_EXTENSIONS, importTranscriptOrText, type ImportedFile } from '../../../shared/import/transcripts/import-transcript';
import { api } from '../api';
import { useDesktopCommand } from '../desktop/commands';
import { fileDialogs } from '../platform/file-dialogs';
import { navigate } from '../route';
import { ImportPreviewDialog } from './ImportPreviewDialog';

/** Larger text files are not interviews; reading them would only stall the window. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * "Import": pick a plain-text article or a machine transcript (WebVTT, SRT, whisper JSON,
 * oTranscribe, timed text), check what was recognised (and, for a transcript, pick the recording it
 * was made from), then add it to the library.
 */
export function ImportButton({ onError }: { onError: (message: string) => void }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<{ fileName: string; result: ImportedFile } | null>(null);

  // A native open dialog in the desktop build, the browser's file picker in browser mode.
  useDesktopCommand('file.import', () => void pick());

  async function pick() {
    let file;
    try {
      file = await fileDialogs.openFile({ accept: [...IMPORTABLE_EXTENSIONS], title: t('import.file'), maxBytes: MAX_IMPORT_BYTES });
    } catch (err) {
      return onError((err as Error).message);
    }
    if (!file) return;
    const { bytes } = file;
    if (bytes === null) return onError(t('import.tooLarge', { mb: Math.round(file.size / 1048576) }));
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // whisper.cpp may cut a letter's bytes in two: a transcript's segments come in, marked for
      // checking. Anything else that is not UTF-8 would lose words unseen, and is refused.
      if (!decodesLeniently(file.name)) return onError(t('import.notText'));
      const result = importTranscriptOrText(file.name, new TextDecoder('utf-8').decode(bytes));
      if (!result.transcript) return onError(t('import.notText'));
      return setPreview({ fileName: file.name, result });
    }
    setPreview({ fileName: file.name, result: importTranscriptOrText(file.name, text) });
  }

  return (
    <>
      <button type="button" onClick={() => void pick()}>
        {t('import.button')}
      </button>
      {preview && (
        <ImportPreviewDialog
          fileName={preview.fileName}
          result={preview.result}
          onCancel={() => setPreview(null)}
          // A new interview has no recording yet: the transcript's is picked as a file.
          recordings={[]}
          onAccept={async (draft, recording) => {
            // The same function makes a pasted import's content (editor/paste/insert-pasted.ts).
            const doc = importedInterview(preview.result, draft);
            // A new interview's list is empty, so linking cannot be refused for a full list.
            const linked = recording ? linkRecording(doc, recording) : null;
            const created = await api.document.createFrom({ doc: linked?.ok ? { ...doc, body: linked.body, recordings: linked.recordings } : doc });
            setPreview(null);
            if (created.ok) navigate({ screen: 'document', id: created.value.doc.id });
            else onError(created.error.message);
          }}
        />
      )}
    </>
  );
}
