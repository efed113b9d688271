/**
 * Spelling and tone marks in the editor: which paragraphs to send to the checker, what it found,
 * the underlines (a Slate decorator, see editor/decorations.ts), and the suggestions menu. Kept
 * outside React, like find-controller.ts, so it is tested with a plain Slate editor.
 *
 * Cheap for long interviews (2,000+ paragraphs):
 * - Findings are kept by paragraph text, so an unchanged paragraph is never checked twice and
 *   undo brings its findings straight back. Slate replaces a node it changes and never mutates
 *   one, so a paragraph object already looked at (`seen`) needs no look; after an edit, a pass
 *   over the body (identity checks only) finds the few paragraphs that changed.
 * - The pass runs once typing pauses (CHECK_DELAY_MS), and the checking itself in a worker.
 * - The decorator changes identity (which makes Slate re-decorate every node) only when an answer
 *   brings findings, and each call is a map lookup by the paragraph's text.
 * - A paragraph edited since it was checked keeps the underlines of the words the edit did not
 *   touch (carry-findings.ts) until its new text is checked.
 *
 * Never while an input method composes: a new decorator re-renders text leaves, and re-rendering
 * the leaf being composed ends the composition (Vietnamese Telex/VNI on macOS and Windows). While
 * composing, new underlines wait for compositionend.
 */
import { Element, Node, Path, Text, type Editor, type Point } from 'slate';
import type { Paragraph } from '../../../shared/model/schema';
import { WordExemptions } from '../../../shared/vietnamese/exemptions';
import { suggestionsOf, type TextFinding } from '../../../shared/vietnamese/findings';
import { noDecorations, type Decoration, type Decorator } from '../editor/decorations';
import { readingText } from './reading-text';
import { carryFindings } from './carry-findings';
import { applyReplacements, paragraphRange, paragraphsOf, replacementsOfWord, toneReplacements } from './fix-commands';
import type { CheckSettings, SpellChecker } from './protocol';

export const CHECK_DELAY_MS = 250;
/** Paragraphs per message to the worker: the first answers come back while it works on the rest. */
export const BATCH_SIZE = 100;

export interface FindingHit {
  finding: TextFinding;
  /** Path of the paragraph. */
  path: Path;
}

export interface MenuState extends FindingHit {
  /** Where to show it, in viewport (client) coordinates. */
  at: { x: number; y: number };
  /** Null while English suggestions are being worked out. */
  suggestions: string[] | null;
}

export interface SpellingControllerOptions {
  isComposing?: () => boolean;
  delayMs?: number;
  /** Called with a word the user adds to the personal dictionary. */
  addWord?: (word: string) => void;
}

export class SpellingController {
  private checker: SpellChecker | null = null;
  private settings: CheckSettings | null = null;
  private exempt = new WordExemptions();
  /** Bumped when the settings or the checker change: answers to older requests are dropped. */
  private generation = 0;
  private results = new Map<string, TextFinding[]>();
  /** The last findings shown at each paragraph path, to carry through edits (carry-findings.ts). */
  private lastShown = new Map<string, { text: string; findings: TextFinding[] }>();
  /** What the underlines show: the findings and exemptions as of the last refresh. */
  private shown: { results: ReadonlyMap<string, TextFinding[]>; exempt: WordExemptions } = { results: new Map(), exempt: this.exempt };
  private seen = new WeakSet<Paragraph>();
  /**
   * Top-level blocks whose paragraphs are all in `seen`, with how many paragraphs they hold. A
   * block object never changes (an edit replaces it), so a pass after a keystroke looks into the
   * edited block only: walking every paragraph of 20,000 and making a path for each took ~10 ms
   * and ~2 MB of garbage per pass, on the typing path.
   */
  private seenBlocks = new WeakMap<object, number>();
  private pending = new Set<string>();
  private inFlight = new Set<Promise<void>>();
  private paragraphCount = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private decorator: Decorator = noDecorations;
  private refreshWaiting = false;
  private menu: MenuState | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly isComposing: () => boolean;
  private readonly delayMs: number;
  private addWord: (word: string) => void;

