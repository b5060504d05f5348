// Messages from the service worker ("a saved article was updated") that arrive before the app
// or the islands listen: the browser delivers them from DOMContentLoaded on, and the code
// starts later. Kept here; the app takes them when it starts listening (src/contexts/offline.rs).
// A sandboxed frame, such as an embed, throws on reading navigator.serviceWorker: caught.
import { early_messages_global as EARLY_MESSAGES } from '../facts.json';

try {
  if ('serviceWorker' in navigator) {
    window[EARLY_MESSAGES] = [];
    navigator.serviceWorker.addEventListener('message', (e) => {
      const kept = window[EARLY_MESSAGES];
      if (kept) kept.push(e.data);
    });
  }
} catch {
  // no service worker here
}
