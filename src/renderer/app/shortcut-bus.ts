// Keyboard shortcuts that a screen answers (sync, search): the app announces them, the screen listens.
export type ShortcutAction = 'sync' | 'search';

const bus = new EventTarget();
let pendingSearch = false;

export function emitShortcut(action: ShortcutAction): void {
  bus.dispatchEvent(new Event(action));
}

export function onShortcut(action: ShortcutAction, listener: () => void): () => void {
  bus.addEventListener(action, listener);
  return () => bus.removeEventListener(action, listener);
}

/** "/" pressed on a screen without search: the transactions screen focuses its box once it mounts. */
export function requestSearchOnMount(): void {
  pendingSearch = true;
}

export function takeSearchRequest(): boolean {
  const wanted = pendingSearch;
  pendingSearch = false;
  return wanted;
}
