/**
 * Desktop commands for React components: `useDesktopCommand('edit.find', () => …)`. Subscribes
 * to `window.desktop` once, when this module is first imported; in browser mode no command ever
 * arrives and the hook does nothing.
 *
 * The desktop build's menu enables exactly the commands some mounted component handles: the
 * list is sent to the main process whenever it changes, once per task, so a screen change
 * (one screen's handlers gone, the next one's added in the same commit) is one report.
 */
import { useEffect, useRef } from 'react';
import type { DesktopCommandType } from '../../../shared/desktop-commands';
import { desktop } from './bridge';
import { CommandRouter, type CommandOf } from './command-router';

export const desktopCommands = new CommandRouter();
if (desktop) {
  const bridge = desktop;
  bridge.onCommand(desktopCommands.dispatch);
  let reportQueued = false;
  let lastReported = '';
  desktopCommands.onHandledChange(() => {
    if (reportQueued) return;
    reportQueued = true;
    setTimeout(() => {
      reportQueued = false;
      const types = desktopCommands.handledTypes();
      const key = types.join(' ');
      if (key === lastReported) return;
      lastReported = key;
      bridge.reportHandledCommands(types);
    }, 0);
  });
}

/** Run `handler` for each command of `type` while the component is mounted. */
export function useDesktopCommand<T extends DesktopCommandType>(type: T, handler: (command: CommandOf<T>) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => desktopCommands.on(type, (command) => latest.current(command)), [type]);
}
