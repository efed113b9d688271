/**
 * Superdesk's ninjs: the JSON dialect Superdesk's ninjs ingest parser reads (its own ninjs-1.x
 * extension). It is not IPTC ninjs and cannot be: IPTC's 2.2 and 3.1 schemas forbid these
 * property names and want `associations` as a list, which crashes Superdesk's parser. So it is a
 * format of its own (formats.ts), for Superdesk destinations only.
 *
 *   guid, version, type, pubstatus, urgency, language    lower-case names
 *   versioncreated, firstcreated, embargoed               UTC with `Z` (other offsets crash the parser)
 *   headline, slugline, byline, located                   strings
 *   description_text (+ description_html)                 the sapo: Superdesk's abstract
 *   body_html                                             paragraphs as the HTML export writes them
 *                                                         (label in `<strong>`), each photo in the body
 *                                                         as a `<figure>` between EMBED comments naming
 *                                                         its association
 *   subject, genre                                        lists of {code, name}
 *   wordcount                                             the story's word count (story.ts)
 *   associations                                          an object keyed by name: `featuremedia` for a
 *                                                         photo that opens the story (before any text;
 *                                                         it is then not repeated in the body),
 *                                                         `picture1`, `picture2`… for the others
 *
 * Each association is a picture item: guid, type, times, `description_text` (the caption alone),
 * `byline` (the credit), `body_text` (the alt text, where Superdesk keeps it), and
 * `renditions.original` with href, mimetype, width and height. Superdesk fetches the bytes only
 * from an absolute http(s) href: the destination's picture base URL gives one (preflight warns
 * without it, and the href is then the path beside the JSON).
 */
import type { Interview } from '../model/schema';
import { blockMarkup } from './html';
import { jsonText, withValues, type Json, type JsonObject } from './ninjs';
import type { ExportOptions } from './options';
import { buildStory, type Story, type StoryPhoto } from './story';
import { fragment, markup } from './xml';

type Picture = Story['pictures'][number];

/** The photo that opens the story, before any paragraph: Superdesk's feature picture. */
function featurePhoto(story: Story): Picture | null {
  const first = story.blocks[0];
  return first?.kind === 'photo' ? (story.pictures.find((p) => p === first) ?? null) : null;
}

/** Association names for the pictures, in reading order. */
function associationNames(story: Story): Map<StoryPhoto, string> {
  const names = new Map<StoryPhoto, string>();
  const feature = featurePhoto(story);
  let n = 0;
  for (const picture of story.pictures) names.set(picture, picture === feature ? 'featuremedia' : `picture${++n}`);
  return names;
}

function pictureItem(story: Story, picture: Picture): JsonObject {
  const { meta, options } = story;
  return withValues([
    ['guid', picture.guid],
    ['type', 'picture'],
    ['version', String(options.version)],
    ['versioncreated', options.versionCreated],
    ['firstcreated', options.firstCreated],
    ['pubstatus', 'usable'],
    ['language', meta.language],
    ['copyrightholder', meta.source],
    ['description_text', picture.caption],
    ['byline', picture.credit],
    ['body_text', picture.alt],
    ['renditions', { original: withValues([['href', picture.ref ?? picture.file.fileName], ['mimetype', picture.file.mime], ['width', picture.file.width], ['height', picture.file.height]]) }],
  ]);
}

/** body_html: the HTML export's paragraphs and figures, each figure of a picture between EMBED comments. */
function bodyHtml(story: Story, names: ReadonlyMap<StoryPhoto, string>): string {
  const href = (photo: StoryPhoto) => photo.ref;
  const parts: string[] = [];
  for (const block of story.blocks) {
    const name = block.kind === 'photo' ? names.get(block) : undefined;
    if (name === 'featuremedia') continue; // carried by the association alone
    const markup = blockMarkup(block, href);
    if (name === undefined) parts.push(markup);
    else parts.push(`<!-- EMBED START Image {id: "${name}"} -->${markup}<!-- EMBED END Image {id: "${name}"} -->`);
  }
  return parts.join('');
}

/** `<p>text</p>`, escaped. */
function paragraphHtml(text: string): string {
  const frag = fragment();
  frag.ele('p').txt(text);
  return markup(frag);
}

export function ninjsSuperdesk(doc: Interview, options: ExportOptions): JsonObject {
  const story = buildStory(doc, options);
  const { meta, options: resolved } = story;
  const names = associationNames(story);
  const associations: JsonObject = {};
  for (const picture of story.pictures) associations[names.get(picture)!] = pictureItem(story, picture);
  return withValues([
    ['guid', story.ids.text],
    ['type', 'text'],
    ['version', String(resolved.version)],
    ['versioncreated', resolved.versionCreated],
    ['firstcreated', resolved.firstCreated],
    ['embargoed', meta.embargo ?? undefined],
    ['pubstatus', 'usable'],
    ['urgency', meta.urgency],
    ['language', meta.language],
    ['headline', meta.headline],
    ['slugline', meta.slugline],
    ['byline', meta.byline],
    ['located', meta.location],
    ['description_text', meta.sapo],
    ['description_html', meta.sapo ? paragraphHtml(meta.sapo) : undefined],
    ['body_html', bodyHtml(story, names)],
    ['subject', meta.subjects.map((s): Json => ({ code: s.code, name: s.name }))],
    ['genre', [{ code: 'Interview', name: 'Interview' }]],
    ['keywords', meta.keywords],
    ['ednote', meta.editorialNote],
    ['copyrightholder', meta.source],
    ['wordcount', story.wordCount],
    ['associations', Object.keys(associations).length > 0 ? associations : undefined],
  ]);
}

export function exportNinjsSuperdesk(doc: Interview, options: ExportOptions): string {
  return jsonText(ninjsSuperdesk(doc, options));
}
