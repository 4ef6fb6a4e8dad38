'use strict';
// Opdracht aanvragen: the request form with the teams, doelen and gebieden to choose from, sent to
// POST /api/opdrachten. The server checks every field; its errors are shown at the field.

const { basis, el, verstuur, getal, toonFouten, toonAntwoord } = Formulier;
const fte = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const formulier = () => document.getElementById('aanvraagformulier');

async function haal(pad) {
  const antwoord = await fetch(basis + pad, { headers: { Accept: 'application/json' } });
  if (antwoord.status === 401) { window.location = basis + 'login'; throw new Error('niet ingelogd'); }
  if (!antwoord.ok) { throw new Error(`${pad}: fout ${antwoord.status}`); }
  return antwoord.json();
}

/** Teams that take new work, with the capacity they have free now. */
function vulTeams(teams) {
  const select = document.getElementById('aan-team');
  teams.filter(t => !t.opgehevenOp).forEach(t => {
    const vrij = t.overbelast ? 'overbelast' : `vrij ${fte.format(t.vrijFte)} fte`;
    select.append(el('option', `${t.code} – ${t.naam} (${vrij})`, { value: t.code }));
  });
}

/** The goal tree as checkboxes, each doel under its parent. */
function vulDoelen(doelen) {
  const kinderen = new Map();
  doelen.forEach(d => {
    const ouder = doelen.some(o => o.code === d.ouder) ? d.ouder : null;
    if (!kinderen.has(ouder)) { kinderen.set(ouder, []); }
    kinderen.get(ouder).push(d);
  });
  const plek = document.getElementById('doelkeuze');
  const voegToe = (ouder, niveau) => (kinderen.get(ouder) || []).forEach(d => {
    const label = el('label', null, d.soort === 'doel' ? {} : { class: 'wortel' });
    label.style.setProperty('--niveau', niveau);
    const vak = el('input', null, { type: 'checkbox', value: d.code, id: 'aan-doel-' + d.code });
    label.append(vak, `${d.code} – ${d.naam}`);
    if (!d.meetbaar) { label.append(' ', el('span', '(nog geen meetbare indicator)', { class: 'klein' })); }
    plek.append(label);
    voegToe(d.code, niveau + 1);
  });
  voegToe(null, 0);
  if (!doelen.length) { plek.append(el('p', 'Er zijn nog geen doelen; het portfoliobureau legt ze vast onder Doelen.', { class: 'klein' })); }
}

function vulGebieden(gebieden) {
  const lijst = document.getElementById('bekende-gebieden');
  gebieden.gebieden.forEach(g => lijst.append(el('option', null, { value: g.naam })));
}

/** Empty optional text is absent, not an empty string. */
const tekst = invoer => (invoer.value.trim() === '' ? null : invoer.value);

function aanvraag() {
  const f = formulier();
  return {
    titel: f.titel.value,
    vraagstuk: tekst(f.vraagstuk),
    verwachtResultaat: tekst(f.verwachtResultaat),
    beleidstheorie: tekst(f.beleidstheorie),
    type: f.type.value || null,
    domein: f.domein.value || null,
    team: f.team.value || null,
    gebied: tekst(f.gebied),
    opdrachtgever: tekst(f.opdrachtgever),
    doelen: [...document.querySelectorAll('#doelkeuze input:checked')].map(v => v.value),
    budget: getal(f.budget.value),
    fte: getal(f.fte.value),
    startdatum: f.startdatum.value || null,
    einddatum: f.einddatum.value || null,
    reviewFrequentie: f.reviewFrequentie.value || null,
    vertrouwelijk: f.vertrouwelijk.checked,
  };
}

/** Where the new opdracht is, and what intake will still ask for. */
function bevestig(opdracht) {
  const plek = document.getElementById('bevestiging');
  const link = el('a', opdracht.sleutel, { href: basis + 'dashboard/opdracht/' + encodeURIComponent(opdracht.sleutel) });
  const kop = el('p');
  kop.append('Opdracht ', link, ` – ${opdracht.titel} is aangevraagd en ligt bij het portfoliobureau voor de intake.`);
  plek.replaceChildren(kop);
  if (opdracht.ontbrekendeGegevens.length) {
    plek.append(el('p', `De intake vraagt nog om: ${opdracht.ontbrekendeGegevens.join(', ')}. U krijgt daarvoor een taak in Tasklist als het portfoliobureau erom vraagt.`));
  } else {
    plek.append(el('p', 'Alles wat de intake vraagt, is ingevuld.'));
  }
  plek.hidden = false;
  plek.focus();
}

async function verstuurAanvraag(e) {
  e.preventDefault();
  const f = e.target;
  const knop = document.getElementById('aanvragen');
  knop.disabled = true;
  try {
    const antwoord = await verstuur('POST', 'api/opdrachten', aanvraag());
    if (!antwoord.ok) { await toonAntwoord(f, antwoord); return; }
    toonFouten(f);
    f.reset();
    bevestig(await antwoord.json());
  } finally {
    knop.disabled = false;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  const f = formulier();
  f.addEventListener('submit', e => verstuurAanvraag(e).catch(fout => toonFouten(f, {}, fout.message)));
  Promise.all([haal('api/teams'), haal('api/doelen'), haal('api/gebieden')])
    .then(([teams, doelen, gebieden]) => { vulTeams(teams); vulDoelen(doelen); vulGebieden(gebieden); })
    .catch(fout => toonFouten(f, {}, 'Kon de keuzes niet laden: ' + fout.message));
});
