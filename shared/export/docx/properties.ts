/**
 * Names of the custom document properties that tie a Word file to the interview it came from
 * (docs/wordprocessingml.md). A module of their own, free of the `docx` library, so the importer
 * that reads them back (shared/import/docx/) does not bring the writer into the page.
 */
export const DOCX_PROPERTY = {
  format: 'InterviewDeskFormat',
  id: 'InterviewDeskId',
  version: 'InterviewDeskVersion',
  view: 'InterviewDeskView',
  acceptedSha256: 'InterviewDeskAcceptedSha256',
} as const;
