/**
 * `convert` and `check`: agency plain text (a file or stdin) through the importer, then out as a
 * wire format, or through preflight. No library is involved.
 *
 * A text carries no images, so a photo in it (a caption and credit) has no picture to deliver:
 * preflight calls that an error, and wire formats are not produced without `--force`. With it, the
 * photo goes out with its caption and credit and no picture file.
 *
 * The exporters never read the clock, so the same input always gives the same bytes: their times
 * come from the caller (shared/export/options.ts), which for a stored interview are its row's. A
 * text has none, so the story is stamped with `--time`, or the time of the conversion when it is
 * not given.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import nspell from 'nspell';
import type { ExportOptions } from '../../shared/export/options';
import { utcSeconds } from '../../shared/export/options';
import { PLAIN_EXPORT, profileOptions } from '../../shared/export/profile';
import { preflight } from '../../shared/export/preflight';
import { renderExport, runExport } from '../../shared/export/run-export';
import type { ImportReport } from '../../shared/import/agency-text';
import { importTranscriptOrText } from '../../shared/import/transcripts/import-transcript';
import { normalizeInterview } from '../../shared/model/normalize';
import type { Interview } from '../../shared/model/schema';
import { validateInterview } from '../../shared/model/validate';
import { checkText, describeFinding, locateFindings } from '../../shared/vietnamese/check-text';
import { SyllableDictionary } from '../../shared/vietnamese/syllable-dictionary';
import { DEFAULT_HOUSE_STYLE, type HouseStyle } from '../../shared/vietnamese/tone-placement';
import { readTrieXv3 } from '../../shared/vietnamese/trie-x-v3';
import { dictionaryFiles } from './dictionary-files';
import { preflightCounts, preflightSummary } from './findings';
import { describeImportFinding } from '../../shared/import/findings';
import type { CliFormat } from './formats';
import { CliError, readImportText, readInputBytes, writeOutput } from './io';
import { DocxError } from '../../shared/import/docx/docx-error';
import { importDocx } from '../../shared/import/docx/import-docx';

const DOC_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** `--id`, else the file's name when it is a valid id, else one derived from the text itself. */
function documentId(input: string, text: string, explicit: string | undefined): string {
  if (explicit !== undefined) {
    if (!DOC_ID.test(explicit)) throw new CliError('--id may hold only letters, digits, - and _ (at most 64)', 2);
    return explicit;
  }
  const stem = input === '-' ? '' : basename(input, extname(input));
  return DOC_ID.test(stem) ? stem : `text-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

const DOCX_NAME = /\.docx$/i;

async function importedPlain(input: string, id?: string): Promise<{ doc: Interview; report: ImportReport; text: string }> {
  const text = await readImportText(input);
  return { ...importTranscriptOrText(input, text, { id: documentId(input, text, id) }), text };
}

/** A Word document (shared/import/docx/); its text for the checks is its paragraphs, one a line, as the import read them. */
async function importedWord(input: string, id?: string): Promise<{ doc: Interview; report: ImportReport; text: string }> {
  const bytes = await readInputBytes(input);
  let imported;
  try {
    imported = importDocx(new Uint8Array(bytes), { id: documentId(input, bytes.toString('latin1'), id) });
  } catch (err) {
    if (err instanceof DocxError) throw new CliError(`${input}: ${err.message}`);
    throw err;
  }
  const { doc, report } = imported.result;
  const text = doc.body.flatMap((b) => (b.type === 'paragraph' ? [b] : b.type === 'turn' ? b.children.filter((c) => c.type === 'paragraph') : [])).map((p) => p.children.map((l) => l.text).join('')).join('\n');
  return { doc, report, text };
}

/** The text (agency text, a machine transcript or a Word document) as the library would store it: imported, normalised, checked. */
async function importedText(input: string, id?: string): Promise<{ doc: Interview; report: ImportReport; text: string }> {
  const { doc, report, text } = DOCX_NAME.test(input) ? await importedWord(input, id) : await importedPlain(input, id);
  const checked = validateInterview(normalizeInterview(doc));
  if (!checked.ok) throw new CliError(`the text could not be made into an interview: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return { doc: checked.doc, report, text };
}

