'use strict';
// Portfolio dashboard: reads /api/dashboard and /api/opdrachten; renders tables first, charts on top.

// Whole euros without cents; an amount with cents keeps them, so sums add up to what was entered.
const geld = (() => {
  const rond = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  const metCenten = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });
  return { format: w => (Number.isInteger(w) ? rond : metCenten).format(w) };
})();
const fte = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const dagen = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
// A day the API gives as 2027-06-30 is that day everywhere; a moment's day is the municipality's (stuurwiel.tijdzone).
const dag = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const momentDag = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric',
  timeZone: document.querySelector('meta[name=tijdzone]')?.content || undefined });
const basis = document.querySelector('link[rel=stylesheet]').getAttribute('href').replace(/css\/stuurwiel\.css.*$/, '');

const staat = { pagina: 0, grootte: 25, sorteer: 'sleutel', richting: 'asc' };
// Domain codes and the names the municipality gave them (/api/domeinen).
let domeinnamen = new Map();

async function haal(pad) {
  const antwoord = await fetch(basis + pad, { headers: { Accept: 'application/json' } });
  if (antwoord.status === 401) { window.location = basis + 'login'; throw new Error('niet ingelogd'); }
  if (!antwoord.ok) {
    const fout = await antwoord.json().catch(() => ({}));
    throw new Error(fout.melding || ('Fout ' + antwoord.status));
  }
  return antwoord.json();
}

function cel(rij, inhoud, klasse) {
  const td = document.createElement('td');
  if (inhoud instanceof Node) { td.appendChild(inhoud); } else { td.textContent = inhoud ?? ''; }
  if (klasse) { td.className = klasse; }
  rij.appendChild(td);
  return td;
}

function kleur(waarde) {
  const span = document.createElement('span');
  if (waarde) { span.className = 'kleur ' + waarde; span.textContent = waarde; }
  return span;
}

/** The team's colour, and beside it the colour status-kleur.dmn computed when the two differ. */
function kleuren(team, berekend) {
  const span = document.createElement('span');
  span.appendChild(kleur(team || berekend));
  if (team && berekend && team !== berekend) {
    const ander = kleur(berekend);
    ander.classList.add('berekend');
    ander.textContent = 'berekend: ' + berekend;
    ander.title = 'Het team koos ' + team + '; de rekenregels geven ' + berekend;
    span.append(' ', ander);
  }
  return span;
}

function link(tekst, href) {
  const a = document.createElement('a');
  a.textContent = tekst;
  a.href = href;
  return a;
}

function vul(tabel, rijen, maakRij) {
  const tbody = document.querySelector(tabel + ' tbody');
  tbody.replaceChildren();
  if (rijen.length === 0) {
    const rij = tbody.insertRow();
    const td = cel(rij, 'Geen gegevens');
    td.colSpan = document.querySelectorAll(tabel + ' thead th').length;
    return;
  }
  rijen.forEach(r => { const rij = tbody.insertRow(); maakRij(rij, r); });
}

/** Options of a filter; a value may come with the text people know it by (a team's name for its code). */
function opties(select, waarden, tekst = w => w) {
  waarden.forEach(w => { const o = document.createElement('option'); o.value = w; o.textContent = tekst(w); select.appendChild(o); });
}