  constructor(
    private readonly editor: Editor,
    options: SpellingControllerOptions = {},
  ) {
    this.isComposing = options.isComposing ?? (() => false);
    this.delayMs = options.delayMs ?? CHECK_DELAY_MS;
    this.addWord = options.addWord ?? (() => undefined);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The underlines; a new function whenever they change (see decorations.ts). */
  getDecorator = (): Decorator => this.decorator;

  getMenu = (): MenuState | null => this.menu;

  /** Use this checker (the worker); returns the function that stops it. */
  attach(checker: SpellChecker): () => void {
    this.checker = checker;
    this.restart();
    return () => {
      if (this.checker === checker) this.checker = null;
      checker.dispose();
      this.restart();
    };
  }

  /** The document's language and house style; a change checks everything again. */
  configure(settings: CheckSettings): void {
    if (this.settings && this.settings.language === settings.language && this.settings.style === settings.style) return;
    this.settings = settings;
    this.results.clear();
    this.lastShown.clear();
    this.restart();
    this.refresh();
  }

  /**
   * Participants' names and the personal dictionary; no new check is needed to apply them. The
   * underlines are redrawn only when a word found changes sides (a label typed in the
   * participants panel changes the names at every keystroke, and rarely anything underlined).
   */
  setExemptions(exempt: WordExemptions): void {
    const before = this.exempt;
    this.exempt = exempt;
    for (const findings of this.results.values()) {
      if (findings.some((f) => before.has(f.found) !== exempt.has(f.found))) {
        this.refresh();
        return;
      }
    }
  }

  setWordAdder(addWord: (word: string) => void): void {
    this.addWord = addWord;
  }

  /** The body changed: look for changed paragraphs once typing pauses. */
  documentChanged(): void {
    this.schedule(this.delayMs);
  }

  /** An input method finished composing: show what waited for it. */
  compositionEnded(): void {
    // Slate still counts as composing during compositionend itself: look again once it is over.
    setTimeout(() => {
      if (this.refreshWaiting) this.refresh();
    }, 0);
    this.schedule(this.delayMs);
  }

  /** Checks what is pending now and waits for every answer (tests, and before a fix-all). */
  async settle(): Promise<void> {
    this.scan();
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The finding at a point of the text (a click, or the caret), if there is one. */
  findingAt(point: Point): FindingHit | null {
    const path = Path.parent(point.path);
    if (!Node.has(this.editor, path)) return null;
    const paragraph = Node.get(this.editor, path);
    if (!isParagraph(paragraph)) return null;
    let offset = point.offset;
    const leaf = point.path[point.path.length - 1]!;
    for (let i = 0; i < leaf; i++) offset += paragraph.children[i]?.text.length ?? 0;
    const finding = this.visibleFindings(paragraph, path).find((f) => f.start <= offset && offset <= f.end);
    return finding ? { finding, path } : null;
  }

  /** Opens the suggestions menu for the finding at `point`; false when there is none there. */
  openMenu(point: Point, at: MenuState['at']): boolean {
    const hit = this.findingAt(point);
    if (!hit) return false;
    const suggestions = suggestionsOf(hit.finding);
    this.menu = { ...hit, at, suggestions };
    this.notify();
    if (suggestions === null && this.checker && this.settings) {
      const menu = this.menu;
      this.checker.suggest(this.settings, hit.finding.found).then(
        (found) => {
          if (this.menu !== menu) return;
          this.menu = { ...menu, suggestions: found };
          this.notify();
        },
        () => {
          if (this.menu === menu) this.menu = { ...menu, suggestions: [] };
          this.notify();
        },
      );
    }
    return true;
  }

  closeMenu(): void {
    if (this.menu === null) return;
    this.menu = null;
    this.notify();
  }

  /** Writes `replacement` in place of the menu's finding, and puts the caret after it. */
  choose(replacement: string): void {
    const menu = this.menu;
    this.closeMenu();
    if (!menu) return;
    const { finding, path } = menu;
    applyReplacements(this.editor, [{ path, start: finding.start, end: finding.end, found: finding.found, text: replacement }], true);
  }

  /** Every occurrence of the menu's word, as its first suggestion. Returns how many changed. */
  fixAllLikeThis(): number {
    const menu = this.menu;
    this.closeMenu();
    const to = menu?.suggestions?.[0];
    if (!menu || to === undefined) return 0;
    return applyReplacements(this.editor, replacementsOfWord(this.editor, menu.finding.found, to));
  }

  /** Every tone mark of the body where the house style puts it. Returns how many changed. */
  fixAllTones(): number {
    this.closeMenu();
    // English copy keeps Vietnamese names as they are spelled (check-text.ts): nothing to move.
    if (!this.settings || this.settings.language !== 'vi') return 0;
    return applyReplacements(this.editor, toneReplacements(this.editor, this.settings.style, this.exempt));
  }

  /** Adds the menu's word to the personal dictionary (its underlines go when the exemptions do). */
  addToDictionary(): void {
    const menu = this.menu;
    this.closeMenu();
    if (menu) this.addWord(menu.finding.found);
  }

  private restart(): void {
    this.generation++;
    this.seen = new WeakSet();
    this.seenBlocks = new WeakMap();
    this.pending.clear();
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.scan();
    }, delay);
  }

