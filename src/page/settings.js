// The reader's settings, applied to <html> before the first paint so a dark or large-print
// reader never sees a flash of the default. Only the values src/facts.json lists are applied
// (the same lists as the app's settings types, src/model/settings.rs; tests/facts.rs compares
// them); the app clears and reports anything else it finds.
import {
  settings_key as KEY, settings_theme as THEME, settings_font as FONT, settings_width as WIDTH,
  settings_leading as LEADING, text_sizes as SIZES,
} from '../facts.json';
import { ROUTE, isEmbed } from './route.mjs';

function apply() {
  if (isEmbed(ROUTE)) return;
  let stored;
  try {
    stored = JSON.parse(localStorage.getItem(KEY) || 'null');
  } catch {
    return;
  }
  if (!stored || typeof stored !== 'object') return;
  const html = document.documentElement;
  const allowed = { theme: THEME, font: FONT, width: WIDTH, leading: LEADING };
  for (const [key, values] of Object.entries(allowed)) {
    if (values.includes(stored[key])) html.setAttribute(`data-${key}`, stored[key]);
  }
  if (typeof stored.size === 'number' && SIZES[stored.size]) html.setAttribute('data-size', String(SIZES[stored.size]));
}
apply();
