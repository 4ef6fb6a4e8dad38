'use strict';
// Follow the Impact: per doel the indicators (charts and tables), the contributing opdrachten and
// the money and people they bring. Reads /api/dashboard/impact (?doel= for one doel and the doelen under it).

// Whole euros without cents; an amount with cents keeps them, so sums add up to what was entered.
const geld = (() => {
  const rond = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  const metCenten = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });
  return { format: w => (Number.isInteger(w) ? rond : metCenten).format(w) };
})();
const fte = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const procent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });
const basis = document.querySelector('link[rel=stylesheet]').getAttribute('href').replace(/css\/stuurwiel\.css.*$/, '');
const { el } = Indicatoren;

function anker(code) {
  return 'doel-' + code.replace(/[^A-Za-z0-9_-]/g, '_');
}

function link(tekst, href) {
  const a = el('a', tekst);
  a.href = href;
  return a;
}

function tabel(caption, koppen, rijen) {
  const t = el('table', null, { class: 'tabel compact' });
  t.append(el('caption', caption));
  const kop = t.createTHead().insertRow();
  koppen.forEach(([naam, klasse]) => kop.append(el('th', naam, Object.assign({ scope: 'col' }, klasse ? { class: klasse } : {}))));
  const body = t.createTBody();
  rijen.forEach(cellen => {
    const rij = body.insertRow();
    cellen.forEach(([inhoud, klasse, isKop], n) => {
      const c = n === 0 && isKop !== false ? el('th', null, { scope: 'row' }) : rij.insertCell();
      if (c.tagName === 'TH') { rij.append(c); }
      if (inhoud instanceof Node) { c.append(inhoud); } else { c.textContent = inhoud ?? ''; }
      if (klasse) { c.className = klasse; }
    });
  });
  return t;
}

function middelen(d) {
  const rij = (naam, m) => [[naam], [m.aantal, 'getal'], [geld.format(m.budget), 'getal'], [geld.format(m.besteed), 'getal'],
    [fte.format(m.fte), 'getal'], [fte.format(m.ingezetteFte), 'getal']];
  const rijen = [rij('Direct aan dit doel', d.middelen)];
  if (d.middelenInclusiefOnderliggend.aantal !== d.middelen.aantal) {
    rijen.push(rij('Met onderliggende doelen', d.middelenInclusiefOnderliggend));
  }
  return tabel('Mensen en middelen (opdrachten lopend of in voorbereiding)', [['Gekoppeld'], ['Opdrachten', 'getal'], ['Budget', 'getal'],
    ['Besteed', 'getal'], ['FTE gepland', 'getal'], ['FTE ingezet', 'getal']], rijen);
}

function opdrachten(d) {
  if (d.opdrachten.length === 0) { return el('p', 'Geen opdrachten die u mag zien dragen direct bij aan dit doel.', { class: 'klein' }); }
  return tabel('Bijdragende opdrachten', [['Opdracht'], ['Fase'], ['Kleur'], ['Team'], ['Verwachte bijdrage'],
    ['Gewicht (aandeel)', 'getal'], ['Budget', 'getal'], ['FTE', 'getal']],
  d.opdrachten.map(o => [[link(`${o.sleutel} – ${o.titel}`, basis + 'dashboard/opdracht/' + encodeURIComponent(o.sleutel))],
    [o.fase], [kleur(o.statusKleur)], [o.team], [o.bijdrage || '–'],
    [`${o.gewicht} (${procent.format(o.aandeel)})`, 'getal'], [o.budget == null ? '–' : geld.format(o.budget), 'getal'],
    [o.fte == null ? '–' : fte.format(o.fte), 'getal']]));
}

function kleur(waarde) {
  const span = el('span');
  if (waarde) { span.className = 'kleur ' + waarde; span.textContent = waarde; }
  return span;
}

/**
 * Beyond this many doelen the overview shows each doel with its money and people, and opens its
 * indicators and opdrachten on request: a department with forty doelen would otherwise get a page
 * of a hundred charts. One doel's own page shows everything.
 */
const UITGEKLAPT_TOT = 5;

