'use strict';
// Area plans: without a gebied the overall plan (/api/gebieden), with one its plan on one page
// (/api/gebieden/{gebied}): key figures, opgaven by priority under their ambition, indicators.

// Whole euros without cents; an amount with cents keeps them, so sums add up to what was entered.
const geld = (() => {
  const rond = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  const metCenten = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });
  return { format: w => (Number.isInteger(w) ? rond : metCenten).format(w) };
})();
const fte = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const basis = document.querySelector('link[rel=stylesheet]').getAttribute('href').replace(/css\/stuurwiel\.css.*$/, '');
const { el } = Indicatoren;

function link(tekst, href) {
  const a = el('a', tekst);
  a.href = href;
  return a;
}

function kleur(waarde) {
  const span = el('span');
  if (waarde) { span.className = 'kleur ' + waarde; span.textContent = waarde; }
  return span;
}

/** A table whose cells are [content, class]; the first cell of a row is its header. */
function tabel(caption, koppen, rijen, voet) {
  const t = el('table', null, { class: 'tabel compact' });
  t.append(el('caption', caption));
  const kop = t.createTHead().insertRow();
  koppen.forEach(([naam, klasse]) => kop.append(el('th', naam, Object.assign({ scope: 'col' }, klasse ? { class: klasse } : {}))));
  const vul = (deel, cellen) => {
    const rij = deel.insertRow();
    cellen.forEach(([inhoud, klasse], n) => {
      const c = n === 0 ? el('th', null, { scope: 'row' }) : rij.insertCell();
      if (n === 0) { rij.append(c); }
      if (inhoud instanceof Node) { c.append(inhoud); } else { c.textContent = inhoud ?? ''; }
      if (klasse) { c.className = klasse; }
    });
  };
  const body = t.createTBody();
  rijen.forEach(cellen => vul(body, cellen));
  if (voet) { vul(t.createTFoot(), voet); }
  return t;
}

const bedrag = w => (w == null ? '–' : geld.format(w));
const capaciteit = w => (w == null ? '–' : fte.format(w));
const gebiedHref = naam => basis + 'dashboard/gebied?naam=' + encodeURIComponent(naam);
const opdrachtHref = sleutel => basis + 'dashboard/opdracht/' + encodeURIComponent(sleutel);

function cijfers(g) {
  return [[g.lopend, 'getal'], [g.inVoorbereiding, 'getal'], [g.afgerond, 'getal'], [g.groen, 'getal'],
    [g.oranje, 'getal'], [g.rood, 'getal'], [bedrag(g.budget), 'getal'], [bedrag(g.besteed), 'getal'],
    [capaciteit(g.fte), 'getal'], [capaciteit(g.ingezetteFte), 'getal']];
}

const CIJFERKOPPEN = [['Lopend', 'getal'], ['In voorbereiding', 'getal'], ['Afgerond of gestopt', 'getal'], ['Groen', 'getal'],
  ['Oranje', 'getal'], ['Rood', 'getal'], ['Budget', 'getal'], ['Besteed', 'getal'], ['FTE gepland', 'getal'],
  ['FTE ingezet', 'getal']];

function overzicht(d) {
  const alle = d.gebieden.concat(d.zonderGebied ? [d.zonderGebied] : []);
  const som = veld => alle.reduce((s, g) => s + Number(g[veld] || 0), 0);
  const totaal = {};
  ['lopend', 'inVoorbereiding', 'afgerond', 'groen', 'oranje', 'rood', 'budget', 'besteed', 'fte', 'ingezetteFte']
    .forEach(v => { totaal[v] = som(v); });
  const rijen = d.gebieden.map(g => [[link(g.naam, gebiedHref(g.naam))], ...cijfers(g)]);
  if (d.zonderGebied) { rijen.push([['Zonder gebied'], ...cijfers(d.zonderGebied)]); }
  document.getElementById('plan').append(tabel('Opdrachten, geld en capaciteit per gebied',
    [['Gebied'], ...CIJFERKOPPEN], rijen, alle.length > 1 ? [['Totaal'], ...cijfers(totaal)] : null));
  document.getElementById('status').textContent = d.gebieden.length === 0
    ? 'Nog geen opdracht die u mag zien noemt een gebied.'
    : `${d.gebieden.length} ${d.gebieden.length === 1 ? 'gebied' : 'gebieden'}`;
}

