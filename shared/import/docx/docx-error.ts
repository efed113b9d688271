/**
 * Why a file could not be read as a Word document. The codes are what the user is told (in their
 * language: renderer i18n `docx.error.*`); the message is for the log and the command line.
 */
export type DocxErrorCode = 'not_zip' | 'too_large' | 'too_many_entries' | 'no_document' | 'malformed_xml';

export class DocxError extends Error {
  constructor(
    readonly code: DocxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DocxError';
  }
}
