/**
 * A TEST DOUBLE for the `electron` module, not a second implementation of it. It models the part
 * of Electron's main-process API that electron/main/ uses, just far enough to run that real code
 * under Node: `app` (events, ready, single-instance lock, quit), `BrowserWindow` + `webContents`,
 * `ipcMain` (handle/on), `Menu` built from the real template, `dialog` answering from a script,
 * `protocol.handle`, `session`, `screen` (displays a test may change), `shell.openExternal` and
 * `utilityProcess.fork` (a real Node child process, see StandInUtilityProcess). Each class `implements` the
 * subset of electron.d.ts it models, so a signature change in Electron breaks the type-check here.
 *
 * What it leaves to the page link (desktop-app.ts, over Playwright): loading a URL in a real
 * Chromium page and delivering `webContents.send` messages to the page's preload.
 * What it does not model at all is listed in docs/ARCHITECTURE.md ("The desktop harness").
 */
import type * as E from 'electron';
import { fork, type ChildProcess, type Serializable } from 'node:child_process';
import { EventEmitter } from 'node:events';

/** How the stand-in reaches the page shown by a window (Playwright, in desktop-app.ts). */
export interface PageLink {
  load(url: string): Promise<void>;
  send(channel: string, args: unknown[]): void;
}

/** An Electron-like event whose default can be prevented. */
export class StandInEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export interface ShownDialog {
  kind: 'open' | 'save' | 'message' | 'error';
  options: unknown;
}

/** The system dialogs: each shown dialog is recorded and answered from a queue the test fills. */
export class StandInDialog implements Pick<E.Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox' | 'showErrorBox'> {
  readonly shown: ShownDialog[] = [];
  readonly answers = { open: [] as E.OpenDialogReturnValue[], save: [] as E.SaveDialogReturnValue[], message: [] as number[] };

  async showOpenDialog(a: E.BaseWindow | E.OpenDialogOptions, b?: E.OpenDialogOptions): Promise<E.OpenDialogReturnValue> {
    this.shown.push({ kind: 'open', options: b ?? a });
    return this.answers.open.shift() ?? { canceled: true, filePaths: [] };
  }
  async showSaveDialog(a: E.BaseWindow | E.SaveDialogOptions, b?: E.SaveDialogOptions): Promise<E.SaveDialogReturnValue> {
    this.shown.push({ kind: 'save', options: b ?? a });
    return this.answers.save.shift() ?? { canceled: true, filePath: '' };
  }
  async showMessageBox(a: E.BaseWindow | E.MessageBoxOptions, b?: E.MessageBoxOptions): Promise<E.MessageBoxReturnValue> {
    const options = (b ?? a) as E.MessageBoxOptions;
    this.shown.push({ kind: 'message', options });
    return { response: this.answers.message.shift() ?? options.cancelId ?? 0, checkboxChecked: false };
  }
  showErrorBox(title: string, content: string): void {
    this.shown.push({ kind: 'error', options: { title, content } });
  }
}

export class StandInWebContents extends EventEmitter implements Pick<E.WebContents, 'id' | 'send' | 'setWindowOpenHandler' | 'getURL' | 'isDestroyed'> {
  private static lastId = 0;
  readonly id = ++StandInWebContents.lastId;
  /** The app URL the page shows (the page itself is served from another origin: see desktop-app.ts). */
  url = '';
  windowOpenHandler: Parameters<E.WebContents['setWindowOpenHandler']>[0] | null = null;
  destroyed = false;

  readonly link: PageLink;

  constructor(linkFor: (contents: StandInWebContents) => PageLink) {
    super();
    this.link = linkFor(this);
  }
  send(channel: string, ...args: unknown[]): void {
    if (!this.destroyed) this.link.send(channel, args);
  }
  setWindowOpenHandler(handler: Parameters<E.WebContents['setWindowOpenHandler']>[0]): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  async loadURL(url: string): Promise<void> {
    this.url = url;
    await this.link.load(url);
    this.emit('did-navigate', new StandInEvent(), url);
    this.emit('did-finish-load');
  }
  /** The IPC event Electron passes a main-process listener for a message from this page. */
  ipcEvent(): Pick<E.IpcMainEvent, 'sender' | 'senderFrame' | 'frameId' | 'processId'> {
    return { sender: this as unknown as E.WebContents, senderFrame: { url: this.url, parent: null } as unknown as E.WebFrameMain, frameId: 1, processId: 1 };
  }
}

