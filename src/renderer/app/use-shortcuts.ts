// Global keys: g then c/t/a/l/f go to Connections, Transactions, Accounts, Audit, Cards; s syncs; / searches.
import { useEffect } from 'react';
import { emitShortcut, requestSearchOnMount } from './shortcut-bus';
import { navigate, type Route } from './routes';

const GO: Record<string, Route> = {
  c: 'connections',
  t: 'transactions',
  a: 'accounts',
  l: 'audit',
  f: 'cards',
};
const CHORD_MS = 1_200;

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export interface ShortcutHandlers {
  route: Route;
  onSync: () => void;
  onHelp: () => void;
}

export function useShortcuts({ route, onSync, onHelp }: ShortcutHandlers): void {
  useEffect(() => {
    let chordStarted = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const key = event.key;
      if (chordStarted && Date.now() - chordStarted < CHORD_MS) {
        chordStarted = 0;
        const target = GO[key];
        if (target) {
          event.preventDefault();
          navigate(target);
        }
        return;
      }
      if (key === 'g') {
        chordStarted = Date.now();
      } else if (key === 's') {
        event.preventDefault();
        onSync();
      } else if (key === '/') {
        event.preventDefault();
        if (route === 'transactions' || route === 'audit') emitShortcut('search');
        else {
          requestSearchOnMount();
          navigate('transactions');
        }
      } else if (key === '?') {
        event.preventDefault();
        onHelp();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [route, onSync, onHelp]);
}
