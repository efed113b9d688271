/**
 * Desktop commands for React components: `useDesktopCommand('edit.find', () => …)`. Subscribes
 * to `window.desktop` once, when this module is first imported; in browser mode no command ever
 * arrives and the hook does nothing.
 */
import { useEffect, useRef } from 'react';
import type { DesktopCommandType } from '../../../shared/desktop-commands';
import { desktop } from './bridge';
import { CommandRouter, type CommandOf } from './command-router';

export const desktopCommands = new CommandRouter();
desktop?.onCommand(desktopCommands.dispatch);

/** Run `handler` for each command of `type` while the component is mounted. */
export function useDesktopCommand<T extends DesktopCommandType>(type: T, handler: (command: CommandOf<T>) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => desktopCommands.on(type, (command) => latest.current(command)), [type]);
}
