// Stuurwiel: the webapps speak Dutch (locales/nl.json in each webapp, Stuurwiel's own translation),
// or English or German for a browser whose first language is one of those; Camunda chooses the
// same way. Camunda marks every page as English whatever it shows, so the page's language is set
// here too, for screen readers and the browser's spelling and hyphenation.
export const TALEN = ['nl', 'en', 'de'];

function paginataal() {
  const eerste = ((navigator.languages && navigator.languages[0]) || navigator.language || '').split('-')[0].toLowerCase();
  return TALEN.includes(eerste) ? eerste : TALEN[0];
}

export function stelPaginataalIn() {
  document.documentElement.lang = paginataal();
  return { availableLocales: TALEN, fallbackLocale: TALEN[0] };
}

// Camunda asks for the translation only once the app has started, and some of its widgets translate
// their labels once, when they are drawn (Tasklist's search and sorting, Cockpit's process list,
// Admin's menu): drawn before the translation arrived, as happens on a busy server, they showed the
// bare key (CREATION_DATE) until the next reload. Fetched here, before the app starts (a webapp's
// config.js awaits it), the translation is in the browser's cache when Camunda asks for it; the
// server lets the browser keep it a while (VertalingenInDeCache).
export async function haalVertalingVooraf(app) {
  const basis = document.querySelector('base')?.getAttribute('app-root') ?? '';
  const versie = /[?&]bust=([^&]+)/.exec(document.querySelector('script[src*="bust="]')?.src ?? '')?.[1];
  const adres = `${basis}/app/${app}/locales/${paginataal()}.json` + (versie ? `?bust=${versie}` : '');
  try {
    await fetch(adres, { credentials: 'same-origin' });
  } catch {
    // Camunda asks again and reports a failure itself.
  }
}
