'use strict';
// The goal tree to keep (/api/doelen/boom): roots, doelen under them and the indicators on each doel.
// The portfolio office, MT and administrators add, change and delete doelen (/api/doelen) here, and
// add, change and retire the doelen's indicators with the form of indicatorformulier.js.

const { basis, el, verstuur, toonFouten, toonAntwoord, fout: leesFout, datum, meldFout } = Formulier;
const beheer = document.getElementById('inhoud').dataset.beheer === 'true';
const SOORT = { ambitie: 'Ambitie', opgave: 'Opgave', wettelijke_taak: 'Wettelijke taak', doel: 'Doel' };
let doelen = [];               // the tree as a list, each with its level and parent
let bewerktDoel = null;        // the code of the doel being changed; null while adding

const doelFormulier = () => document.getElementById('doelformulier');
const indicatorFormulier = () => document.getElementById('indicatorformulier');

function alsLijst(knopen, niveau = 0, ouder = null, lijst = []) {
  knopen.forEach(k => {
    lijst.push({ ...k, niveau, ouder });
    alsLijst(k.kinderen, niveau + 1, k.code, lijst);
  });
  return lijst;
}

function meld(tekst) {
  document.getElementById('paginafout').hidden = true;
  document.getElementById('status').textContent = tekst;
}

function knop(tekst, label, actie) {
  const k = el('button', tekst, { type: 'button', class: 'link', 'aria-label': label });
  k.addEventListener('click', actie);
  return k;
}

function periodeOfWet(d) {
  if (d.wet) { return d.wet; }
  return d.van && d.tot ? `${datum(d.van)} – ${datum(d.tot)}` : '';
}

function indicatorLijst(d) {
  if (!d.indicatoren.length) { return el('span', 'geen', { class: 'klein' }); }
  const ul = el('ul', null, { class: 'kaal' });
  d.indicatoren.forEach(i => {
    const li = el('li');
    const actief = i.status === 'actief';
    li.append(el('span', i.naam));
    if (!actief) { li.append(el('span', ' (vervallen)', { class: 'klein' })); }
    if (actief && !i.meetbaar) { li.append(el('span', ' – nog niet meetbaar', { class: 'klein' })); }
    if (beheer && actief) {
      const acties = el('span', null, { class: 'acties' });
      acties.append(knop('Wijzigen', `Indicator ${i.naam} van ${d.code} wijzigen`, () => bewerkIndicator(i.id)),
        knop('Laten vervallen', `Indicator ${i.naam} van ${d.code} laten vervallen`, () => laatVervallen(i)));
      li.append(' ', acties);
    }
    ul.append(li);
  });
  return ul;
}

function vulKeuzes(select, uitgezonderd) {
  const gekozen = select.value;
  select.querySelectorAll('option:not([value=""])').forEach(o => o.remove());
  doelen.filter(d => d.code !== uitgezonderd).forEach(d => {
    select.append(el('option', '\u00a0\u00a0'.repeat(d.niveau) + `${d.code} – ${d.naam}`, { value: d.code }));
  });
  select.value = doelen.some(d => d.code === gekozen) ? gekozen : '';
}

async function laad() {
  const antwoord = await fetch(basis + 'api/doelen/boom', { headers: { Accept: 'application/json' } });
  if (antwoord.status === 401) { window.location = basis + 'login'; return; }
  if (!antwoord.ok) { throw new Error('fout ' + antwoord.status); }
  doelen = alsLijst(await antwoord.json());
  const tbody = document.querySelector('#doelen tbody');
  tbody.replaceChildren();
  doelen.forEach(d => {
    const rij = tbody.insertRow();
    rij.id = 'rij-' + d.code;
    const kop = el('th', null, { scope: 'row' });
    kop.style.setProperty('--niveau', d.niveau);
    kop.append(el('a', `${d.code} – ${d.naam}`, { href: basis + 'dashboard/doel/' + encodeURIComponent(d.code) }));
    rij.append(kop);
    rij.insertCell().textContent = SOORT[d.soort] + (d.ouder ? ` onder ${d.ouder}` : '');
    rij.insertCell().textContent = periodeOfWet(d);
    rij.insertCell().append(indicatorLijst(d));
    const aantal = rij.insertCell();
    aantal.className = 'getal';
    aantal.textContent = d.opdrachten.length;
    if (beheer) {
      const acties = el('div', null, { class: 'acties' });
      acties.append(knop('Wijzigen', `${d.code} wijzigen`, () => bewerkDoel(d)),
        knop('Indicator toevoegen', `Indicator toevoegen aan ${d.code}`, () => IndicatorFormulier.nieuw(d.code)),
        knop('Verwijderen', `${d.code} verwijderen`, () => verwijder(d)));
      rij.insertCell().append(acties);
    }
  });
  if (!doelen.length) {
    const rij = tbody.insertRow();
    const cel = rij.insertCell();
    cel.colSpan = beheer ? 6 : 5;
    cel.textContent = beheer ? 'Nog geen doelen. Begin met een ambitie, opgave of wettelijke taak.' : 'Nog geen doelen.';
  }
  if (beheer) {
    vulKeuzes(doelFormulier().ouder, bewerktDoel);
    vulKeuzes(indicatorFormulier().doel, null);
  }
  const indicatoren = doelen.reduce((n, d) => n + d.indicatoren.filter(i => i.status === 'actief').length, 0);
  return `${doelen.length} ${doelen.length === 1 ? 'doel' : 'doelen'}, ${indicatoren} ${indicatoren === 1 ? 'actieve indicator' : 'actieve indicatoren'}`;
}

