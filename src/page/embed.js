// The embed view (/embed/…): its options applied to the document before the first paint, and
// its height reported to the embedding page, all without the app, so a prerendered embed is
// complete and sized before the wasm arrives (src/pages/embed.rs has the rest).
import {
  embed_parts as PARTS, prerendered_id as PRERENDERED_ID, embed_resize_message as RESIZE,
} from '../facts.json';
import { contrastText } from './contrast.mjs';
import { ROUTE, isEmbed } from './route.mjs';

function start() {
  if (!isEmbed(ROUTE)) return;
  const html = document.documentElement;
  const query = new URLSearchParams(location.search);
  html.classList.add('embed-mode');
  const theme = query.get('theme');
  if (theme === 'light' || theme === 'dark') html.setAttribute('data-theme', theme);
  // An accent colour, and black or white text on it.
  const accent = query.get('accent');
  if (accent && /^#[0-9a-f]{6}$/i.test(accent)) {
    html.style.setProperty('--accent', accent.toLowerCase());
    html.style.setProperty('--accent-contrast', contrastText(accent));
  }
  const shown = (query.get('parts') || '').split(',').map((p) => p.trim()).filter((p) => PARTS.includes(p));
  if (shown.length) html.setAttribute('data-embed-hide', PARTS.filter((p) => !shown.includes(p)).join(' '));
  // Another language than the article's: words and dates differ from the prerendered copy,
  // which waits for the app instead of the islands (src/bin/prerender.rs).
  const lang = query.get('lang');
  if (lang && lang.toLowerCase() !== (html.getAttribute('lang') || '').toLowerCase()) html.classList.add('embed-lang');

  let origin = query.get('origin') || '';
  if (!/^https?:\/\/[^/?#\s]+$/i.test(origin) || parent === window) return;
  try {
    origin = new URL(origin).origin;
  } catch {
    return;
  }
  html.classList.add('embed-managed');
  let last = '';
  const report = () => {
    const card = document.querySelector(`#${PRERENDERED_ID} .embed`) || document.querySelector('main .embed');
    if (!card) return;
    const heading = card.querySelector('h1');
    const message = {
      type: RESIZE,
      height: Math.ceil(card.getBoundingClientRect().height),
      title: heading ? heading.textContent.trim() : document.title,
    };
    const key = `${message.height}|${message.title}`;
    if (key === last) return;
    last = key;
    parent.postMessage(message, origin);
  };
  // The document's size follows the card's; a changed heading (the app's error or article
  // replacing a skeleton) is caught by the mutation observer.
  new ResizeObserver(report).observe(html);
  new MutationObserver(report).observe(html, { childList: true, subtree: true });
}
start();
