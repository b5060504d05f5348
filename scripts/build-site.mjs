#!/usr/bin/env node
// Applies the site's configuration (site.json, or the file named by READER_SITE; checked by
// build.rs before this runs, which stops the build on any problem) to the output folder:
//   - the logo, copied to brand/logo.{svg,png} (the header, JSON-LD), and the icon (the logo
//     unless site.json names one), the favicon, and the app icons made from it (icons/*.png);
//   - the web app manifest (name, short name, description, colours, language);
//   - every page's __SITE_<key>__ tokens (index.html: the title, the accent colours in the
//     inlined stylesheet, the favicon), replaced by the configured, HTML-escaped values.
// Run by scripts/post-build.mjs right after build-facts.mjs, or by hand:
//   node scripts/build-site.mjs [dir]
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { BASE, SITE, SITE_FILE } from './site-config.mjs';
// Black or white text on the accent: the page scripts' rule (as the app's).
import { contrastText } from '../src/page/contrast.mjs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? `${root}/dist`);
const file = SITE_FILE;
const site = SITE;

// The folder the reader is served from (checked by build.rs: starts and ends with "/", only
// letters, digits and - _ . ~ between): every absolute path below starts with it.
const base = BASE;
const logoExt = site.logo.toLowerCase().endsWith('.png') ? 'png' : 'svg';
const logoFile = `brand/logo.${logoExt}`;
const logo = `${base}${logoFile}`;
mkdirSync(`${out}/brand`, { recursive: true });
copyFileSync(resolve(root, site.logo), `${out}/${logoFile}`);

// The favicon and the app icons: from `icon`, else from the logo.
const iconSource = resolve(root, site.icon ?? site.logo);
const iconExt = iconSource.toLowerCase().endsWith('.png') ? 'png' : 'svg';
const iconFile = site.icon ? `brand/icon.${iconExt}` : logoFile;
if (site.icon) copyFileSync(iconSource, `${out}/${iconFile}`);
const iconType = iconExt === 'png' ? 'image/png' : 'image/svg+xml';

/** The icon source drawn to fit a `box`-pixel square (its proportions kept). */
function rasterize(box) {
  let svg = readFileSync(iconSource);
  if (iconExt === 'png') {
    const [w, h] = [svg.readUInt32BE(16), svg.readUInt32BE(20)];
    svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><image width="${w}" height="${h}" href="data:image/png;base64,${svg.toString('base64')}"/></svg>`);
  }
  const probe = new Resvg(svg);
  const fitTo = probe.width >= probe.height ? { mode: 'width', value: box } : { mode: 'height', value: box };
  return new Resvg(svg, { fitTo }).render();
}

/** A `size`-pixel square PNG: the icon at `scale` of it, centred, on `background` (or none). */
function appIcon(size, scale, background) {
  const inner = rasterize(Math.round(size * scale));
  const x = (size - inner.width) / 2;
  const y = (size - inner.height) / 2;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">`
    + (background ? `<rect width="${size}" height="${size}" fill="${background}"/>` : '')
    + `<image x="${x}" y="${y}" width="${inner.width}" height="${inner.height}" href="data:image/png;base64,${inner.asPng().toString('base64')}"/></svg>`;
  return new Resvg(svg).render().asPng();
}

// "any" icons keep the image's own shape; the maskable one (cropped to a circle or a squircle
// by the system) and Apple's (never transparent) put it inside their safe zone on the accent.
const ICONS = {
  'icon-192.png': [192, 1, null],
  'icon-512.png': [512, 1, null],
  'maskable-512.png': [512, 0.8, site.accent.light],
  'apple-touch-icon.png': [180, 0.85, site.accent.light],
};
mkdirSync(`${out}/icons`, { recursive: true });
for (const [name, [size, scale, background]] of Object.entries(ICONS)) {
  writeFileSync(`${out}/icons/${name}`, appIcon(size, scale, background));
}

// The page background, light and dark, from the stylesheet (its one home; the app's accent
// check reads the same rule: site::page_backgrounds): the browser's theme colour, the manifest.
const pageBg = readFileSync(`${root}/style/main.css`, 'utf8').match(/--bg: light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\)/i);
if (!pageBg) {
  console.error('build-site: style/main.css sets no "--bg: light-dark(#rrggbb, #rrggbb)"');
  process.exit(1);
}
const [bgLight, bgDark] = [pageBg[1].toLowerCase(), pageBg[2].toLowerCase()];

