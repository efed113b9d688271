/**
 * The folded text stored for the search index (document.search_text), computed on every save.
 *
 * Folding (NFD, marks dropped, đ→d, lower case) costs about as much as all the rest of a save on a
 * long interview, and an autosave usually changes one paragraph out of thousands. So the text is
 * folded line by line, and the lines of the last document saved are remembered: the next save of
 * it folds only the lines that changed. Folding works within a line (nothing it does crosses a
 * line break), so the result is exactly foldForSearch of the whole text.
 */
import type { Interview } from '../../shared/model/schema';
import { searchableText } from '../../shared/model/text';
import { foldForSearch } from '../../shared/text/normalize-text';

/** Lines of the last document saved, folded. Holds one document's lines, so memory stays ~2× its text. */
let remembered = new Map<string, string>();

export function foldedSearchText(doc: Interview): string {
  const previous = remembered;
  const next = new Map<string, string>();
  const folded = searchableText(doc)
    .split('\n')
    .map((line) => {
      let f = next.get(line) ?? previous.get(line);
      if (f === undefined) f = foldForSearch(line);
      next.set(line, f);
      return f;
    })
    .join('\n');
  remembered = next;
  return folded;
}