  /** Sends the paragraphs that changed since they were last looked at. */
  private scan(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.refreshWaiting) this.refresh();
    const { checker, settings } = this;
    if (!checker || !settings) return;
    const texts: string[] = [];
    let count = 0;
    for (const block of this.editor.children) {
      const known = this.seenBlocks.get(block);
      if (known !== undefined) {
        count += known;
        continue;
      }
      let inBlock = 0;
      for (const [paragraph] of paragraphsOf([block])) {
        inBlock++;
        if (this.seen.has(paragraph)) continue;
        this.seen.add(paragraph);
        const { text } = readingText(paragraph);
        if (text.trim() === '' || this.results.has(text) || this.pending.has(text)) continue;
        this.pending.add(text);
        texts.push(text);
      }
      this.seenBlocks.set(block, inBlock);
      count += inBlock;
    }
    this.paragraphCount = count;
    for (let i = 0; i < texts.length; i += BATCH_SIZE) this.send(checker, settings, texts.slice(i, i + BATCH_SIZE));
  }

  private send(checker: SpellChecker, settings: CheckSettings, texts: string[]): void {
    const generation = this.generation;
    const done = checker.check(settings, texts).then(
      (findings) => {
        if (generation !== this.generation) return;
        let shown = false;
        texts.forEach((text, i) => {
          this.pending.delete(text);
          const list = findings[i] ?? [];
          this.results.set(text, list);
          if (list.length > 0) shown = true;
        });
        this.forgetOldTexts();
        if (shown) this.refresh();
      },
      (error: unknown) => {
        for (const text of texts) this.pending.delete(text);
        if (generation === this.generation) console.error('Spelling: a check failed', error);
      },
    );
    const tracked = done.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  /** Drops findings of texts no longer in the document once they outnumber the paragraphs. */
  private forgetOldTexts(): void {
    if (this.results.size <= Math.max(1_000, 2 * this.paragraphCount)) return;
    const live = new Set<string>();
    for (const [paragraph] of paragraphsOf(this.editor.children)) live.add(readingText(paragraph).text);
    for (const text of this.results.keys()) if (!live.has(text)) this.results.delete(text);
  }

  /** The findings underlined in a paragraph: those of its text, or those carried through an edit. */
  private visibleFindings(paragraph: Paragraph, path: Path): TextFinding[] {
    const { results, exempt } = this.shown;
    const reading = readingText(paragraph);
    const { text } = reading;
    const key = path.join('.');
    let found = results.get(text);
    if (found) {
      if (found.length > 0) this.lastShown.set(key, { text, findings: found });
      else this.lastShown.delete(key);
    } else {
      const last = this.lastShown.get(key);
      found = last ? carryFindings(last.text, last.findings, text) : [];
    }
    if (found.length === 0) return found;
    // Found in the text as it reads; underlined, offered and fixed where it is in the paragraph.
    const kept = found.filter((f) => !exempt.has(f.found));
    return reading.struck ? kept.map((f) => ({ ...f, ...reading.toParagraph(f.start, f.end) })) : kept;
  }

  /** A new decorator from the current findings, unless an input method is composing. */
  private refresh(): void {
    if (this.isComposing()) {
      this.refreshWaiting = true;
      return;
    }
    this.refreshWaiting = false;
    this.shown = { results: new Map(this.results), exempt: this.exempt };
    this.decorator = this.results.size === 0 ? noDecorations : this.buildDecorator();
    this.notify();
  }

  private buildDecorator(): Decorator {
    // visibleFindings reads `shown`, which only refresh() replaces, together with this function.
    return ([node, path]) => {
      if (!isParagraph(node)) return [];
      const findings = this.visibleFindings(node, path);
      return findings.map(
        (f): Decoration => ({ ...paragraphRange(node, path, f.start, f.end), ...(f.kind === 'spelling' ? { spellingError: true } : { toneError: true }) }),
      );
    };
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

const isParagraph = (node: Node): node is Paragraph => !Text.isText(node) && Element.isElement(node) && node.type === 'paragraph';