function kerncijfers(p) {
  const t = p.totaal;
  const dl = el('dl', null, { class: 'gegevens' });
  const rij = (naam, ...inhoud) => { const dd = el('dd'); dd.append(...inhoud); dl.append(el('dt', naam), dd); };
  rij('Opdrachten', `${t.lopend} lopend, ${t.inVoorbereiding} in voorbereiding, ${t.afgerond} afgerond of gestopt`);
  rij('Budget', `${bedrag(t.budget)}, waarvan besteed ${bedrag(t.besteed)}`);
  rij('Capaciteit', `${capaciteit(t.fte)} fte, waarvan ingezet ${capaciteit(t.ingezetteFte)} fte`);
  const kleuren = [];
  [['groen', t.groen], ['oranje', t.oranje], ['rood', t.rood]].filter(([, n]) => n > 0)
    .forEach(([k, n]) => { const s = kleur(k); s.textContent = `${n} ${k}`; kleuren.push(s, ' '); });
  rij('Statuskleur', ...(kleuren.length ? kleuren : ['nog geen']));
  const sectie = el('section', null, { 'aria-labelledby': 'kop-kerncijfers' });
  sectie.append(el('h2', 'Kerncijfers', { id: 'kop-kerncijfers' }), dl);
  return sectie;
}

function prioriteit(o) {
  if (o.prioriteitScore == null) { return 'nog niet gescoord'; }
  return o.prioriteitRang == null ? String(o.prioriteitScore) : `${o.prioriteitScore} (wachtrij ${o.prioriteitRang})`;
}

/**
 * The plan is one A4 on paper, as the Haarlem way of working asks: the opdrachten an opgave holds
 * beyond what fits are summed up in one line there (the screen shows them all).
 */
const REGELS_OP_PAPIER = 16;
const opPapier = aantalOpgaven => Math.max(2, Math.floor(REGELS_OP_PAPIER / Math.max(1, aantalOpgaven)));

function restOpPapier(tabelElement, opdrachten, zichtbaar) {
  const rest = opdrachten.slice(zichtbaar);
  if (rest.length === 0) { return; }
  [...tabelElement.tBodies[0].rows].slice(zichtbaar).forEach(r => r.classList.add('niet-op-papier'));
  const som = veld => rest.reduce((s, r) => s + Number(r[veld] || 0), 0);
  const rij = tabelElement.tBodies[0].insertRow();
  rij.className = 'alleen-op-papier';
  const cel = rij.insertCell();
  cel.colSpan = tabelElement.tHead.rows[0].cells.length;
  cel.textContent = `En ${rest.length} ${rest.length === 1 ? 'opdracht' : 'opdrachten'} met een lagere prioriteit: `
    + `${bedrag(som('budget'))}, ${capaciteit(som('fte'))} fte. Stuurwiel toont het hele plan.`;
}

function opgave(o, n, zichtbaar) {
  const id = 'opgave-' + n;
  const sectie = el('section', null, { class: 'opgave', 'aria-labelledby': id });
  const kop = el('h2', null, { id });
  if (o.code) {
    kop.append(el('span', o.soort.replace('_', ' '), { class: 'soort' }), ' ',
      link(`${o.code} – ${o.naam}`, basis + 'dashboard/doel/' + encodeURIComponent(o.code)));
  } else { kop.textContent = o.naam; }
  const lijst = tabel(`Opdrachten bij ${o.code ? o.code : 'geen doel'}, op volgorde van prioriteit`,
    [['Opdracht'], ['Doelen'], ['Fase'], ['Kleur'], ['Team'], ['Prioriteit', 'getal'], ['Budget', 'getal'],
      ['FTE', 'getal'], ['Einddatum']],
    o.opdrachten.map(r => [[link(`${r.sleutel} – ${r.titel}`, opdrachtHref(r.sleutel))],
      [r.doelen.map(d => d.code).join(', ') || '–'], [r.fase], [kleur(r.statusKleur)], [r.team],
      [prioriteit(r), 'getal'], [bedrag(r.budget), 'getal'], [capaciteit(r.fte), 'getal'],
      [Indicatoren.datum(r.einddatum)]]));
  restOpPapier(lijst, o.opdrachten, zichtbaar);
  sectie.append(kop, lijst);
  return sectie;
}

