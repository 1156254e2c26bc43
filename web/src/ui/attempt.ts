import type { ChatStore } from '../state/chat-store';

/** Runs `action`; true when it worked, else its error is shown as the screen's problem and false returned. */
export const attempt = async (store: ChatStore, action: () => Promise<unknown>): Promise<boolean> => {
  try {
    await action();
    return true;
  } catch (error) {
    store.reportProblem(error);
    return false;
  }
};
