/**
 * IPTC ninjs export, versions 3.1 and 2.2, valid against the IPTC JSON schemas.
 *
 * This is IPTC ninjs, not Superdesk's ninjs-1.x dialect: Superdesk's parser cannot ingest IPTC
 * ninjs 2.x/3.x associations, so a Superdesk flavour would be a separate exporter.
 *
 * - `uri` is the story's URN (story.ts); every URI is absolute, as the schema's `format: uri` needs.
 * - Times are UTC with `Z` (the only form Superdesk's ninjs parser accepts) and come from the options.
 * - Headlines (main, sub), descriptions (summary = sapo), one XHTML body (the same markup as the
 *   HTML export: label in `<strong>` at the start of a turn's first paragraph, photos as
 *   `<figure>` in place), genre Interview, `by`, `located`, `slugline`, `edNote`, `copyrightHolder`.
 * - ninjs has no section or keyword field: both go in `subjects` by name, told apart by `rel`
 *   (`section`, `keyword`); the IPTC subject codes go there too, by their NewsCodes URI
 *   (`rel: subject`).
 * - Each photo with an image is an association of type picture: caption and alt text in
 *   `descriptions` (roles `caption`, `alt`), the credit in `by`, and a rendition whose href is
 *   `baseUri` + file name. Without a baseUri the rendition has no href (a relative one would not
 *   be a URI), and the body's `<img>` has none either.
 *
 * 2.2 has the same fields with lower-case names, `embargoed` for `embargoedUntil`, and no `rel` on
 * associations; exportNinjs22 renames the 3.1 object rather than building it twice.
 */
import type { Interview } from '../model/schema';
import { xhtmlBodyFragment } from './html';
import type { ExportOptions } from './options';
import { buildStory, type Story, type StoryPhoto } from './story';

export const GENRE_INTERVIEW_URI = 'http://cv.iptc.org/newscodes/genre/Interview';
const SCHEMA_ID = { '3.1': 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#', '2.2': 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#' } as const;

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const SUBJECT_CODE_URI = 'http://cv.iptc.org/newscodes/subjectcode/';

/** The absolute address of a delivered picture, or null without a baseUri or an image. */
const absoluteHref = (photo: StoryPhoto): string | null => photo.uri;

/** Put only the fields that have a value: ninjs has no use for empty strings and empty lists. */
export function withValues(entries: Array<[string, Json | undefined]>): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of entries) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out;
}

function pictureAssociation(story: Story, picture: Story['pictures'][number]): JsonObject {
  const { meta, options } = story;
  const href = absoluteHref(picture);
  return withValues([
    ['name', picture.name],
    ['uri', picture.guid],
    ['type', 'picture'],
    ['version', String(options.version)],
    ['firstCreated', options.firstCreated],
    ['versionCreated', options.versionCreated],
    ['pubStatus', 'usable'],
    ['language', meta.language],
    ['copyrightHolder', meta.source],
    ['by', picture.credit],
    [
      'descriptions',
      [
        ...(picture.captionLine ? [{ role: 'caption', value: picture.captionLine }] : []),
        ...(picture.alt ? [{ role: 'alt', value: picture.alt }] : []),
      ],
    ],
    [
      'renditions',
      [
        withValues([
          ['name', 'highRes'],
          ['href', href ?? undefined],
          ['contentType', picture.file.mime],
          ['width', picture.file.width],
          ['height', picture.file.height],
          ['sizeInBytes', picture.file.byteLength],
        ]),
      ],
    ],
  ]);
}

function ninjs31Object(story: Story): JsonObject {
  const { meta, options } = story;
  return withValues([
    ['uri', story.ids.text],
    ['standard', { name: 'ninjs', version: '3.1', schema: SCHEMA_ID['3.1'] }],
    ['type', 'text'],
    ['representationType', 'full'],
    ['version', String(options.version)],
    ['firstCreated', options.firstCreated],
    ['versionCreated', options.versionCreated],
    ['contentCreated', options.firstCreated],
    ['embargoedUntil', meta.embargo ?? undefined],
    ['pubStatus', 'usable'],
    ['urgency', meta.urgency],
    ['language', meta.language],
    ['copyrightHolder', meta.source],
    ['edNote', meta.editorialNote],
    ['slugline', meta.slugline],
    [
      'headlines',
      [...(meta.headline ? [{ role: 'main', value: meta.headline }] : []), ...(meta.subheadline ? [{ role: 'sub', value: meta.subheadline }] : [])],
    ],
    ['descriptions', meta.sapo ? [{ role: 'summary', value: meta.sapo }] : []],
    ['by', meta.byline],
    ['located', meta.location],
    ['genres', [{ name: 'Interview', uri: GENRE_INTERVIEW_URI }]],
    [
      'subjects',
      [
        ...(meta.section ? [{ name: meta.section, rel: 'section' }] : []),
        ...meta.subjects.map((s) => ({ name: s.name, uri: SUBJECT_CODE_URI + s.code, rel: 'subject' })),
        ...meta.keywords.map((k) => ({ name: k, rel: 'keyword' })),
      ],
    ],
    [
      'bodies',
      [
        {
          role: 'main',
          contentType: 'application/xhtml+xml',
          wordCount: story.wordCount,
          value: xhtmlBodyFragment(story, absoluteHref),
        },
      ],
    ],
    ['associations', story.pictures.map((p) => pictureAssociation(story, p))],
  ]);
}

/** 3.1 names that 2.2 spells differently; every other 3.1 name is the 2.2 name lower-cased. */
const RENAMED_IN_22: Readonly<Record<string, string>> = { embargoedUntil: 'embargoed' };

function toNinjs22(value: Json, inAssociation = false): Json {
  if (Array.isArray(value)) return value.map((v) => toNinjs22(v, inAssociation));
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    if (inAssociation && key === 'rel') continue; // 2.2 associations have no rel
    out[RENAMED_IN_22[key] ?? key.toLowerCase()] = toNinjs22(v, key === 'associations');
  }
  return out;
}

/** The ninjs 3.1 object (for callers that embed it); exportNinjs31 gives the file text. */
export function ninjs31(doc: Interview, options: ExportOptions): JsonObject {
  return ninjs31Object(buildStory(doc, options));
}

/** The ninjs 2.2 object. */
export function ninjs22(doc: Interview, options: ExportOptions): JsonObject {
  const object = toNinjs22(ninjs31(doc, options)) as JsonObject;
  object.standard = { name: 'ninjs', version: '2.2', schema: SCHEMA_ID['2.2'] };
  return object;
}

export const jsonText = (value: JsonObject) => `${JSON.stringify(value, null, 2)}\n`;

export function exportNinjs31(doc: Interview, options: ExportOptions): string {
  return jsonText(ninjs31(doc, options));
}

export function exportNinjs22(doc: Interview, options: ExportOptions): string {
  return jsonText(ninjs22(doc, options));
}