// ---- doelen

/** Shows only the fields the chosen kind has: a parent for a doel, a period or a law for a root. */
function toonVeldenVoorSoort() {
  const soort = doelFormulier().soort.value;
  doelFormulier().querySelectorAll('[data-soorten]').forEach(g => { g.hidden = !g.dataset.soorten.split(' ').includes(soort); });
}

function doelFormulierNaar(d) {
  const f = doelFormulier();
  bewerktDoel = d ? d.code : null;
  f.soort.value = d ? d.soort : '';
  f.code.value = d ? d.code : '';
  f.naam.value = d ? d.naam : '';
  vulKeuzes(f.ouder, bewerktDoel);
  f.ouder.value = d && d.ouder ? d.ouder : '';
  f.van.value = d && d.van ? d.van : '';
  f.tot.value = d && d.tot ? d.tot : '';
  f.wet.value = d && d.wet ? d.wet : '';
  f.omschrijving.value = d && d.omschrijving ? d.omschrijving : '';
  f.code.readOnly = Boolean(d);
  document.getElementById('kop-doelformulier').textContent = d ? `Doel ${d.code} wijzigen` : 'Doel toevoegen';
  document.getElementById('doel-opslaan').textContent = d ? 'Opslaan' : 'Toevoegen';
  document.getElementById('doel-annuleren').hidden = !d;
  toonVeldenVoorSoort();
  toonFouten(f);
}

function bewerkDoel(d) {
  doelFormulierNaar(d);
  document.getElementById('doel-naam').focus();
}

function zichtbareWaarde(invoer) {
  return invoer.closest('[hidden]') || invoer.value.trim() === '' ? null : invoer.value.trim();
}

async function slaDoelOp(e) {
  e.preventDefault();
  const f = e.target;
  const lichaam = { code: f.code.value.trim() || null, naam: f.naam.value, soort: f.soort.value || null,
    ouder: zichtbareWaarde(f.ouder), van: zichtbareWaarde(f.van), tot: zichtbareWaarde(f.tot),
    wet: zichtbareWaarde(f.wet), omschrijving: f.omschrijving.value.trim() || null };
  const antwoord = await (bewerktDoel ? verstuur('PUT', 'api/doelen/' + encodeURIComponent(bewerktDoel), lichaam)
    : verstuur('POST', 'api/doelen', lichaam));
  if (!antwoord.ok) { await toonAntwoord(f, antwoord); return; }
  const doel = await antwoord.json();
  const nieuw = antwoord.status === 201;
  doelFormulierNaar(null);
  const stand = await laad();
  meld(`Doel ${doel.code} is ${nieuw ? 'toegevoegd' : 'opgeslagen'}. ${stand}.`);
}

async function verwijder(d) {
  if (!window.confirm(`${SOORT[d.soort]} ${d.code} – ${d.naam} verwijderen?`)) { return; }
  const antwoord = await verstuur('DELETE', 'api/doelen/' + encodeURIComponent(d.code));
  if (!antwoord.ok) { meldFout((await leesFout(antwoord)).melding); return; }
  if (bewerktDoel === d.code) { doelFormulierNaar(null); }
  const stand = await laad();
  meld(`Doel ${d.code} is verwijderd. ${stand}.`);
}

// ---- indicatoren (the form itself: indicatorformulier.js)

async function laatVervallen(i) {
  const uitkomst = await IndicatorFormulier.laatVervallen(i);
  if (!uitkomst) { return; }
  if (!uitkomst.ok) { meldFout(uitkomst.melding); return; }
  const stand = await laad();
  meld(`${uitkomst.melding} ${stand}.`);
}

async function bewerkIndicator(id) {
  const fout = await IndicatorFormulier.bewerk(id);
  if (fout) { meldFout(fout); }
}

document.addEventListener('DOMContentLoaded', () => {
  const fout = actie => e => actie(e).catch(f => meldFout(f.message));
  if (beheer) {
    doelFormulier().addEventListener('submit', fout(slaDoelOp));
    doelFormulier().soort.addEventListener('change', toonVeldenVoorSoort);
    // The button hides itself: focus goes to the form's first field, not to the page.
    document.getElementById('doel-annuleren').addEventListener('click', () => { doelFormulierNaar(null); doelFormulier().querySelector('input:not([type=hidden]), select, textarea').focus(); });
    IndicatorFormulier.start(async (indicator, nieuw) => {
      const stand = await laad();
      meld(`Indicator ${indicator.naam} van ${indicator.doel} is ${nieuw ? 'toegevoegd' : 'opgeslagen'}. ${stand}.`);
    });
  }
  laad().then(meld).catch(f => { document.getElementById('status').textContent = 'Kon de doelen niet laden: ' + f.message; });
});
