/** Whether the keyboard shortcuts panel is open: one small store, so any button can open it. */
let open = false;
const listeners = new Set<() => void>();

function set(value: boolean): void {
  if (open === value) return;
  open = value;
  for (const listener of listeners) listener();
}

export const shortcutsPanel = {
  isOpen: (): boolean => open,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  open: () => set(true),
  close: () => set(false),
};
