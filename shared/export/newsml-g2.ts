/**
 * NewsML-G2 2.35 (power conformance) export: one `newsMessage` file.
 *
 *   header       sent = this version's time (never the clock), sender = authority, transmitId, priority
 *   itemSet
 *     packageItem  ninat:composite; groupSet root G1, one group "group:main" with an itemRef to the
 *                  text and to each picture, in reading order (the layout of IPTC's LISTING_6)
 *     newsItem     ninat:text; the body as namespaced NITF in inlineXML (with the story's word
 *                  count), body.content wrapped in `<block>` because Superdesk's parser reads only
 *                  `body.content/block/*`; for generic receivers the photos also stay in place in
 *                  that body as NITF `<media>`
 *     newsItem…    ninat:picture, one per photo with an image: caption (drol:caption), alt text,
 *                  creditline, `by` and the photographer, and remoteContent with the picture's
 *                  href (its path beside the XML, or its absolute address), width and height
 *
 * Every item has pubStatus (Superdesk refuses items without one), urgency, language, `by` and a
 * creator, located + dateline, the sapo as `description role="drol:summary"`, the genre
 * `genre:Interview`, the slugline, and the IPTC subjects as `subject qcode="subj:…"` (the only
 * scheme Superdesk ingests). The section becomes `itemMeta/service` by name (it is the provider's
 * desk; there is no code for it). QCodes use the IPTC standard catalog referenced by every item.
 *
 * For Superdesk (receivers.ts) the location is also a `subject type="cptType:5"` (the only place
 * its parser reads one), the sapo opens the body when the profile says so (its parser ignores a
 * text item's description), and the photos are left to the picture items instead of being
 * flattened into the story's text.
 *
 * Alt text: G2 has no element for it, and no IPTC description-role code for it could be verified
 * in the NewsCodes. So the picture items declare their own scheme in an inline catalog
 * (alias `idrol`, ALT_TEXT_SCHEME) and use `description role="idrol:alt"`. When an IPTC code is
 * confirmed, change ALT_TEXT_ROLE and drop the catalog.
 *
 * Validation: the NITF inside inlineXML is only checked by the driver XSD (the power XSD treats
 * inlineXML as lax); the export tests validate against both when the IPTC schemas are at hand.
 */
import type { Interview } from '../model/schema';
import { appendInlineNitf, NITF_CONTAINERS } from './nitf';
import type { ExportOptions } from './options';
import { rulesFor } from './receivers';
import { buildStory, type Story } from './story';
import { indentContainers, serialize, textElement, xmlDocument, type XMLBuilder } from './xml';

export const NAR_NS = 'http://iptc.org/std/nar/2006-10-01/';
export const IPTC_CATALOG = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_32.xml';
export const ALT_TEXT_SCHEME = 'tag:interview-desk.invalid,2026:cv:descriptionrole:';
export const ALT_TEXT_ROLE = 'idrol:alt';
const NEWS_ITEM_TYPE = 'application/vnd.iptc.g2.newsitem+xml';
const GENRE_QCODE = 'genre:Interview';

const G2_CONTAINERS: ReadonlySet<string> = new Set([
  'newsMessage', 'header', 'itemSet', 'packageItem', 'newsItem', 'catalog', 'rightsInfo', 'copyrightHolder', 'itemMeta', 'service', 'provider',
  'contentMeta', 'located', 'creator', 'genre', 'subject', 'groupSet', 'group', 'itemRef', 'contentSet', 'inlineXML',
  ...NITF_CONTAINERS,
]);

function appendItemAttributes(item: XMLBuilder, story: Story, guid: string): void {
  item.att({
    guid,
    version: String(story.options.version),
    standard: 'NewsML-G2',
    standardversion: '2.35',
    conformance: 'power',
    'xml:lang': story.meta.language,
  });
}

/** The provider: its domain as a literal, and the agency's name when the document has one. */
function appendProvider(itemMeta: XMLBuilder, story: Story): void {
  const provider = itemMeta.ele('provider', { literal: story.options.authority });
  textElement(provider, 'name', story.meta.source);
}

function appendItemMeta(item: XMLBuilder, story: Story, itemClass: string): void {
  const { meta, options } = story;
  const itemMeta = item.ele('itemMeta');
  itemMeta.ele('itemClass', { qcode: itemClass });
  appendProvider(itemMeta, story);
  itemMeta.ele('versionCreated').txt(options.versionCreated);
  itemMeta.ele('firstCreated').txt(options.firstCreated);
  if (meta.embargo) itemMeta.ele('embargoed').txt(meta.embargo);
  itemMeta.ele('pubStatus', { qcode: 'stat:usable' });
  if (itemClass === 'ninat:text') {
    if (meta.section) itemMeta.ele('service').ele('name').txt(meta.section);
    textElement(itemMeta, 'edNote', meta.editorialNote);
  }
}

function appendRights(item: XMLBuilder, story: Story): void {
  if (story.meta.source) item.ele('rightsInfo').ele('copyrightHolder').ele('name').txt(story.meta.source);
}

/**
 * A package or news item with what every item starts with, in the order the schema requires:
 * its attributes, the IPTC catalog (then `extraCatalog`, where an item declares a scheme of its
 * own), the rights, then itemMeta. The caller appends contentMeta and what follows.
 */