function indicatoren(p) {
  const sectie = el('section', null, { 'aria-labelledby': 'kop-indicatoren' });
  sectie.append(el('h2', 'Indicatoren', { id: 'kop-indicatoren' }));
  if (p.indicatoren.length === 0) {
    sectie.append(el('p', 'De doelen van deze opdrachten hebben nog geen indicator.', { class: 'klein' }));
    return sectie;
  }
  const g = Indicatoren.getal;
  sectie.append(tabel('Indicatoren van de doelen en opdrachten in dit gebied',
    [['Indicator'], ['Bij'], ['Laatste meting', 'getal'], ['Norm', 'getal'], ['Streefwaarde', 'getal'], ['Status'], ['Trend']],
    p.indicatoren.map(i => {
      const r = i.realisatie || {};
      const eenheid = i.eenheid ? ' ' + i.eenheid : '';
      return [[i.naam],
        [link(i.bij, i.doel ? basis + 'dashboard/doel/' + encodeURIComponent(i.doel) : opdrachtHref(i.opdracht))],
        [r.huidigeWaarde == null ? '–' : `${g(r.huidigeWaarde)}${eenheid} (${Indicatoren.periode(r.huidigePeriode, i.meetfrequentie)})`, 'getal'],
        [r.huidigeNorm == null ? '–' : g(r.huidigeNorm), 'getal'],
        [r.streefwaarde == null ? '–' : `${g(r.streefwaarde)} (${Indicatoren.datum(r.streefdatum)})`, 'getal'],
        [r.status ? Indicatoren.status(r.status) : (r.melding || '–')], [r.trend || '–']];
    })));
  return sectie;
}

function plan(p) {
  document.getElementById('titel').textContent = 'Gebiedsplan ' + p.gebied;
  document.title = `Gebiedsplan ${p.gebied} – Stuurwiel`;
  const houder = document.getElementById('plan');
  houder.append(kerncijfers(p));
  if (p.opgaven.length === 0) {
    houder.append(el('p', 'Geen opdracht in dit gebied loopt nog of is in voorbereiding.'));
  }
  p.opgaven.forEach((o, n) => houder.append(opgave(o, n, opPapier(p.opgaven.length))));
  houder.append(indicatoren(p));
  // The key figures count the ended opdrachten too; here they are named, so the reader knows which.
  if (p.afgesloten.length) {
    const sectie = el('section', null, { class: 'afgesloten', 'aria-labelledby': 'kop-afgesloten' });
    sectie.append(el('h2', 'Afgerond of gestopt', { id: 'kop-afgesloten' }));
    const lijst = el('ul');
    p.afgesloten.forEach(a => {
      const li = el('li');
      li.append(link(`${a.sleutel} – ${a.titel}`, opdrachtHref(a.sleutel)), ` (${a.fase})`);
      lijst.append(li);
    });
    sectie.append(lijst);
    houder.append(sectie);
  }
  const aantal = p.opgaven.reduce((s, o) => s + o.opdrachten.length, 0);
  document.getElementById('status').textContent =
    `${aantal} ${aantal === 1 ? 'opdracht' : 'opdrachten'} bij ${p.opgaven.length} ${p.opgaven.length === 1 ? 'opgave' : 'opgaven'}`
    + `${p.afgesloten.length ? `, en ${p.afgesloten.length} afgerond of gestopt` : ''}, stand van ${Indicatoren.datum(p.peildatum)}`;
}

async function laad() {
  const gebied = document.getElementById('inhoud').dataset.gebied;
  const antwoord = await fetch(basis + 'api/gebieden' + (gebied ? '?naam=' + encodeURIComponent(gebied) : ''),
    { headers: { Accept: 'application/json' } });
  if (antwoord.status === 401) { window.location = basis + 'login'; return; }
  if (!antwoord.ok) {
    const fout = await antwoord.json().catch(() => ({}));
    throw new Error(fout.melding || 'fout ' + antwoord.status);
  }
  if (gebied) { plan(await antwoord.json()); } else { overzicht(await antwoord.json()); }
}

document.addEventListener('DOMContentLoaded', () => {
  laad().catch(fout => { document.getElementById('status').textContent = 'Kon de gebieden niet laden: ' + fout.message; });
});
