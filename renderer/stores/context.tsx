import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { Desk } from './desk';

/** The desk is handed down by context so tests render screens around their own fake desk. */
export const DeskContext = createContext<Desk | null>(null);

export function useDesk(): Desk {
  const desk = useContext(DeskContext);
  if (desk === null) throw new Error('useDesk outside <DeskContext.Provider>');
  return desk;
}

type StoreKey = Exclude<keyof Desk, 'pos' | 'start' | 'now'>;
type StateOf<K extends StoreKey> = Desk[K] extends StoreApi<infer S> ? S : never;

/** `useDeskStore('cancel', (s) => s.step)`: a slice of one store, re-rendering on change. */
export function useDeskStore<K extends StoreKey, T>(key: K, select: (state: StateOf<K>) => T): T {
  const store: StoreApi<StateOf<K>> = useDesk()[key] as unknown as StoreApi<StateOf<K>>;
  return useStore<StoreApi<StateOf<K>>, T>(store, select);
}