function openItem(itemSet: XMLBuilder, tag: 'packageItem' | 'newsItem', story: Story, guid: string, itemClass: string, extraCatalog?: (item: XMLBuilder) => void): XMLBuilder {
  const item = itemSet.ele(tag);
  appendItemAttributes(item, story, guid);
  item.ele('catalogRef', { href: IPTC_CATALOG });
  extraCatalog?.(item);
  appendRights(item, story);
  appendItemMeta(item, story, itemClass);
  return item;
}

function appendPackage(itemSet: XMLBuilder, story: Story): void {
  const item = openItem(itemSet, 'packageItem', story, story.ids.package, 'ninat:composite');
  const contentMeta = item.ele('contentMeta');
  textElement(contentMeta, 'headline', story.meta.headline);
  const group = item.ele('groupSet', { root: 'G1' }).ele('group', { id: 'G1', role: 'group:main' });
  const version = String(story.options.version);
  group.ele('itemRef', { residref: story.ids.text, version, contenttype: NEWS_ITEM_TYPE }).ele('itemClass', { qcode: 'ninat:text' });
  for (const picture of story.pictures) {
    group.ele('itemRef', { residref: picture.guid, version, contenttype: NEWS_ITEM_TYPE }).ele('itemClass', { qcode: 'ninat:picture' });
  }
}

function appendTextItem(itemSet: XMLBuilder, story: Story): void {
  const { meta, options } = story;
  const item = openItem(itemSet, 'newsItem', story, story.ids.text, 'ninat:text');

  // contentMeta: urgency, contentCreated, contentModified; then located/creator…; then language… description.
  const contentMeta = item.ele('contentMeta');
  contentMeta.ele('urgency').txt(String(meta.urgency));
  contentMeta.ele('contentCreated').txt(options.firstCreated);
  contentMeta.ele('contentModified').txt(options.versionCreated);
  if (meta.location) contentMeta.ele('located').ele('name').txt(meta.location);
  if (meta.byline) contentMeta.ele('creator').ele('name').txt(meta.byline);
  contentMeta.ele('language', { tag: meta.language });
  contentMeta.ele('genre', { qcode: GENRE_QCODE }).ele('name', { 'xml:lang': 'en' }).txt('Interview');
  for (const keyword of meta.keywords) contentMeta.ele('keyword').txt(keyword);
  for (const subject of meta.subjects) {
    contentMeta.ele('subject', { type: 'cpnat:abstract', qcode: `subj:${subject.code}` }).ele('name', { 'xml:lang': meta.language }).txt(subject.name);
  }
  const rules = rulesFor(options.receiver);
  if (rules.placeAsG2Subject && meta.location) contentMeta.ele('subject', { type: 'cptType:5', literal: meta.location }).ele('name').txt(meta.location);
  textElement(contentMeta, 'slugline', meta.slugline);
  textElement(contentMeta, 'headline', meta.headline);
  textElement(contentMeta, 'dateline', meta.location);
  textElement(contentMeta, 'by', meta.byline);
  textElement(contentMeta, 'description', meta.sapo, { role: 'drol:summary' });

  const inline = item.ele('contentSet').ele('inlineXML', { contenttype: 'application/nitf+xml', wordcount: String(story.wordCount) });
  appendInlineNitf(inline, story, { media: rules.mediaInG2Body, sapoFirst: rules.g2SapoUnread && options.sapoInBody });
}

function appendPictureItems(itemSet: XMLBuilder, story: Story): void {
  const { meta } = story;
  const { captionAlone } = rulesFor(story.options.receiver);
  for (const picture of story.pictures) {
    // The alt text's role is from a scheme the IPTC catalog does not have.
    const altScheme = (it: XMLBuilder) => {
      it.ele('catalog').ele('scheme', { alias: ALT_TEXT_ROLE.split(':')[0]!, uri: ALT_TEXT_SCHEME });
    };
    const item = openItem(itemSet, 'newsItem', story, picture.guid, 'ninat:picture', picture.alt ? altScheme : undefined);

    const contentMeta = item.ele('contentMeta');
    contentMeta.ele('urgency').txt(String(meta.urgency));
    if (picture.credit) contentMeta.ele('creator', { role: 'crol:photographer' }).ele('name').txt(picture.credit);
    contentMeta.ele('language', { tag: meta.language });
    textElement(contentMeta, 'by', picture.credit);
    textElement(contentMeta, 'creditline', picture.credit);
    textElement(contentMeta, 'description', captionAlone ? picture.caption : picture.captionLine, { role: 'drol:caption' });
    textElement(contentMeta, 'description', picture.alt, { role: ALT_TEXT_ROLE });

    const { file } = picture;
    item.ele('contentSet').ele('remoteContent', {
      rendition: 'rnd:highRes',
      href: picture.ref ?? file.fileName,
      contenttype: file.mime,
      width: String(file.width),
      height: String(file.height),
      size: String(file.byteLength),
    });
  }
}

/** The story as one NewsML-G2 newsMessage: package, text item and picture items. */
export function exportNewsmlG2(doc: Interview, options: ExportOptions): string {
  const story = buildStory(doc, options);
  const xml = xmlDocument();
  const message = xml.ele(NAR_NS, 'newsMessage');
  const header = message.ele('header');
  header.ele('sent').txt(story.options.versionCreated);
  header.ele('sender').txt(story.options.authority);
  header.ele('transmitId').txt(`${story.ids.text}:${story.options.version}`);
  header.ele('priority').txt(String(story.meta.urgency));
  const itemSet = message.ele('itemSet');
  appendPackage(itemSet, story);
  appendTextItem(itemSet, story);
  appendPictureItems(itemSet, story);
  indentContainers(xml, G2_CONTAINERS);
  return serialize(xml);
}