/**
 * Tone marks and spelling of the text as given (positions are the file's line:column), in the
 * agency's house style, with the dictionaries the app uses: @cspell/dict-vi-vn and dictionary-en
 * (from dist/cli/dictionaries/ when the CLI runs built: ./dictionary-files.ts).
 */
function textFindingLines(text: string, language: Interview['meta']['language'], style: HouseStyle): string[] {
  const files = dictionaryFiles();
  const vietnamese = new SyllableDictionary(readTrieXv3(gunzipSync(readFileSync(files.vietnameseTrie)).toString('utf8')), style);
  const english = nspell(readFileSync(files.englishAff), readFileSync(files.englishDic));
  const findings = checkText(text, { language, style, vietnamese, english, suggestEnglish: true });
  return locateFindings(text, findings).map((f) => `note\ttext.${f.kind}\t${describeFinding(f)}`);
}

function optionsAt(time: string | undefined, doc: Interview, format: CliFormat): ExportOptions {
  let at: string;
  try {
    at = utcSeconds(time ?? new Date().toISOString());
  } catch {
    throw new CliError(`--time must be an ISO 8601 date-time with a time zone, like 2024-05-10T09:00:00+07:00, not "${time}"`, 2);
  }
  return { ...profileOptions(PLAIN_EXPORT, { format, section: doc.meta.section }), firstCreated: at, versionCreated: at, version: 1, pictures: {} };
}

export interface ConvertRequest {
  input: string;
  to: CliFormat;
  output?: string;
  force: boolean;
  id?: string;
  time?: string;
}

export async function convert(request: ConvertRequest): Promise<void> {
  const { doc } = await importedText(request.input, request.id);
  // Every format through the registry: agency text and JSON have no checks that could stop them.
  const exportRequest = { format: request.to, options: optionsAt(request.time, doc, request.to) };
  const outcome = runExport(doc, exportRequest);
  if (outcome.ok) return writeOutput(request.output, outcome.content);
  if (!request.force) {
    const photos = outcome.preflight.errors.some((e) => e.code === 'photo.no-image') ? ' (photos without an image are then exported without a picture file)' : '';
    throw new CliError(`not converted: ${preflightSummary(outcome.preflight)}; --force converts anyway${photos}`);
  }
  process.stderr.write(`interview-desk: converted despite ${preflightCounts(outcome.preflight)} (interview-desk check lists them)\n`);
  writeOutput(request.output, renderExport(doc, exportRequest));
}

/**
 * Preflight of a text, for the format given (its headline limit): one finding per line on stdout,
 * `severity<TAB>code<TAB>message`, then tone-mark and spelling findings (`note<TAB>text.<kind><TAB>
 * line:column found → suggestion`), then the lines the importer could not place and what it was
 * unsure of (`note<TAB>import.<kind><TAB>Line n: …`). Fails (exit 1)
 * when there are errors.
 */
/** `style`: the house style of tone marks to check against (the agency's; traditional by default). */
export async function check(input: string, format: CliFormat, style: HouseStyle = DEFAULT_HOUSE_STYLE): Promise<void> {
  const { doc, report, text } = await importedText(input);
  const result = preflight(doc, { format });
  const lines = [
    ...[...result.errors, ...result.warnings].map((f) => `${f.severity}\t${f.code}\t${f.message}`),
    ...textFindingLines(text, doc.meta.language, style),
    ...report.unplaced.map((u) => `note\timport.${u.reason}\tLine ${u.line} was kept as text: ${u.text.slice(0, 80)}`),
    // What the importer was unsure of, each at its line (shared/import/findings.ts).
    ...report.findings.map((f) => `note\timport.${f.kind}\t${describeImportFinding(f, 'en')}`),
  ];
  if (report.omittedFromLine !== null) lines.push(`note\timport.too-long\tThe text from line ${report.omittedFromLine} on was left out: the document is full.`);
  process.stdout.write(lines.map((l) => `${l}\n`).join(''));
  if (result.errors.length > 0) throw new CliError(`${input === '-' ? 'the input' : input}: ${preflightCounts(result)}`);
  process.stderr.write(`interview-desk: ${preflightCounts(result)}\n`);
}
