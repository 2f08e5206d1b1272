import { create } from 'zustand';
import type { Overview } from '../shared/messages.ts';
import { ask, currentTabId } from './messaging.ts';

interface PopupState {
  overview: Overview | null;
  error: string | null;
  refresh(): Promise<void>;
}

export const usePopup = create<PopupState>((set) => ({
  overview: null,
  error: null,
  async refresh() {
    try {
      set({ overview: await ask({ type: 'get-overview', tabId: await currentTabId() }), error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
}));
