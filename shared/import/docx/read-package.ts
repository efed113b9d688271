/**
 * The zip container of a .docx, opened with limits before anything is inflated: a file that is
 * not a zip, a zip bomb (its entries' declared sizes summing past MAX_UNZIPPED_BYTES, or more than
 * MAX_ENTRIES entries), or a package without `word/document.xml` is refused with a DocxError, so
 * nothing of it is stored. Only the parts the importer reads are inflated (the XML and the images
 * in `word/media/`); a part that inflates to more than it declared is refused too.
 */
import { strFromU8, unzipSync, type UnzipFileInfo } from 'fflate';
import { DocxError } from './docx-error';

/** A real interview with its photos is a few megabytes; 200 MB unzipped is far past any of them. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
export const MAX_ENTRIES = 2000;

export interface DocxPackage {
  /** The XML parts, by path, as text. */
  xml: ReadonlyMap<string, string>;
  /** The images under word/media/, by path. */
  media: ReadonlyMap<string, Uint8Array>;
}

const WANTED = /^(?:\[Content_Types\]\.xml|_rels\/\.rels|docProps\/(?:core|custom)\.xml|word\/(?:document|styles|comments|commentsExtended)\.xml|word\/_rels\/document\.xml\.rels|word\/media\/[^/]+)$/;

const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);

export function readPackage(bytes: Uint8Array): DocxPackage {
  if (!isZip(bytes)) throw new DocxError('not_zip', 'The file is not a Word document (.docx is a zip package).');
  let entries = 0;
  let declared = 0;
  const sizes = new Map<string, number>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        entries++;
        if (entries > MAX_ENTRIES) throw new DocxError('too_many_entries', `The package has more than ${MAX_ENTRIES} entries.`);
        if (!WANTED.test(file.name)) return false;
        declared += file.originalSize;
        if (declared > MAX_UNZIPPED_BYTES) throw new DocxError('too_large', `The package unpacks to more than ${MAX_UNZIPPED_BYTES / 1048576} MB.`);
        sizes.set(file.name, file.originalSize);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof DocxError) throw e;
    throw new DocxError('not_zip', `The zip package cannot be read (${(e as Error).message}).`);
  }
  const xml = new Map<string, string>();
  const media = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) {
    // A part's declared size is what the cap counted: one that inflates to more is not believed.
    if (data.length > (sizes.get(name) ?? 0)) throw new DocxError('too_large', `${name} unpacks to more than it declares.`);
    if (name.startsWith('word/media/')) media.set(name, data);
    else xml.set(name, strFromU8(data));
  }
  if (!xml.has('word/document.xml')) throw new DocxError('no_document', 'The package has no word/document.xml: it is not a Word document.');
  return { xml, media };
}