async function laadOpdrachten() {
  const filters = new FormData(document.getElementById('filters'));
  const params = new URLSearchParams({ pagina: staat.pagina, grootte: staat.grootte,
    sorteer: staat.sorteer + ',' + staat.richting });
  for (const [naam, waarde] of filters) { if (waarde) { params.set(naam, waarde); } }
  const lijst = await haal('api/opdrachten?' + params);
  // The export takes what the list shows: the same filters and order, all pages.
  const export_ = new URLSearchParams(params);
  export_.delete('pagina'); export_.delete('grootte');
  for (const formaat of ['xlsx', 'csv']) {
    export_.set('formaat', formaat);
    document.getElementById('export-' + formaat).href = basis + 'api/opdrachten/export?' + export_;
  }
  vul('#opdrachten', lijst.inhoud, (rij, o) => {
    cel(rij, link(o.sleutel, basis + 'dashboard/opdracht/' + encodeURIComponent(o.sleutel)), 'heel');
    cel(rij, o.titel);
    cel(rij, o.fase);
    cel(rij, kleuren(o.statusKleur, o.berekendeStatusKleur));
    cel(rij, o.team);
    cel(rij, domeinnamen.get(o.domein) || o.domein);
    cel(rij, o.gebied ? link(o.gebied, basis + 'dashboard/gebied?naam=' + encodeURIComponent(o.gebied.trim())) : '');
    cel(rij, o.budget == null ? '' : geld.format(o.budget), 'getal');
    cel(rij, o.fte == null ? '' : fte.format(o.fte), 'getal');
    cel(rij, o.einddatum ? dag.format(new Date(o.einddatum + 'T00:00:00Z')) : '', 'heel');
  });
  document.getElementById('pagina').textContent = lijst.totaal === 0 ? 'Geen opdrachten gevonden met deze selectie'
    : `Pagina ${lijst.pagina + 1} van ${lijst.aantalPaginas} (${lijst.totaal} ${lijst.totaal === 1 ? 'opdracht' : 'opdrachten'})`;
  const vorige = document.getElementById('vorige');
  const volgende = document.getElementById('volgende');
  const knopMetFocus = document.activeElement;
  vorige.disabled = lijst.pagina === 0;
  volgende.disabled = lijst.pagina + 1 >= lijst.aantalPaginas;
  // A button that is disabled while it has the focus drops it to the page; the other one takes it.
  if (knopMetFocus === volgende && volgende.disabled && !vorige.disabled) { vorige.focus(); }
  if (knopMetFocus === vorige && vorige.disabled && !volgende.disabled) { volgende.focus(); }
  // aria-sort belongs to the column header, not to the button inside it
  document.querySelectorAll('#opdrachten th button').forEach(b => {
    if (b.dataset.sorteer === staat.sorteer) {
      b.parentElement.setAttribute('aria-sort', staat.richting === 'asc' ? 'ascending' : 'descending');
    } else { b.parentElement.removeAttribute('aria-sort'); }
  });
}

function grafiek(id, type, labels, reeksen, opties = {}) {
  if (!window.Chart) { return; }
  const bestaand = Chart.getChart(id);
  if (bestaand) { bestaand.destroy(); }
  new Chart(document.getElementById(id), {
    type, data: { labels, datasets: reeksen },
    // Every bar keeps its name, also with thirty doelen; Chart.js would leave every other one out.
    options: Object.assign({ responsive: true, plugins: { legend: { position: 'bottom' } },
      scales: { x: { ticks: { autoSkip: false } } } }, opties),
  });
}

/** A group by the name people know: a domain by its name, not its code. */
const groepNaam = (groepering, m) => (groepering === 'perDomein' ? domeinnamen.get(m.groep) || m.groep : m.groep);

/** A doel leads to its impact, a gebied to its area plan, a domain to its opdrachten. */
function groepLink(groepering, m) {
  if (groepering === 'perDoel' && m.naam) { return link(`${m.groep} – ${m.naam}`, basis + 'dashboard/doel/' + encodeURIComponent(m.groep)); }
  if (groepering === 'perGebied' && m.groep !== '(geen gebied)') { return link(m.groep, basis + 'dashboard/gebied?naam=' + encodeURIComponent(m.groep)); }
  if (groepering === 'perDomein') { return link(groepNaam(groepering, m), basis + 'dashboard/?domein=' + encodeURIComponent(m.groep)); }
  return m.groep;
}

