// Black or white text on a colour, whichever has the higher WCAG 2 contrast: the rule of
// `contrast_text` in src/model/embed.rs (over `relative_luminance` in src/model/site.rs).
// tests/cases/contrast.json holds the cases both pass. Used by an embed's page script (its
// `accent` option, before the app runs) and by scripts/build-site.mjs (the site's accents).

/** WCAG 2 relative luminance of a `#rrggbb` colour (0 for black to 1 for white). */
export function relativeLuminance(hex) {
  const channel = (i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** '#000000' or '#ffffff': the text colour with the higher contrast on `hex`. */
export function contrastText(hex) {
  const l = relativeLuminance(hex);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}
