/**
 * libxml2 for the tests, as WebAssembly (the npm package libxml2-wasm): the same parser, XPath
 * engine and XSD validator as the `xmllint` command, installed with the project, so no system
 * package is needed and the results match what newsroom systems built on libxml2 see.
 *
 * libxml2 objects live in WebAssembly memory and are freed by hand; every function here disposes
 * of what it parses before returning.
 */
import { readFileSync } from 'node:fs';
import { XmlDocument, XmlParseError, XsdValidator, xmlRegisterInputProvider } from 'libxml2-wasm';
import { fsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';

// XSDs include and import their neighbours (xml.xsd, the NITF driver's parts) by relative path.
xmlRegisterInputProvider(fsInputProviders);

function parse(xml: string): XmlDocument {
  try {
    return XmlDocument.fromString(xml);
  } catch (error) {
    if (error instanceof XmlParseError) throw new Error(`not well-formed:\n${error.message.slice(0, 4000)}`, { cause: error });
    throw error;
  }
}

function withDocument<T>(xml: string, use: (doc: XmlDocument) => T): T {
  const doc = parse(xml);
  try {
    return use(doc);
  } finally {
    doc.dispose();
  }
}

/** Throws with libxml2's message when the text is not well-formed XML. */
export function assertWellFormed(xml: string): void {
  withDocument(xml, () => undefined);
}

/**
 * Evaluates an XPath 1.0 expression that yields a string, number or boolean (`string(…)`,
 * `count(…)`, `contains(…)`), written as `xmllint --xpath` prints it.
 */
export function xpath(xml: string, expression: string): string {
  return withDocument(xml, (doc) => {
    const value = doc.eval(expression);
    if (Array.isArray(value)) throw new Error(`xpath ${expression} selects nodes; wrap it in string(…) or count(…)`);
    return String(value);
  });
}

/** The local names of the root's path of first children, and namespaces: for structure checks. */
export function rootOf(xml: string): { name: string; namespace: string } {
  return withDocument(xml, (doc) => ({ name: doc.root.name, namespace: doc.root.namespaceUri }));
}

// Compiling the NewsML-G2 power schema takes ~100 ms: once per schema per test file.
const validators = new Map<string, XsdValidator>();

function validatorFor(xsdPath: string): XsdValidator {
  let validator = validators.get(xsdPath);
  if (!validator) {
    const schema = XmlDocument.fromBuffer(readFileSync(xsdPath), { url: xsdPath });
    try {
      validator = XsdValidator.fromDoc(schema);
    } finally {
      schema.dispose();
    }
    validators.set(xsdPath, validator);
  }
  return validator;
}

/** Validates against an XSD file, as `xmllint --noout --schema`; throws with libxml2's messages. */
export function assertValidAgainst(xml: string, xsdPath: string): void {
  const validator = validatorFor(xsdPath);
  withDocument(xml, (doc) => {
    try {
      validator.validate(doc);
    } catch (error) {
      throw new Error(`the document is not valid against ${xsdPath}:\n${String((error as Error).message).slice(0, 4000)}`, { cause: error });
    }
  });
}