function doelSectie(d, enkel, inklappen) {
  const sectie = el('section', null, { class: 'doel', id: anker(d.code), 'aria-labelledby': 'kop-' + anker(d.code) });
  sectie.style.setProperty('--niveau', d.niveau);
  const kop = el('h2', null, { id: 'kop-' + anker(d.code) });
  kop.append(el('span', d.soort.replace('_', ' '), { class: 'soort' }), ` ${d.code} – ${d.naam}`);
  sectie.append(kop);
  if (!enkel) {
    sectie.append(el('p', null, { class: 'klein' }));
    sectie.lastChild.append(link('Alleen dit doel bekijken', basis + 'dashboard/doel/' + encodeURIComponent(d.code)));
  }
  sectie.append(middelen(d));
  let houder = sectie;
  // A doel with nothing to open (an ambition above its doelen) shows its two short lines as they are.
  if (inklappen && d.indicatoren.length + d.opdrachten.length > 0) {
    houder = el('details', null, { class: 'uitklap' });
    houder.append(el('summary', `${d.indicatoren.length} ${d.indicatoren.length === 1 ? 'indicator' : 'indicatoren'}`
      + ` en ${d.opdrachten.length} bijdragende ${d.opdrachten.length === 1 ? 'opdracht' : 'opdrachten'}`));
    sectie.append(houder);
  }
  houder.append(el('h3', 'Indicatoren'));
  const kaarten = [];
  if (d.indicatoren.length === 0) {
    houder.append(el('p', 'Dit doel heeft nog geen indicator: niemand meet of het dichterbij komt.', { class: 'klein' }));
  }
  d.indicatoren.forEach(i => { const k = Indicatoren.kaart(i, 'h4'); kaarten.push(k); houder.append(k); });
  houder.append(el('h3', 'Opdrachten die bijdragen'), opdrachten(d));
  return [sectie, kaarten, houder === sectie ? null : houder];
}

async function laad() {
  const doel = document.getElementById('inhoud').dataset.doel;
  const antwoord = await fetch(basis + 'api/dashboard/impact' + (doel ? '?doel=' + encodeURIComponent(doel) : ''),
    { headers: { Accept: 'application/json' } });
  if (antwoord.status === 401) { window.location = basis + 'login'; return; }
  if (!antwoord.ok) { throw new Error(antwoord.status === 404 ? 'dit doel bestaat niet' : 'fout ' + antwoord.status); }
  const impact = await antwoord.json();
  if (doel && impact.doelen.length) {
    document.getElementById('titel').textContent = `Impact – ${impact.doelen[0].code} ${impact.doelen[0].naam}`;
    document.title = `Impact ${impact.doelen[0].code} – Stuurwiel`;
  }
  const houder = document.getElementById('doelen');
  // Drawn again after a meting: what the reader had opened stays open.
  const open = new Set([...houder.querySelectorAll('details.uitklap[open]')].map(u => u.closest('section.doel').id));
  houder.replaceChildren();
  document.querySelector('#inhoudsopgave ul').replaceChildren();
  if (impact.doelen.length === 0) { houder.append(el('p', 'Er zijn nog geen doelen.')); }
  const inhoud = document.querySelector('#inhoudsopgave ul');
  const teTekenen = [];
  const inklappen = !doel && impact.doelen.length > UITGEKLAPT_TOT;
  impact.doelen.forEach(d => {
    const [sectie, kaarten, uitklap] = doelSectie(d, Boolean(doel) && d.niveau === 0, inklappen);
    houder.append(sectie);
    if (uitklap) {
      // A chart needs its width: it is drawn when its doel is first opened.
      let getekend = false;
      uitklap.addEventListener('toggle', () => {
        if (uitklap.open && !getekend) { getekend = true; kaarten.forEach(k => k.tekenen()); }
      });
      uitklap.open = open.has(sectie.id);
    } else {
      teTekenen.push(...kaarten);
    }
    const li = el('li');
    li.style.setProperty('--niveau', d.niveau);
    li.append(link(`${d.code} – ${d.naam}`, '#' + anker(d.code)));
    inhoud.append(li);
  });
  document.getElementById('inhoudsopgave').hidden = impact.doelen.length < 2;
  teTekenen.forEach(k => k.tekenen());
  document.getElementById('status').textContent =
    `${impact.doelen.length} ${impact.doelen.length === 1 ? 'doel' : 'doelen'}, stand van ${Indicatoren.datum(impact.peildatum)}`;
}

document.addEventListener('DOMContentLoaded', () => {
  laad().catch(fout => { document.getElementById('status').textContent = 'Kon de impact niet laden: ' + fout.message; });
  // A meting entered on a card changes its figures, chart and status: draw the page again.
  document.addEventListener('meting-opgeslagen', e => laad()
    .then(() => { document.getElementById('status').textContent = e.detail.tekst; Indicatoren.naarKaart(e.detail); })
    .catch(fout => { document.getElementById('status').textContent = 'Kon de impact niet laden: ' + fout.message; }));
});
