/**
 * Validators for the export tests.
 *
 * Every export is checked for the structure a receiver relies on (well-formed XML, the root
 * element and its namespace, the required children in order, the identifiers), always. Where the
 * official IPTC schemas are present (tests/helpers/material.ts), `assertValid…` also validates
 * against them: NITF and NewsML-G2 with libxml2 (tests/helpers/xml.ts), ninjs with ajv (JSON
 * Schema 2020-12, with the GeoJSON schema the ninjs schemas refer to). Tests whose whole point is
 * schema validity are declared with `itNeeds('schemas')`, so their absence is counted and listed.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { NITF_NS } from '../../shared/export/nitf';
import { schemasDir } from './material';
import { assertValidAgainst, assertWellFormed, xpath } from './xml';

export { assertWellFormed, xpath } from './xml';

export const NEWSML_NS = 'http://iptc.org/std/nar/2006-10-01/';

type Xsd = 'nitf' | 'g2Power' | 'g2Driver';
const XSD_FILES: Record<Xsd, string> = {
  nitf: 'nitf/nitf-3-6.xsd',
  g2Power: 'newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd',
  g2Driver: 'newsml-g2/NewsML-G2_2.35-plus-NITF-3.6-driver.xsd',
};

/** The path of one of the IPTC XSDs; throws where the schemas are absent (use `itNeeds('schemas')`). */
export function xsd(name: Xsd): string {
  const dir = schemasDir();
  if (dir === null) throw new Error('the IPTC schemas are absent: declare this test with itNeeds("schemas")');
  return resolve(dir, XSD_FILES[name]);
}

/** Validate against one XSD (needs the schemas). */
export function assertValidXml(xml: string, schema: Xsd): void {
  assertValidAgainst(xml, xsd(schema));
}

/** `*[local-name()="name"]`: a step that matches an element in any namespace. */
export const el = (name: string) => `*[local-name()="${name}"]`;

/** The Superdesk-style NITF with its namespace put back, as IPTC's schema expects it. */
export function withNitfNamespace(xml: string): string {
  if (!xml.includes('<nitf ')) throw new Error('no <nitf> root element');
  return xml.replace('<nitf ', `<nitf xmlns="${NITF_NS}" `);
}

