/**
 * Hands desktop commands (application menu, files opened from the OS) to whichever part of the
 * UI handles that command type right now. A command nobody handles is a feature this screen (or
 * this version) does not have: it is dropped. Except `open-file`: the OS may hand over a file
 * while the app is still starting, so those wait for the first handler.
 */
import type { DesktopCommand, DesktopCommandType } from '../../../shared/desktop-commands';

export type CommandOf<T extends DesktopCommandType> = Extract<DesktopCommand, { type: T }>;
type AnyHandler = (command: DesktopCommand) => void;

export class CommandRouter {
  private readonly handlers = new Map<DesktopCommandType, Set<AnyHandler>>();
  private readonly unclaimedFiles: CommandOf<'open-file'>[] = [];

  dispatch = (command: DesktopCommand): void => {
    const handlers = this.handlers.get(command.type);
    if (handlers && handlers.size > 0) {
      for (const handler of [...handlers]) handler(command);
    } else if (command.type === 'open-file') {
      this.unclaimedFiles.push(command);
    }
  };

  /** Handle commands of one type; returns the unsubscribe. */
  on<T extends DesktopCommandType>(type: T, handler: (command: CommandOf<T>) => void): () => void {
    const any = handler as AnyHandler;
    let handlers = this.handlers.get(type);
    if (!handlers) this.handlers.set(type, (handlers = new Set()));
    handlers.add(any);
    if (type === 'open-file') for (const command of this.unclaimedFiles.splice(0)) any(command);
    return () => void handlers.delete(any);
  }
}
