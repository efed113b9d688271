/**
 * Hands desktop commands (application menu, files opened from the OS) to whichever part of the
 * UI handles that command type right now, and keeps the list of those types current so the menu
 * can enable exactly them (as VS Code's menus follow its context keys): a menu item whose
 * command no screen part handles is greyed out, never a click that does nothing.
 *
 * A command that still arrives with no handler (the screen changed between the click and its
 * delivery, or a handler is missing) is reported through `onUnhandled`: a console error in the
 * app, which the desktop harness turns into a test failure. Except `open-file`: the OS may hand
 * over a file while the app is still starting, so those wait for the first handler.
 */
import type { DesktopCommand, DesktopCommandType } from '../../../shared/desktop-commands';

export type CommandOf<T extends DesktopCommandType> = Extract<DesktopCommand, { type: T }>;
type AnyHandler = (command: DesktopCommand) => void;

export interface CommandRouterOptions {
  /** A command arrived that nothing on screen handles. */
  onUnhandled?: (command: DesktopCommand) => void;
}

export class CommandRouter {
  private readonly handlers = new Map<DesktopCommandType, Set<AnyHandler>>();
  private readonly unclaimedFiles: CommandOf<'open-file'>[] = [];
  private readonly handledListeners = new Set<(types: DesktopCommandType[]) => void>();
  private readonly onUnhandled: (command: DesktopCommand) => void;

  constructor({ onUnhandled = (command) => console.error(`Desktop command "${command.type}" arrived, but nothing on this screen handles it.`) }: CommandRouterOptions = {}) {
    this.onUnhandled = onUnhandled;
  }

  dispatch = (command: DesktopCommand): void => {
    const handlers = this.handlers.get(command.type);
    if (handlers && handlers.size > 0) {
      for (const handler of [...handlers]) handler(command);
    } else if (command.type === 'open-file') {
      this.unclaimedFiles.push(command);
    } else {
      this.onUnhandled(command);
    }
  };

  /** Handle commands of one type; returns the unsubscribe. */
  on<T extends DesktopCommandType>(type: T, handler: (command: CommandOf<T>) => void): () => void {
    const any = handler as AnyHandler;
    let handlers = this.handlers.get(type);
    if (!handlers) this.handlers.set(type, (handlers = new Set()));
    const before = handlers.size;
    handlers.add(any);
    if (before === 0) this.handledChanged();
    if (type === 'open-file') for (const command of this.unclaimedFiles.splice(0)) any(command);
    return () => {
      if (handlers.delete(any) && handlers.size === 0) this.handledChanged();
    };
  }

  /** The command types something handles now, sorted. */
  handledTypes(): DesktopCommandType[] {
    return [...this.handlers].filter(([, set]) => set.size > 0).map(([type]) => type).sort();
  }

  /** Called with the handled types each time that list changes; returns the unsubscribe. */
  onHandledChange(listener: (types: DesktopCommandType[]) => void): () => void {
    this.handledListeners.add(listener);
    return () => void this.handledListeners.delete(listener);
  }

  private handledChanged(): void {
    const types = this.handledTypes();
    for (const listener of [...this.handledListeners]) listener(types);
  }
}
