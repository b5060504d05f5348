#!/usr/bin/env node
// Applies the site's configuration (site.json, or the file named by READER_SITE; checked by
// build.rs before this runs, which stops the build on any problem) to the output folder:
//   - the logo, copied to /brand/logo.{svg,png} (the header, the favicon, JSON-LD);
//   - the web app manifest (name, short name, description, colours, language);
//   - every page's __SITE_<key>__ tokens (index.html: the title, the accent colours in the
//     inlined stylesheet, the favicon), replaced by the configured, HTML-escaped values.
// Run by scripts/post-build.mjs right after build-facts.mjs, or by hand:
//   node scripts/build-site.mjs [dir]
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? `${root}/dist`);
const file = process.env.READER_SITE ?? 'site.json';
const site = JSON.parse(readFileSync(resolve(root, file), 'utf8'));

// Black or white text on the accent, whichever has the higher WCAG contrast: the rule of
// contrast_text in src/model/embed.rs (the embed's accent uses it too).
function contrastText(hex) {
  const lum = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const l = 0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2];
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

const logoExt = site.logo.toLowerCase().endsWith('.png') ? 'png' : 'svg';
const logo = `/brand/logo.${logoExt}`;
mkdirSync(`${out}/brand`, { recursive: true });
copyFileSync(resolve(root, site.logo), `${out}${logo}`);

const accentLight = site.accent.light.toLowerCase();
const accentDark = site.accent.dark.toLowerCase();
const values = {
  name: site.name,
  short_name: site.short_name,
  description: site.description,
  logo,
  logo_type: logoExt === 'png' ? 'image/png' : 'image/svg+xml',
  accent_light: accentLight,
  accent_dark: accentDark,
  accent_light_contrast: contrastText(accentLight),
  accent_dark_contrast: contrastText(accentDark),
  default_language: site.languages.default,
};
const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// Typefaces and radius, as CSS after the stylesheet's defaults (the values were checked by
// build.rs: font lists hold only names, quotes, commas and hyphens; the radius is 0 to 24).
const theme = [
  site.fonts?.headline && `--font-headline:${site.fonts.headline}`,
  site.fonts?.body && `--font-body:${site.fonts.body}`,
  Number.isInteger(site.radius) && `--radius:${site.radius}px`,
].filter(Boolean);
let replaced = 0;
// The stylesheet's `--site-theme: none` declaration, after its defaults in :root (the
// minifier may merge that rule into the first :root one; it stays after the defaults).
const THEME_RULE = /--site-theme:\s*none/g;
if (!readFileSync(`${out}/index.html`, 'utf8').match(THEME_RULE)) {
  console.error('build-site: index.html has no "--site-theme: none" declaration (style/main.css) to put the typefaces and radius in');
  process.exit(1);
}
for (const name of readdirSync(out).filter((f) => f.endsWith('.html'))) {
  const path = `${out}/${name}`;
  const page = readFileSync(path, 'utf8');
  const filled = page.replace(THEME_RULE, theme.length ? theme.join(';') : '--site-theme:none').replace(/__SITE_([a-z_]+)__/g, (token, key) => {
    if (!(key in values)) {
      console.error(`build-site: ${name} names ${token}, which the site configuration does not give`);
      process.exit(1);
    }
    replaced += 1;
    return escape(values[key]);
  });
  if (filled !== page) writeFileSync(path, filled);
}

const manifest = {
  id: '/',
  name: site.name,
  short_name: site.short_name,
  description: site.description,
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: accentLight,
  background_color: '#f7f5f0',
  lang: site.languages.default,
  dir: site.languages.default === 'ar' ? 'rtl' : 'ltr',
  categories: ['news'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: logo, sizes: 'any', type: values.logo_type, purpose: 'any' },
  ],
  // The shortcut to the Saved page is added by the prerender (release builds), which names it
  // in the default language from the catalogues.
};
writeFileSync(`${out}/manifest.webmanifest`, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`build-site: ${site.name} (${file}): logo, manifest, ${replaced} values in the pages`);