function expectXpath(xml: string, expression: string, expected: string, what: string): void {
  const actual = xpath(xml, expression);
  if (actual !== expected) throw new Error(`${what}: ${expression} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}

/** What NITF 3.6 requires and receivers read: root, version, head then body, body.head, body.content, media. */
export function assertNitfStructure(xml: string, namespace: string): void {
  assertWellFormed(xml);
  expectXpath(xml, 'concat(local-name(/*), "|", namespace-uri(/*))', `nitf|${namespace}`, 'root element');
  expectXpath(xml, 'string(/*/@version)', '-//IPTC//DTD NITF 3.6//EN', 'NITF version');
  expectXpath(xml, 'concat(local-name(/*/*[1]), "|", local-name(/*/*[2]), "|", count(/*/*))', 'head|body|2', 'nitf children');
  // An empty headline leaves out title and hedline; when present there is one, and hedline has its hl1.
  expectXpath(xml, `count(/*/${el('head')}/${el('title')}) <= 1`, 'true', 'at most one head/title');
  expectXpath(xml, `count(//${el('hedline')}[count(${el('hl1')}) != 1])`, '0', 'a hedline without exactly one hl1');
  expectXpath(xml, `count(/*/${el('body')}/${el('body.head')})`, '1', 'body.head');
  expectXpath(xml, `count(/*/${el('body')}/${el('body.content')})`, '1', 'body.content');
  const allowed = ['p', 'media', 'hl2', 'block', 'table', 'ul', 'ol', 'bq', 'pre', 'hr', 'fn', 'nitf-table', 'dl'];
  const stray = `count(/*/${el('body')}/${el('body.content')}/*[not(${allowed.map((n) => `local-name()="${n}"`).join(' or ')})])`;
  expectXpath(xml, stray, '0', 'elements NITF does not allow in body.content');
  expectXpath(xml, `count(//${el('media')}[not(@media-type) or not(${el('media-reference')})])`, '0', 'media without media-type or media-reference');
  expectXpath(xml, `count(//*[namespace-uri() != namespace-uri(/*)])`, '0', 'elements outside the NITF namespace');
}

export function assertValidNitf(xml: string): void {
  assertNitfStructure(xml, NITF_NS);
  if (schemasDir() !== null) assertValidXml(xml, 'nitf');
}

export function assertValidNitfNoNamespace(xml: string): void {
  assertNitfStructure(xml, '');
  if (schemasDir() !== null) assertValidXml(withNitfNamespace(xml), 'nitf');
}

/** What NewsML-G2 2.35 requires of a newsMessage and its items, and the inline NITF of text items. */
export function assertNewsmlG2Structure(xml: string): void {
  assertWellFormed(xml);
  expectXpath(xml, 'concat(local-name(/*), "|", namespace-uri(/*))', `newsMessage|${NEWSML_NS}`, 'root element');
  expectXpath(xml, `concat(local-name(/*/*[1]), "|", count(/*/${el('header')}/${el('sent')}), "|", local-name(/*/*[2]))`, 'header|1|itemSet', 'newsMessage children');
  const items = `/*/${el('itemSet')}/*`;
  expectXpath(xml, `count(${items}[local-name() != "newsItem" and local-name() != "packageItem"])`, '0', 'itemSet holds only items');
  expectXpath(xml, `boolean(${items})`, 'true', 'itemSet is not empty');
  const badItem = `${items}[not(@guid) or not(@version) or @standard != "NewsML-G2" or @standardversion != "2.35" or not(${el('itemMeta')}/${el('itemClass')}/@qcode) or not(*[1][local-name() = "catalogRef" or local-name() = "catalog"])]`;
  expectXpath(xml, `count(${badItem})`, '0', 'items without guid, version, standard 2.35, a catalog first or an itemClass');
  const textItems = `${items}[${el('itemMeta')}/${el('itemClass')}/@qcode = "ninat:text"]`;
  expectXpath(xml, `count(${textItems}[not(${el('contentSet')}/${el('inlineXML')}/${el('nitf')})])`, '0', 'text items carry their NITF inline');
  expectXpath(xml, `count(//${el('inlineXML')}/*[namespace-uri() != "${NITF_NS}"])`, '0', 'inline NITF in the NITF namespace');
}

/** NewsML-G2 against the power XSD and the driver XSD, which also checks the NITF in inlineXML. */
export function assertValidNewsmlG2(xml: string): void {
  assertNewsmlG2Structure(xml);
  if (schemasDir() === null) return;
  assertValidXml(xml, 'g2Power');
  assertValidXml(xml, 'g2Driver');
}

type Json = Record<string, unknown>;
/** Properties ninjs 3 spells in camelCase and ninjs 2 in lower case. */
const CAMEL_CASE_IN_3 = ['firstCreated', 'versionCreated', 'contentCreated', 'pubStatus', 'copyrightHolder', 'copyrightNotice', 'usageTerms', 'representationType', 'embargoedUntil', 'charCount', 'wordCount', 'sizeInBytes', 'contentType'];
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What ninjs requires and receivers read: `uri`, the declared standard, and the property spelling of the version. */
export function assertNinjsStructure(json: string, version: '3.1' | '2.2'): void {
  const data: unknown = JSON.parse(json);
  const fail = (why: string) => {
    throw new Error(`ninjs ${version}: ${why}`);
  };
  if (!isObject(data)) return fail('not a JSON object');
  // 3.x spells properties in camelCase, 2.x in lower case; the other version's spelling is invalid.
  const spelledFor22 = (key: string) => CAMEL_CASE_IN_3.some((name) => name.toLowerCase() === key);
  const wrong = version === '3.1' ? (key: string) => !/^[a-z][a-zA-Z]*$/.test(key) || spelledFor22(key) : (key: string) => !/^[a-z_]+$/.test(key);
  const check = (item: Json, where: string) => {
    if (typeof item.uri !== 'string' || item.uri === '') fail(`${where} has no uri`);
    for (const key of Object.keys(item)) if (wrong(key)) fail(`${where} has a property spelled for another version: ${key}`);
    for (const list of ['headlines', 'descriptions', 'bodies'] as const) {
      const value = item[list];
      if (value === undefined) continue;
      if (!Array.isArray(value) || !value.every((v) => isObject(v) && typeof v.value === 'string' && typeof v.role === 'string'))
        fail(`${where}.${list} must be a list of {role, value}`);
    }
  };
  check(data, 'the item');
  const standard = data.standard;
  if (!isObject(standard) || standard.name !== 'ninjs' || standard.version !== version) fail(`standard is ${JSON.stringify(standard)}`);
  const associations = data.associations ?? [];
  if (!Array.isArray(associations)) return fail('associations must be a list');
  associations.forEach((a, i) => (isObject(a) ? check(a, `association ${i}`) : fail(`association ${i} is not an object`)));
}

type Validator = ((data: unknown) => boolean) & { errors?: unknown };

function ninjsValidator(dir: string, version: '3.1' | '2.2'): Validator {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(resolve(dir, 'ninjs/GeoJSON-schema.json'), 'utf8')));
  return ajv.compile(JSON.parse(readFileSync(resolve(dir, `ninjs/ninjs-schema_${version}.json`), 'utf8'))) as Validator;
}

const validators: Partial<Record<'3.1' | '2.2', Validator>> = {};

export function assertValidNinjs(json: string, version: '3.1' | '2.2'): void {
  assertNinjsStructure(json, version);
  const dir = schemasDir();
  if (dir === null) return;
  const validate = (validators[version] ??= ninjsValidator(dir, version));
  if (!validate(JSON.parse(json))) throw new Error(`ninjs ${version} invalid: ${JSON.stringify(validate.errors, null, 1).slice(0, 4000)}`);
}