export class StandInBrowserWindow extends EventEmitter implements Pick<E.BrowserWindow, 'show' | 'focus' | 'isFocused' | 'maximize' | 'isMaximized' | 'isMinimized' | 'minimize' | 'restore' | 'isDestroyed' | 'destroy' | 'close' | 'getNormalBounds' | 'isVisible' | 'setFullScreen' | 'isFullScreen' | 'getBounds'> {
  readonly webContents: StandInWebContents;
  visible = false;
  maximized = false;
  minimized = false;
  fullScreen = false;
  destroyed = false;

  constructor(
    readonly electron: StandInElectron,
    readonly options: E.BrowserWindowConstructorOptions,
  ) {
    super();
    this.webContents = new StandInWebContents(electron.pageLink);
    electron.windows.push(this);
    electron.app.emit('web-contents-created', new StandInEvent(), this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    await this.webContents.loadURL(url);
    this.emit('ready-to-show');
  }
  show(): void {
    this.visible = true;
    this.focus();
  }
  isVisible(): boolean {
    return this.visible;
  }
  focus(): void {
    this.minimized = false;
    if (this.electron.focused === this) return;
    this.electron.focused = this;
    this.emit('focus');
    this.electron.app.emit('browser-window-focus', new StandInEvent(), this);
  }
  isFocused(): boolean {
    return this.electron.focused === this;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  minimize(): void {
    this.minimized = true;
    if (this.electron.focused === this) this.electron.focused = null;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  setFullScreen(flag: boolean): void {
    this.fullScreen = flag;
  }
  isFullScreen(): boolean {
    return this.fullScreen;
  }
  /**
   * Where the window is: as asked for; without a position, centred on the primary display's work
   * area, as Electron places it.
   */
  getNormalBounds(): E.Rectangle {
    const { width = 800, height = 600 } = this.options;
    if (this.options.x !== undefined && this.options.y !== undefined) return { x: this.options.x, y: this.options.y, width, height };
    const area = this.electron.displays[0]!.workArea;
    return { x: area.x + Math.round((area.width - width) / 2), y: area.y + Math.round((area.height - height) / 2), width, height };
  }
  getBounds(): E.Rectangle {
    return this.getNormalBounds();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** As Electron: 'close' may be prevented by a listener; otherwise the window goes. */
  close(): void {
    if (this.destroyed) return;
    const event = new StandInEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    const list = this.electron.windows;
    list.splice(list.indexOf(this), 1);
    if (this.electron.focused === this) this.electron.focused = null;
    this.emit('closed');
    if (list.length === 0) this.electron.app.allWindowsClosed();
  }
}

export class StandInMenuItem {
  readonly id: string;
  readonly label: string;
  readonly role?: string;
  readonly type: string;
  readonly accelerator?: string;
  readonly submenu: StandInMenu | null;
  readonly click?: (item: StandInMenuItem, window: StandInBrowserWindow | undefined, event: unknown) => void;
  enabled: boolean;
  visible: boolean;
  private isChecked: boolean;

  constructor(
    options: E.MenuItemConstructorOptions,
    readonly menu: StandInMenu,
  ) {
    this.id = options.id ?? '';
    this.label = options.label ?? '';
    this.role = options.role;
    this.type = options.type ?? (options.submenu ? 'submenu' : 'normal');
    this.accelerator = options.accelerator;
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    this.isChecked = options.checked ?? false;
    this.click = options.click as StandInMenuItem['click'];
    this.submenu = Array.isArray(options.submenu) ? StandInMenu.fromTemplate(options.submenu) : null;
  }

  get checked(): boolean {
    return this.isChecked;
  }
  /** As Electron: checking a radio item unchecks the others of its group (the adjacent radio items). */
  set checked(value: boolean) {
    if (value && this.type === 'radio') for (const other of this.menu.radioGroupOf(this)) other.isChecked = false;
    this.isChecked = value;
  }
}

export class StandInMenu implements Pick<E.Menu, 'getMenuItemById'> {
  readonly items: StandInMenuItem[] = [];

  static fromTemplate(template: E.MenuItemConstructorOptions[]): StandInMenu {
    const menu = new StandInMenu();
    for (const options of template) menu.items.push(new StandInMenuItem(options, menu));
    return menu;
  }
  getMenuItemById(id: string): E.MenuItem | null {
    return this.find(id) as unknown as E.MenuItem | null;
  }
  find(id: string): StandInMenuItem | null {
    for (const item of this.items) {
      if (item.id === id) return item;
      const inner = item.submenu?.find(id);
      if (inner) return inner;
    }
    return null;
  }
  /** Every item, depth first. */
  all(): StandInMenuItem[] {
    return this.items.flatMap((i) => [i, ...(i.submenu ? i.submenu.all() : [])]);
  }
  radioGroupOf(item: StandInMenuItem): StandInMenuItem[] {
    const i = this.items.indexOf(item);
    let start = i;
    let end = i;
    while (start > 0 && this.items[start - 1]!.type === 'radio') start--;
    while (end < this.items.length - 1 && this.items[end + 1]!.type === 'radio') end++;
    return this.items.slice(start, end + 1);
  }
}

export class StandInApp extends EventEmitter implements Pick<E.App, 'whenReady' | 'isReady' | 'requestSingleInstanceLock' | 'quit' | 'exit' | 'getPath' | 'setPath' | 'getVersion' | 'getPreferredSystemLanguages' | 'enableSandbox' | 'setAboutPanelOptions' | 'showAboutPanel' | 'isPackaged'> {
  readonly isPackaged = false;
  /** What requestSingleInstanceLock answers (false: another instance holds the lock). */
  singleInstanceLock = true;
  exitCode: number | null = null;
  quitted = false;
  aboutPanelShown = 0;
  sandboxed = false;
  private readonly paths = new Map<string, string>();
  private ready = false;
  private readonly readyWaiters: (() => void)[] = [];
  private quitting = false;

  constructor(private readonly electron: StandInElectron) {
    super();
  }
  /** The harness makes the app ready (Electron does once Chromium has started). */
  becomeReady(): void {
    this.ready = true;
    this.emit('ready');
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }
  whenReady(): Promise<void> {
    return this.ready ? Promise.resolve() : new Promise((resolve) => this.readyWaiters.push(resolve));
  }
  isReady(): boolean {
    return this.ready;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }
  /** As Electron: 'before-quit', then every window is asked to close; a window that stays calls the quit off. */
  quit(): void {
    if (this.quitted) return;
    this.quitting = true;
    this.emit('before-quit', new StandInEvent());
    for (const win of [...this.electron.windows]) win.close();
    if (this.electron.windows.length > 0) {
      this.quitting = false;
      return;
    }
    this.finishQuit();
  }
  exit(code = 0): void {
    this.exitCode = code;
    this.quitted = true;
    this.endUtilityProcesses();
  }
  /** The last window went: Electron emits 'window-all-closed' (quitting by itself when nobody listens). */
  allWindowsClosed(): void {
    if (this.quitting) return;
    if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed');
    else this.quit();
  }
  getPath(name: Parameters<E.App['getPath']>[0]): string {
    const path = this.paths.get(name);
    if (!path) throw new Error(`stand-in app.getPath: no path set for "${name}"`);
    return path;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  getVersion(): string {
    return '0.0.0-harness';
  }
  getPreferredSystemLanguages(): string[] {
    return ['en-US'];
  }
  enableSandbox(): void {
    this.sandboxed = true;
  }
  setAboutPanelOptions(): void {}
  showAboutPanel(): void {
    this.aboutPanelShown++;
  }
  private finishQuit(): void {
    const event = new StandInEvent();
    this.emit('will-quit', event);
    if (event.defaultPrevented) return;
    this.quitted = true;
    this.emit('quit', event, 0);
    this.endUtilityProcesses();
  }
  /**
   * As Electron: the app's utility processes end with it. The main code stays loaded in this
   * process, but in Electron it would be gone: it hears nothing of their end.
   */
  private endUtilityProcesses(): void {
    for (const child of this.electron.utilityProcesses) {
      child.removeAllListeners();
      child.kill();
    }
  }
}

/** ipcMain: `handle` for invoke, EventEmitter `on` for send; the harness delivers the page's messages. */
export class StandInIpcMain extends EventEmitter implements Pick<E.IpcMain, 'handle' | 'removeHandler'> {
  private readonly handlers = new Map<string, (event: E.IpcMainInvokeEvent, ...args: unknown[]) => unknown>();

  handle(channel: string, listener: (event: E.IpcMainInvokeEvent, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`); // as Electron
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** ipcRenderer.invoke from a page. As Electron: no handler is an error the page's promise rejects with. */
  async invokeFrom(contents: StandInWebContents, channel: string, args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(contents.ipcEvent() as E.IpcMainInvokeEvent, ...args);
  }
  /** ipcRenderer.send from a page. */
  sendFrom(contents: StandInWebContents, channel: string, args: unknown[]): void {
    this.emit(channel, contents.ipcEvent(), ...args);
  }
}

export class StandInProtocol implements Pick<E.Protocol, 'registerSchemesAsPrivileged' | 'handle'> {
  readonly privileged: E.CustomScheme[] = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();

  registerSchemesAsPrivileged(schemes: E.CustomScheme[]): void {
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: GlobalRequest) => GlobalResponse | Promise<GlobalResponse>): void {
    this.handlers.set(scheme, handler);
  }
  /** What the page's request for `url` gets from the registered handler (its headers and body as the page sent them: a Range, an upload). */
  async fetch(url: string, method = 'GET', init: { headers?: Record<string, string>; body?: Buffer | null } = {}): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) return new Response('no protocol handler', { status: 404 });
    const body = init.body && method !== 'GET' && method !== 'HEAD' ? new Uint8Array(init.body) : undefined;
    return handler(new Request(url, { method, headers: init.headers, body }));
  }
}

/**
 * TEST DOUBLE of a utilityProcess: a real Node child process (child_process.fork, with an IPC
 * channel using structured-clone serialisation, as Electron's postMessage), running the real
 * module it is given. parent-port.ts, preloaded in the child, maps the IPC channel to
 * `process.parentPort`. Events as Electron's: 'spawn', 'message' (the value), 'exit' (a code).
 */
export class StandInUtilityProcess extends EventEmitter implements Pick<E.UtilityProcess, 'postMessage' | 'kill' | 'pid'> {
  /** Every one still running, of every run: the harness ends them before removing their files. */
  static readonly running = new Set<StandInUtilityProcess>();
  readonly child: ChildProcess;
  exited = false;

  constructor(
    readonly modulePath: string,
    args: string[],
    options: E.ForkOptions,
    parentPortShim: string,
  ) {
    super();
    this.child = fork(modulePath, args, {
      execArgv: ['--require', parentPortShim],
      serialization: 'advanced',
      env: options.env ? ({ ...options.env } as NodeJS.ProcessEnv) : process.env,
      cwd: options.cwd,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('spawn', () => this.emit('spawn'));
    this.child.on('message', (message) => this.emit('message', message));
    StandInUtilityProcess.running.add(this);
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      StandInUtilityProcess.running.delete(this);
      this.emit('exit', code ?? (signal ? 1 : 0));
    });
  }
  get pid(): number | undefined {
    return this.exited ? undefined : this.child.pid;
  }
  postMessage(message: unknown): void {
    if (!this.exited && this.child.connected) this.child.send(message as Serializable);
  }
  kill(): boolean {
    return !this.exited && this.child.kill();
  }
  /** End every utility process of every run, their apps hearing nothing (the harness is closing). */
  static async endAll(): Promise<void> {
    const ending = [...StandInUtilityProcess.running].map((p) => {
      p.removeAllListeners();
      return p.exited ? Promise.resolve() : new Promise<void>((resolve) => (p.child.once('exit', () => resolve()), p.child.kill()));
    });
    await Promise.all(ending);
  }
  /** A crash, for tests: the process dies at once, as from a native fault. */
  crash(): void {
    this.child.kill('SIGKILL');
  }
}

/** One display at the origin, unless a test says otherwise (the first is the primary one). */
export const DEFAULT_DISPLAYS: readonly E.Display[] = [
  { id: 1, workArea: { x: 0, y: 0, width: 1280, height: 860 }, bounds: { x: 0, y: 0, width: 1280, height: 900 }, scaleFactor: 1 } as Partial<E.Display> as E.Display,
];

/** The whole stand-in `electron` module, one per simulated app run. */
export class StandInElectron {
  readonly windows: StandInBrowserWindow[] = [];
  focused: StandInBrowserWindow | null = null;
  readonly app = new StandInApp(this);
  readonly ipcMain = new StandInIpcMain();
  readonly dialog = new StandInDialog();
  readonly protocol = new StandInProtocol();
  readonly openedExternally: string[] = [];
  applicationMenu: StandInMenu | null = null;
  /** The screens, the primary one first (window placement reads their ids and work areas). */
  displays: E.Display[] = [...DEFAULT_DISPLAYS];
  /** The utility processes the app started, oldest first. */
  readonly utilityProcesses: StandInUtilityProcess[] = [];
  /** The bundled parent-port.ts each utility process preloads (load-main.ts sets it). */
  parentPortShim = '';

  constructor(readonly pageLink: (contents: StandInWebContents) => PageLink) {}
}

/** The `electron` module's exports that electron/main/ imports. */
export interface StandInModule {
  app: StandInApp;
  BrowserWindow: {
    new (options?: E.BrowserWindowConstructorOptions): StandInBrowserWindow;
    getFocusedWindow(): StandInBrowserWindow | null;
    getAllWindows(): StandInBrowserWindow[];
    fromWebContents(contents: unknown): StandInBrowserWindow | null;
  };
  Menu: { buildFromTemplate(template: E.MenuItemConstructorOptions[]): StandInMenu; setApplicationMenu(menu: StandInMenu | null): void; getApplicationMenu(): StandInMenu | null };
  ipcMain: StandInIpcMain;
  dialog: StandInDialog;
  protocol: StandInProtocol;
  session: { defaultSession: Record<'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler', () => void> };
  screen: Pick<E.Screen, 'getPrimaryDisplay' | 'getAllDisplays'>;
  shell: Pick<E.Shell, 'openExternal'>;
  utilityProcess: { fork(modulePath: string, args?: string[], options?: E.ForkOptions): StandInUtilityProcess };
}

/** The module's exports, shaped as `import { app, BrowserWindow, … } from 'electron'` reads them. */
export function electronModule(electron: StandInElectron): StandInModule {
  const windowOf = (w: StandInBrowserWindow | null | undefined) => (w && !w.destroyed ? w : null);
  class BrowserWindow extends StandInBrowserWindow {
    constructor(options: E.BrowserWindowConstructorOptions = {}) {
      super(electron, options);
    }
    static getFocusedWindow = () => windowOf(electron.focused);
    static getAllWindows = () => [...electron.windows];
    static fromWebContents = (contents: unknown) => electron.windows.find((w) => w.webContents === contents) ?? null;
  }
  const Menu = {
    buildFromTemplate: (template: E.MenuItemConstructorOptions[]) => StandInMenu.fromTemplate(template),
    setApplicationMenu: (menu: StandInMenu | null) => void (electron.applicationMenu = menu),
    getApplicationMenu: () => electron.applicationMenu,
  };
  const noop = () => undefined;
  return {
    app: electron.app,
    BrowserWindow,
    Menu,
    ipcMain: electron.ipcMain,
    dialog: electron.dialog,
    protocol: electron.protocol,
    session: { defaultSession: { setPermissionRequestHandler: noop, setPermissionCheckHandler: noop, setDevicePermissionHandler: noop } },
    screen: { getPrimaryDisplay: () => electron.displays[0]!, getAllDisplays: () => [...electron.displays] },
    shell: { openExternal: async (url: string) => void electron.openedExternally.push(url) },
    utilityProcess: {
      fork(modulePath: string, args: string[] = [], options: E.ForkOptions = {}) {
        if (!electron.app.isReady()) throw new Error('utilityProcess.fork before app ready'); // as Electron
        if (!electron.parentPortShim) throw new Error('the harness did not say where parent-port.ts is bundled');
        const child = new StandInUtilityProcess(modulePath, args, options, electron.parentPortShim);
        electron.utilityProcesses.push(child);
        return child;
      },
    },
  };
}

type GlobalRequest = Request;
type GlobalResponse = Response;
