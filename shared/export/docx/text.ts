/**
 * Text as WordprocessingML can carry it. A stored document is already clean (NFC, no control
 * characters: shared/text/normalize-text.ts), but the exporter must stay valid whatever it is given,
 * so every string passes here once more: a lone surrogate becomes U+FFFD, characters XML 1.0 forbids
 * are dropped, line breaks and tabs inside a single run become spaces (the model has no line
 * breaks inside a paragraph), and the result is NFC.
 */
// Exactly the characters XML 1.0 forbids, and the C1 controls the stored text never holds.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function wordText(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD').replace(FORBIDDEN, '').replace(/[\t\r\n\u2028\u2029\u0085]/g, ' ').normalize('NFC');
}
