/**
 * A document entering the library (a save, an import, a review file, the command line, a restore):
 * checked for its shape, normalised, then checked again on its normalised form.
 *
 * The second check is the one that counts. Normalisation can make a valid document invalid: NFC
 * composes some characters into longer sequences (500 × U+FB2C is 1,000 characters after NFC),
 * cleaning can empty a field that must not be empty (a comment of only U+0085), and merging
 * adjacent runs with the same marks can join two 60,000-character runs past the 100,000 limit.
 * Checking only before normalising stored such documents, and from then on every load refused
 * them. Checked after, what is stored is exactly what a load will accept.
 */
import { normalizeInterview } from './normalize';
import { validateInterview, type ValidateResult } from './validate';

export function admitInterview(value: unknown): ValidateResult {
  const shape = validateInterview(value);
  if (!shape.ok) return shape;
  return validateInterview(normalizeInterview(shape.doc));
}