/** Money and people per domain, team, area or doel, as the select says; the table is the chart's text alternative. */
function toonMiddelen(d, groepering) {
  const soort = groepering.options[groepering.selectedIndex].text;
  const rijen = d[groepering.value];
  document.getElementById('kop-middelen').textContent = `Budget en besteding per ${soort} (opdrachten lopend of in voorbereiding)`;
  document.getElementById('kolom-groep').textContent = soort.charAt(0).toUpperCase() + soort.slice(1);
  document.getElementById('grafiek-middelen').setAttribute('aria-label', `Budget en besteed per ${soort}`);
  vul('#middelen', rijen, (rij, m) => {
    cel(rij, groepLink(groepering.value, m));
    cel(rij, m.aantal, 'getal');
    cel(rij, geld.format(m.budget), 'getal');
    cel(rij, geld.format(m.besteed), 'getal');
    cel(rij, fte.format(m.fte), 'getal');
    cel(rij, fte.format(m.ingezetteFte), 'getal');
  });
  grafiek('grafiek-middelen', 'bar', rijen.map(m => groepNaam(groepering.value, m)), [
    { label: 'Budget', data: rijen.map(m => m.budget), backgroundColor: '#8fb8d0' },
    { label: 'Besteed', data: rijen.map(m => m.besteed), backgroundColor: '#01689b' },
  ]);
}

async function laadOverzicht() {
  const [d, gebieden, domeinen] = await Promise.all([haal('api/dashboard'), haal('api/gebieden'), haal('api/domeinen')]);
  opties(document.querySelector('select[name=gebied]'), gebieden.gebieden.map(g => g.naam));
  opties(document.querySelector('select[name=fase]'), d.fasen.map(f => f.fase));
  const teamnamen = new Map(d.teams.map(t => [t.code, t.naam + (t.opgeheven ? ' (opgeheven)' : '')]));
  opties(document.querySelector('select[name=team]'), d.teams.map(t => t.code), c => teamnamen.get(c));
  // A dissolved domain stays in the filter, for the opdrachten filed under it.
  domeinnamen = new Map(domeinen.map(x => [x.code, x.naam]));
  const opgeheven = new Set(domeinen.filter(x => x.opgehevenOp).map(x => x.code));
  opties(document.querySelector('select[name=domein]'), domeinen.map(x => x.code),
    c => domeinnamen.get(c) + (opgeheven.has(c) ? ' (opgeheven)' : ''));
  // A link may carry a filter (the Domeinen page links to a domain's opdrachten).
  const gevraagd = new URLSearchParams(window.location.search);
  for (const veld of document.getElementById('filters').elements) {
    if (veld.name && gevraagd.has(veld.name) && veld.type !== 'checkbox') { veld.value = gevraagd.get(veld.name); }
  }

  // A dissolved team stays in the filter (its earlier opdrachten), not in the load.
  const bestaand = d.teams.filter(t => !t.opgeheven);
  vul('#teams', bestaand, (rij, t) => {
    if (t.overbelast) { rij.className = 'overbelast'; }
    cel(rij, t.naam + (t.overbelast ? ' (overbelast)' : ''));
    cel(rij, fte.format(t.capaciteitFte), 'getal');
    cel(rij, fte.format(t.ingezetFte), 'getal');
    cel(rij, fte.format(t.vrijFte), 'getal');
  });
  grafiek('grafiek-teams', 'bar', bestaand.map(t => t.naam), [
    { label: 'Capaciteit', data: bestaand.map(t => t.capaciteitFte), backgroundColor: '#8fb8d0' },
    { label: 'Ingezet', data: bestaand.map(t => t.ingezetFte), backgroundColor: '#01689b' },
  ]);
  const groepering = document.getElementById('groepering');
  groepering.addEventListener('change', () => toonMiddelen(d, groepering));
  toonMiddelen(d, groepering);
  document.getElementById('grafiek-fasen').setAttribute('aria-label',
    'Aantal opdrachten per fase: ' + d.fasen.map(f => `${f.fase} ${f.aantal}`).join(', '));
  grafiek('grafiek-fasen', 'bar', d.fasen.map(f => f.fase),
    [{ label: 'Opdrachten', data: d.fasen.map(f => f.aantal), backgroundColor: '#01689b' }],
    // A count has no halves: whole numbers on the axis.
    { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } });
  vul('#wachttijden', d.wachttijden, (rij, w) => {
    cel(rij, w.stap);
    cel(rij, w.gemiddeldDagen == null ? '–' : dagen.format(w.gemiddeldDagen), 'getal');
    cel(rij, w.open, 'getal');
    cel(rij, w.oudsteOpenDagen == null ? '–' : dagen.format(w.oudsteOpenDagen), 'getal');
  });
  vul('#reviews', d.reviewsKomend, (rij, r) => {
    cel(rij, momentDag.format(new Date(r.moment)));
    cel(rij, link(r.sleutel + ' – ' + r.titel, basis + 'dashboard/opdracht/' + encodeURIComponent(r.sleutel)));
    cel(rij, r.team);
  });
  inklappen('#reviews', 'reviews-aantal', d.reviewsKomend.length, false);
  vul('#telaat', d.teLaat, (rij, t) => {
    cel(rij, link(t.taak, basis + 'camunda/app/tasklist/default/#/?task=' + encodeURIComponent(t.taakId)));
    cel(rij, link(t.sleutel + ' – ' + t.titel, basis + 'dashboard/opdracht/' + encodeURIComponent(t.sleutel)));
    cel(rij, t.dagenTeLaat, 'getal');
  });
  inklappen('#telaat', 'telaat-aantal', d.teLaat.length, d.teLaatAfgekapt);
}

