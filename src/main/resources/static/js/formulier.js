'use strict';
// What the dashboard's forms share: the API call with the CSRF token, Dutch decimals, and the
// server's errors per field shown at the field (aria-invalid, the first one focused).

const Formulier = (() => {
  const basis = document.querySelector('link[rel=stylesheet]').getAttribute('href').replace(/css\/stuurwiel\.css.*$/, '');

  function el(tag, tekst, attributen = {}) {
    const e = document.createElement(tag);
    if (tekst != null) { e.textContent = tekst; }
    Object.entries(attributen).forEach(([k, v]) => e.setAttribute(k, v));
    return e;
  }

  async function verstuur(methode, pad, lichaam) {
    const koppen = { Accept: 'application/json' };
    if (lichaam !== undefined) { koppen['Content-Type'] = 'application/json'; }
    koppen[document.querySelector('meta[name=csrf-kop]').content] = document.querySelector('meta[name=csrf-token]').content;
    return fetch(basis + pad, { method: methode, headers: koppen, body: lichaam === undefined ? undefined : JSON.stringify(lichaam) });
  }

  /**
   * A number typed the Dutch way: the comma is the decimal sign and points between groups of three
   * digits group thousands ("125.000" is 125000, "12.500,50" is 12500.5), as in Tasklist's forms.
   * A lone point before other than three digits ("4.5", "0.500") stays a decimal point. Anything
   * else goes to the server as typed, which names the field.
   */
  function getal(tekst) {
    const t = tekst.trim().replace(/\s/g, '');
    if (t === '') { return null; }
    const zonderGroepen = /^-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(t) ? t.replace(/\./g, '') : t;
    if (/^-?\d+,\d+$/.test(zonderGroepen)) { return Number(zonderGroepen.replace(',', '.')); }
    // Not a number: as typed, so the server's message quotes what the user sees.
    return /^-?\d+(\.\d+)?$/.test(zonderGroepen) ? Number(zonderGroepen) : tekst.trim();
  }

  /** A field's errors, also those of its parts ("tussendoelen.2027"). */
  function hoortBij(sleutel, naam) {
    return sleutel === naam || sleutel.startsWith(naam + '.');
  }

  /**
   * Shows each error at the visible field of that name (in the element "fout-" + the field's id),
   * and above the form the message with the errors no visible field shows.
   */
  function toonFouten(formulier, velden = {}, melding = null) {
    const getoond = new Set();
    let eerste = null;
    [...formulier.elements].filter(e => e.name && e.id).forEach(invoer => {
      const eigen = invoer.type === 'hidden' || invoer.closest('[hidden]') ? [] : Object.keys(velden).filter(k => hoortBij(k, invoer.name));
      eigen.forEach(k => getoond.add(k));
      const tekst = eigen.map(k => (k === invoer.name ? velden[k] : `${k.slice(invoer.name.length + 1)}: ${velden[k]}`)).join('; ');
      const plek = document.getElementById('fout-' + invoer.id);
      if (plek) { plek.textContent = tekst; }
      if (tekst) {
        invoer.setAttribute('aria-invalid', 'true');
        eerste = eerste || invoer;
      } else {
        invoer.removeAttribute('aria-invalid');
      }
    });
    const overig = Object.keys(velden).filter(k => !getoond.has(k)).map(k => `${k}: ${velden[k]}`);
    const tekst = [melding, ...overig].filter(Boolean).join(' ');
    const fout = formulier.querySelector('.melding.fout');
    fout.hidden = !tekst;
    fout.textContent = tekst;
    if (eerste) {
      eerste.focus();
    } else if (tekst) {
      // No field to go to (the session ended, the server failed): the message takes the focus.
      fout.setAttribute('tabindex', '-1');
      fout.focus();
    }
  }

  /** The error body of a refused request: its message and its errors per field. */
  async function fout(antwoord) {
    if (antwoord.status === 401) {
      return { velden: {}, melding: 'Uw sessie is verlopen. Log opnieuw in in een nieuw tabblad en verstuur dan opnieuw: wat u hier invulde, blijft staan.' };
    }
    const f = await antwoord.json().catch(() => ({}));
    return { velden: f.velden || {}, melding: f.melding || 'Fout ' + antwoord.status };
  }

  /** Shows a refused request's errors: at the fields when it names any, else its message. */
  async function toonAntwoord(formulier, antwoord) {
    const { velden, melding } = await fout(antwoord);
    toonFouten(formulier, velden, Object.keys(velden).length ? 'Controleer de gemarkeerde velden.' : melding);
  }

  const dag = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  /** A day as the API gives it (2026-12-05) in Dutch (5 dec 2026), the same day in every time zone. */
  const datum = iso => { const [j, m, d] = iso.split('-').map(Number); return dag.format(Date.UTC(j, m - 1, d)); };

  /** A refused action outside a form (dissolving, deleting), in the page's alert. */
  function meldFout(tekst) {
    const melding = document.getElementById('paginafout');
    melding.textContent = tekst;
    melding.hidden = false;
  }

  return { basis, el, verstuur, getal, toonFouten, fout, toonAntwoord, datum, meldFout };
})();