const accentLight = site.accent.light.toLowerCase();
const accentDark = site.accent.dark.toLowerCase();
const values = {
  name: site.name,
  short_name: site.short_name,
  description: site.description,
  logo,
  icon: `${base}${iconFile}`,
  icon_type: iconType,
  accent_light: accentLight,
  accent_dark: accentDark,
  accent_light_contrast: contrastText(accentLight),
  accent_dark_contrast: contrastText(accentDark),
  bg_light: bgLight,
  bg_dark: bgDark,
  default_language: site.languages.default,
  base_path: base,
};
const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// Typefaces and radius, as CSS after the stylesheet's defaults (the values were checked by
// build.rs: font lists hold only names, quotes, commas and hyphens; the radius is 0 to 24).
const theme = [
  site.fonts?.headline && `--font-headline:${site.fonts.headline}`,
  site.fonts?.body && `--font-body:${site.fonts.body}`,
  Number.isInteger(site.radius) && `--radius:${site.radius}px`,
].filter(Boolean);
// Font files the site serves itself (fonts.files, checked by build.rs): copied to fonts/, each
// an @font-face with font-display: swap (text shows at once in the fallback), preloaded by
// every page so the face is usually there before the first paint, and precached for offline.
const fontFiles = (site.fonts?.files ?? []).map((f) => {
  const name = f.src.split('/').pop();
  return { ...f, name, url: `${base}fonts/${name}`, format: name.toLowerCase().endsWith('.woff2') ? 'woff2' : 'woff' };
});
if (fontFiles.length) mkdirSync(`${out}/fonts`, { recursive: true });
for (const f of fontFiles) copyFileSync(resolve(root, f.src), `${out}/fonts/${f.name}`);
const fontFaces = fontFiles.map((f) => `@font-face{font-family:"${f.family}";src:url("${f.url}") format("${f.format}");`
  + `font-weight:${f.weight ?? 400};font-style:${f.style ?? 'normal'};font-display:swap}`).join('');
const fontPreloads = fontFiles.map((f) => `<link rel="preload" href="${f.url}" as="font" type="font/${f.format}" crossorigin>`).join('');

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
  let filled = page;
  // The @font-face rules before the end of the inlined stylesheet (the one with the theme
  // declaration: the app's pages, not the embed demo), the preloads before the title.
  const at = page.search(THEME_RULE);
  if (fontFiles.length && at >= 0) {
    const end = page.indexOf('</style>', at);
    if (end < 0) {
      console.error(`build-site: ${name} has no end to its inlined stylesheet to put the @font-face rules in`);
      process.exit(1);
    }
    filled = `${page.slice(0, end)}${fontFaces}${page.slice(end)}`.replace(/<title>/, (t) => `${fontPreloads}${t}`);
  }
  filled = filled.replace(THEME_RULE, theme.length ? theme.join(';') : '--site-theme:none')
    // An attribute's value the minifier left unquoted (its token had no space) is quoted first:
    // the site's value may have one.
    .replace(/=([^\s"'=<>`]*__SITE_[a-z_]+__[^\s"'=<>`]*)/g, '="$1"')
    .replace(/__SITE_([a-z_]+)__/g, (token, key) => {
    if (!(key in values)) {
      console.error(`build-site: ${name} names ${token}, which the site configuration does not give`);
      process.exit(1);
    }
    replaced += 1;
    return escape(values[key]);
  });
  if (filled !== page) writeFileSync(path, filled);
}

const catalogue = (lang) => new URL(`../src/catalogs/${lang}.json`, import.meta.url);
const words = JSON.parse(readFileSync(existsSync(catalogue(site.languages.default)) ? catalogue(site.languages.default) : catalogue('en'), 'utf8'));
const manifest = {
  id: base,
  name: site.name,
  short_name: site.short_name,
  description: site.description,
  start_url: base,
  scope: base,
  display: 'standalone',
  orientation: 'any',
  theme_color: accentLight,
  background_color: bgLight,
  lang: site.languages.default,
  dir: site.languages.default === 'ar' ? 'rtl' : 'ltr',
  categories: ['news'],
  icons: [
    { src: `${base}icons/icon-192.png`, sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: `${base}icons/icon-512.png`, sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: `${base}icons/maskable-512.png`, sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    { src: `${base}${iconFile}`, sizes: 'any', type: iconType, purpose: 'any' },
  ],
  // The installed app's shortcut to the Saved page, named in the default language from the
  // app's catalogues (src/catalogs/).
  shortcuts: [{
    name: words.saved_title,
    short_name: words.nav_saved,
    url: `${base}saved`,
    icons: [{ src: `${base}icons/icon-192.png`, sizes: '192x192', type: 'image/png' }],
  }],
};
writeFileSync(`${out}/manifest.webmanifest`, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`build-site: ${site.name} (${file}): logo, ${Object.keys(ICONS).length} icons from ${site.icon ?? site.logo}, manifest, ${replaced} values in the pages`);