/** A long list shows its first rows and its count; the rest one click away, so the dashboard stays one screen. */
const ZICHTBAAR = 10;

function inklappen(tabel, aantalId, aantal, afgekapt) {
  const element = document.querySelector(tabel);
  document.getElementById(aantalId).textContent = aantal === 0 ? '' : `(${afgekapt ? 'de langst te late ' : ''}${aantal})`;
  element.parentElement.querySelectorAll(`[data-bij="${tabel}"]`).forEach(e => e.remove());
  if (afgekapt) {
    const noot = document.createElement('p');
    noot.className = 'klein';
    noot.dataset.bij = tabel;
    noot.append('Alle te late taken staan in Tasklist onder het filter ', link('Te laat', basis + 'camunda/app/tasklist/'), '.');
    element.after(noot);
  }
  if (aantal <= ZICHTBAAR) { return; }
  const rijen = [...element.tBodies[0].rows];
  const knop = document.createElement('button');
  knop.type = 'button';
  knop.className = 'link';
  knop.dataset.bij = tabel;
  knop.setAttribute('aria-controls', element.id);
  const toon = alles => {
    rijen.forEach((r, i) => { r.hidden = !alles && i >= ZICHTBAAR; });
    knop.setAttribute('aria-expanded', String(alles));
    knop.textContent = alles ? 'Toon alleen de eerste ' + ZICHTBAAR : 'Toon alle ' + aantal;
  };
  knop.addEventListener('click', () => toon(knop.getAttribute('aria-expanded') !== 'true'));
  toon(false);
  element.after(knop);
}

function meld(fout) {
  document.getElementById('status').textContent = 'Kon de gegevens niet laden: ' + fout.message;
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('filters').addEventListener('submit', e => {
    e.preventDefault(); staat.pagina = 0; laadOpdrachten().catch(meld);
  });
  document.querySelectorAll('#opdrachten th button').forEach(b => b.addEventListener('click', () => {
    staat.richting = staat.sorteer === b.dataset.sorteer && staat.richting === 'asc' ? 'desc' : 'asc';
    staat.sorteer = b.dataset.sorteer; staat.pagina = 0; laadOpdrachten().catch(meld);
  }));
  document.getElementById('vorige').addEventListener('click', () => { staat.pagina--; laadOpdrachten().catch(meld); });
  document.getElementById('volgende').addEventListener('click', () => { staat.pagina++; laadOpdrachten().catch(meld); });
  laadOverzicht().then(laadOpdrachten).catch(meld);
});
