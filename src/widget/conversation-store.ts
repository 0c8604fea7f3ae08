import type { Citation } from '../types';
import type { WireFact } from '../server/wire-types';

/** One finished message of the conversation as the widget shows and stores it. */
export interface Turn {
  role: 'user' | 'assistant';
  content: string;
  citations?: Citation[];
  facts?: WireFact[];
  understood?: string;
  /** The reply id the service sent (for feedback). */
  id?: string;
  rating?: 'up' | 'down';
  suggestions?: string[];
  grounded?: boolean;
  /** The reader pressed stop before the answer was complete. */
  stopped?: boolean;
}

export interface ConversationState {
  turns: Turn[];
  open: boolean;
}

export interface ConversationStore {
  load(): ConversationState;
  /** Merges the given fields into the stored state. */
  save(state: Partial<ConversationState>): void;
  clear(): void;
}

const VERSION = 1;
/** Enough for any real session; keeps sessionStorage (≈5 MB per origin, shared with the host) small. */
const MAX_TURNS = 60;

/**
 * Keeps the conversation in sessionStorage so it survives navigations within the tab.
 * Falls back to memory when storage is unavailable (sandboxed iframes, privacy modes, quota).
 */
export function conversationStore(endpoint: string, storage: () => Storage | null = defaultStorage): ConversationStore {
  const key = `report-qa-widget:${endpoint}`;
  let memory: ConversationState = { turns: [], open: false };
  return {
    load() {
      try {
        const raw = storage()?.getItem(key);
        if (!raw) return memory;
        const parsed = JSON.parse(raw);
        if (parsed?.v !== VERSION || !Array.isArray(parsed.turns)) return memory;
        memory = { turns: parsed.turns.filter(isTurn), open: parsed.open === true };
      } catch {
        // Unreadable or foreign data: start fresh rather than break the host page.
      }
      return memory;
    },
    save(state) {
      memory = { turns: (state.turns ?? memory.turns).slice(-MAX_TURNS), open: state.open ?? memory.open };
      try {
        storage()?.setItem(key, JSON.stringify({ v: VERSION, ...memory }));
      } catch {
        // Quota exceeded or storage blocked: the memory copy still serves this page.
      }
    },
    clear() {
      memory = { turns: [], open: memory.open };
      try {
        storage()?.removeItem(key);
      } catch {
        // Nothing to clear when storage is blocked.
      }
    },
  };
}

function defaultStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function isTurn(value: unknown): value is Turn {
  const turn = value as Turn;
  return !!turn && (turn.role === 'user' || turn.role === 'assistant') && typeof turn.content === 'string';
}
