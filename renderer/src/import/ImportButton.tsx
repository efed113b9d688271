import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_EXCHANGE_FILE_BYTES } from '../../../shared/api/contract';
import { DOCX_PROPERTY } from '../../../shared/export/docx/properties';
import { importedInterview } from '../../../shared/import/accept-import';
import { DocxError } from '../../../shared/import/docx/docx-error';
import { DOCX_EXTENSION, importDocx } from '../../../shared/import/docx/import-docx';
import { readDocx } from '../../../shared/import/docx/read-docx';
import { linkRecording } from '../../../shared/import/link-recording';
import { decodesLeniently, IMPORTABLE_EXTENSIONS, importTranscriptOrText, type ImportedFile } from '../../../shared/import/transcripts/import-transcript';
import { api } from '../api';
import { bytesToBase64 } from '../common/base64';
import { Dialog } from '../common/Dialog';
import { useDesktopCommand } from '../desktop/commands';
import { fileDialogs } from '../platform/file-dialogs';
import { navigate } from '../route';
import { ImportPreviewDialog } from './ImportPreviewDialog';

/** Larger text files are not interviews; reading them would only stall the window. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const isDocx = (name: string) => name.toLowerCase().endsWith(DOCX_EXTENSION);

interface Preview {
  fileName: string;
  result: ImportedFile;
  /** A Word document's pictures, stored before the interview that names them. */
  images?: ReadonlyMap<string, Uint8Array>;
}

/**
 * "Import": pick a plain-text article, a machine transcript (WebVTT, SRT, whisper JSON,
 * oTranscribe, timed text) or a Word document, check what was recognised (and, for a transcript,
 * pick the recording it was made from), then add it to the library. A Word document exported from
 * this library is first offered to be merged into the interview it came from, as "Open" merges a
 * returned review file (exchange.open).
 */
export function ImportButton({ onError }: { onError: (message: string) => void }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [offer, setOffer] = useState<{ fileName: string; bytes: Uint8Array; headline: string } | null>(null);

  // A native open dialog in the desktop build, the browser's file picker in browser mode.
  useDesktopCommand('file.import', () => void pick());

  function previewDocx(fileName: string, bytes: Uint8Array) {
    try {
      const { result, images } = importDocx(bytes);
      setPreview({ fileName, result, images });
    } catch (err) {
      if (err instanceof DocxError) return onError(t(`import.docx.${err.code}`));
      throw err;
    }
  }

  function pickedDocx(fileName: string, bytes: Uint8Array) {
    let id: string | undefined;
    let headline: string;
    try {
      const reading = readDocx(bytes);
      id = reading.properties.get(DOCX_PROPERTY.id);
      headline = reading.paragraphs.find((p) => p.style === 'Headline')?.runs.map((r) => r.text).join('') ?? '';
    } catch (err) {
      if (err instanceof DocxError) return onError(t(`import.docx.${err.code}`));
      throw err;
    }
    if (id !== undefined) setOffer({ fileName, bytes, headline });
    else previewDocx(fileName, bytes);
  }

  async function mergeOffered() {
    if (!offer) return;
    setOffer(null);
    const result = await api.exchange.open({ fileName: offer.fileName, data: bytesToBase64(offer.bytes) });
    if (!result.ok) return onError(result.error.code === 'invalid_file' ? t('exchange.docxRefused', { name: offer.fileName }) : result.error.message);
    if (result.value.outcome === 'not_merged') return onError(t('exchange.notMerged', { fileName: offer.fileName, headline: offer.headline || t('library.untitled') }));
    navigate({ screen: 'document', id: result.value.id });
  }

  async function pick() {
    let file;
    try {
      file = await fileDialogs.openFile({ accept: [...IMPORTABLE_EXTENSIONS, DOCX_EXTENSION], title: t('import.file'), maxBytes: MAX_EXCHANGE_FILE_BYTES });
    } catch (err) {
      return onError((err as Error).message);
    }
    if (!file) return;
    const { bytes } = file;
    if (bytes !== null && isDocx(file.name)) return pickedDocx(file.name, bytes);
    if (bytes === null || file.size > MAX_IMPORT_BYTES) return onError(t('import.tooLarge', { mb: Math.round(file.size / 1048576) }));
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
      {offer && (
        <Dialog title={t('import.docx.offerTitle')} onClose={() => setOffer(null)}>
          <p>{t('import.docx.offer', { fileName: offer.fileName, headline: offer.headline || t('library.untitled') })}</p>
          <div className="dialog-actions">
            <button type="button" onClick={() => void mergeOffered()}>
              {t('import.docx.merge')}
            </button>
            <button
              type="button"
              onClick={() => {
                setOffer(null);
                previewDocx(offer.fileName, offer.bytes);
              }}
            >
              {t('import.docx.asNew')}
            </button>
          </div>
        </Dialog>
      )}
      {preview && (
        <ImportPreviewDialog
          fileName={preview.fileName}
          result={preview.result}
          onCancel={() => setPreview(null)}
          // A new interview has no recording yet: the transcript's is picked as a file.
          recordings={[]}
          onAccept={async (draft, recording) => {
            // Pictures first: the interview names them by their hash, and a stored image is what that hash finds.
            for (const bytes of preview.images?.values() ?? []) {
              const stored = await api.asset.put({ data: bytesToBase64(bytes) });
              if (!stored.ok) return onError(stored.error.message);
            }
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
