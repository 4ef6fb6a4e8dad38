// Stuurwiel: the webapps speak Dutch (locales/nl.json in each webapp, Stuurwiel's own translation),
// or English or German for a browser whose first language is one of those; Camunda chooses the
// same way. Camunda marks every page as English whatever it shows, so the page's language is set
// here too, for screen readers and the browser's spelling and hyphenation.
export const TALEN = ['nl', 'en', 'de'];

export function stelPaginataalIn() {
  const eerste = ((navigator.languages && navigator.languages[0]) || navigator.language || '').split('-')[0].toLowerCase();
  document.documentElement.lang = TALEN.includes(eerste) ? eerste : TALEN[0];
  return { availableLocales: TALEN, fallbackLocale: TALEN[0] };
}
