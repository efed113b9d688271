/**
 * Offline validators for the export tests: xmllint against the schemas in place in
 * ../shared/schemas (never copied into the repo), and ajv 2020 + ajv-formats + the GeoJSON schema
 * for ninjs (wire-formats.md §1, schemas/README.md).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { NITF_NS } from '../../../shared/export/nitf';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const SCHEMAS = resolve(repoRoot, '../shared/schemas');
export const XSD = {
  nitf: resolve(SCHEMAS, 'nitf/nitf-3-6.xsd'),
  g2Power: resolve(SCHEMAS, 'newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd'),
  g2Driver: resolve(SCHEMAS, 'newsml-g2/NewsML-G2_2.35-plus-NITF-3.6-driver.xsd'),
};

function xmllint(args: string[], input: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('xmllint', args, { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw new Error(`xmllint could not run (apt-get install libxml2-utils): ${run.error.message}`);
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Validate XML against an XSD with `xmllint --noout --nonet --schema`; throws with xmllint's messages. */
export function assertValidXml(xml: string, xsd: string): void {
  const { status, stderr } = xmllint(['--noout', '--nonet', '--schema', xsd, '-'], xml);
  if (status !== 0) throw new Error(`xmllint rejected the document (rc ${status}) against ${xsd}:\n${stderr.slice(0, 4000)}`);
}

/** Well-formedness only (HTML export, XHTML fragments). */
export function assertWellFormed(xml: string): void {
  const { status, stderr } = xmllint(['--noout', '--nonet', '-'], xml);
  if (status !== 0) throw new Error(`not well-formed (rc ${status}):\n${stderr.slice(0, 4000)}`);
}

/** Evaluate an XPath expression that yields a string or number (`string(…)`, `count(…)`). */
export function xpath(xml: string, expression: string): string {
  const { status, stdout, stderr } = xmllint(['--nonet', '--xpath', expression, '-'], xml);
  if (status !== 0) throw new Error(`xpath ${expression} failed (rc ${status}): ${stderr.slice(0, 2000)}`);
  return stdout.endsWith('\n') ? stdout.slice(0, -1) : stdout; // xmllint ends its output with a newline
}

/** `*[local-name()="name"]`: a step that matches an element in any namespace. */
export const el = (name: string) => `*[local-name()="${name}"]`;

/** The Superdesk-style NITF with its namespace put back, as the schemas README does with sed. */
export function withNitfNamespace(xml: string): string {
  if (!xml.includes('<nitf ')) throw new Error('no <nitf> root element');
  return xml.replace('<nitf ', `<nitf xmlns="${NITF_NS}" `);
}

export function assertValidNitf(xml: string): void {
  assertValidXml(xml, XSD.nitf);
}

export function assertValidNitfNoNamespace(xml: string): void {
  assertValidXml(withNitfNamespace(xml), XSD.nitf);
}

/** NewsML-G2 against the power XSD and the driver XSD, which also checks the NITF in inlineXML. */
export function assertValidNewsmlG2(xml: string): void {
  assertValidXml(xml, XSD.g2Power);
  assertValidXml(xml, XSD.g2Driver);
}

type Validator = ((data: unknown) => boolean) & { errors?: unknown };

function ninjsValidator(version: '3.1' | '2.2'): Validator {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(resolve(SCHEMAS, 'ninjs/GeoJSON-schema.json'), 'utf8')));
  return ajv.compile(JSON.parse(readFileSync(resolve(SCHEMAS, `ninjs/ninjs-schema_${version}.json`), 'utf8'))) as Validator;
}

const validators: Partial<Record<'3.1' | '2.2', Validator>> = {};

export function assertValidNinjs(json: string, version: '3.1' | '2.2'): void {
  const validate = (validators[version] ??= ninjsValidator(version));
  const data: unknown = JSON.parse(json);
  if (!validate(data)) throw new Error(`ninjs ${version} invalid: ${JSON.stringify(validate.errors, null, 1).slice(0, 4000)}`);
}
