'use strict';
// Teams: capacity against what running opdrachten take (/api/teams); MT and administrators add a team
// (POST) or change its name and capacity (PUT). Errors come back per field and are shown at the field.

const { basis, el, verstuur, getal, toonFouten, toonAntwoord, fout: leesFout, datum, meldFout } = Formulier;
const fte = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const beheer = document.getElementById('inhoud').dataset.beheer === 'true';
let bewerkt = null; // the code of the team being changed; null while adding

async function laad() {
  const antwoord = await fetch(basis + 'api/teams', { headers: { Accept: 'application/json' } });
  if (antwoord.status === 401) { window.location = basis + 'login'; return; }
  if (!antwoord.ok) { throw new Error('fout ' + antwoord.status); }
  const teams = await antwoord.json();
  const tbody = document.querySelector('#teams tbody');
  tbody.replaceChildren();
  teams.forEach(t => {
    const rij = tbody.insertRow();
    if (t.overbelast) { rij.className = 'overbelast'; }
    if (t.opgehevenOp) { rij.className = 'opgeheven'; }
    const toestand = t.opgehevenOp ? ` (opgeheven op ${datum(t.opgehevenOp)})` : (t.overbelast ? ' (overbelast)' : '');
    rij.append(el('th', `${t.code} – ${t.naam}${toestand}`, { scope: 'row' }));
    rij.insertCell().textContent = t.groep;
    [t.capaciteitFte, t.ingezetFte, t.vrijFte].forEach(w => { const c = rij.insertCell(); c.className = 'getal'; c.textContent = fte.format(w); });
    if (beheer) {
      const acties = el('div', null, { class: 'acties' });
      if (!t.opgehevenOp) {
        const wijzig = el('button', 'Wijzigen', { type: 'button', class: 'link', 'aria-label': `${t.code} wijzigen` });
        wijzig.addEventListener('click', () => bewerk(t));
        const opheffen = el('button', 'Opheffen', { type: 'button', class: 'link', 'aria-label': `${t.code} opheffen` });
        opheffen.addEventListener('click', () => hefOp(t).catch(fout => meldFout(fout.message)));
        acties.append(wijzig, opheffen);
      }
      rij.insertCell().append(acties);
    }
  });
  if (beheer) { teamkeuzes(teams.filter(t => !t.opgehevenOp)); }
  const bestaand = teams.filter(t => !t.opgehevenOp).length;
  return `${bestaand} ${bestaand === 1 ? 'team' : 'teams'}${bestaand < teams.length ? `, ${teams.length - bestaand} opgeheven` : ''}`;
}

/** The teams the transfer form offers; a choice made before a reload stays. */
function teamkeuzes(teams) {
  ['overall-van', 'overall-team'].forEach(id => {
    const keuze = document.getElementById(id);
    const gekozen = keuze.value;
    keuze.replaceChildren(el('option', 'Kies een team', { value: '' }));
    teams.forEach(t => keuze.append(el('option', `${t.code} – ${t.naam}`, { value: t.code })));
    keuze.value = teams.some(t => t.code === gekozen) ? gekozen : '';
  });
}

async function draagAllesOver(e) {
  e.preventDefault();
  const f = e.target;
  if (!f.van.value) { toonFouten(f, { van: 'is verplicht' }); return; }
  const van = f.van.value;
  const knop = document.getElementById('overall-opslaan');
  // One transfer per press: a second press while it runs would only meet the first one's lock.
  if (knop.disabled) { return; }
  knop.disabled = true;
  let antwoord;
  try {
    antwoord = await verstuur('POST', `api/teams/${encodeURIComponent(van)}/overdracht`,
      { team: f.team.value || null, reden: f.reden.value });
  } finally {
    knop.disabled = false;
  }
  if (!antwoord.ok) { await toonAntwoord(f, antwoord); return; }
  const { team, opdrachten } = await antwoord.json();
  f.reden.value = '';
  toonFouten(f);
  const stand = await laad();
  document.getElementById('paginafout').hidden = true;
  document.getElementById('status').textContent = opdrachten.length === 0
    ? `Team ${van} had geen opdrachten die nog lopen. ${stand}.`
    : `${opdrachten.length} ${opdrachten.length === 1 ? 'opdracht ging' : 'opdrachten gingen'} van ${van} naar ${team}: ${opdrachten.join(', ')}. ${stand}.`;
}

/** A team that stops keeps its history; its opdrachten that have not ended go to another team first. */
async function hefOp(t) {
  if (!window.confirm(`Team ${t.code} – ${t.naam} opheffen? Het team krijgt geen nieuwe opdrachten meer; wat het deed, blijft bewaard.`)) { return; }
  const antwoord = await verstuur('POST', `api/teams/${encodeURIComponent(t.code)}/opheffen`);
  if (!antwoord.ok) {
    meldFout((await leesFout(antwoord)).melding);
    if (antwoord.status === 409) {
      // Its opdrachten go first: the transfer form is ready for this team.
      document.getElementById('overall-van').value = t.code;
      const naarFormulier = el('a', 'Alle opdrachten van dit team overdragen', { href: '#kop-overdragen' });
      naarFormulier.addEventListener('click', () => document.getElementById('overall-team').focus());
      document.getElementById('paginafout').append(' ', naarFormulier);
    }
    return;
  }
  if (bewerkt === t.code) { formulierNaar(null); }
  const stand = await laad();
  document.getElementById('paginafout').hidden = true;
  document.getElementById('status').textContent = `Team ${t.code} is opgeheven. ${stand}.`;
}

function formulierNaar(t) {
  const f = document.getElementById('teamformulier');
  bewerkt = t ? t.code : null;
  f.code.value = t ? t.code : '';
  f.naam.value = t ? t.naam : '';
  f.capaciteitFte.value = t ? fte.format(t.capaciteitFte).replace(/\./g, '') : '';
  f.groep.value = t ? t.groep : '';
  f.code.readOnly = f.groep.readOnly = Boolean(t);
  document.getElementById('kop-formulier').textContent = t ? `Team ${t.code} wijzigen` : 'Team toevoegen';
  document.getElementById('opslaan').textContent = t ? 'Opslaan' : 'Toevoegen';
  document.getElementById('annuleren').hidden = !t;
  toonFouten(f);
}

function bewerk(t) {
  formulierNaar(t);
  document.getElementById('veld-naam').focus();
}

async function opslaan(e) {
  e.preventDefault();
  const f = e.target;
  const lichaam = { code: f.code.value.trim() || null, naam: f.naam.value, capaciteitFte: getal(f.capaciteitFte.value),
    groep: f.groep.value.trim() || null };
  const antwoord = await (bewerkt ? verstuur('PUT', 'api/teams/' + encodeURIComponent(bewerkt), lichaam)
    : verstuur('POST', 'api/teams', lichaam));
  if (antwoord.ok) {
    const team = await antwoord.json();
    formulierNaar(null);
    await laad();
    document.getElementById('status').textContent = `Team ${team.code} is ${antwoord.status === 201 ? 'toegevoegd' : 'opgeslagen'}.`;
    return;
  }
  await toonAntwoord(f, antwoord);
}

document.addEventListener('DOMContentLoaded', () => {
  if (beheer) {
    document.getElementById('teamformulier').addEventListener('submit', e => opslaan(e).catch(fout => toonFouten(e.target, {}, fout.message)));
    // The button hides itself: focus goes to the form's first field, not to the page.
    document.getElementById('annuleren').addEventListener('click', () => { formulierNaar(null); document.getElementById('teamformulier').code.focus(); });
    document.getElementById('overdrachtformulier').addEventListener('submit', e => draagAllesOver(e).catch(fout => toonFouten(e.target, {}, fout.message)));
  }
  laad().then(stand => { document.getElementById('status').textContent = stand; })
    .catch(fout => { document.getElementById('status').textContent = 'Kon de teams niet laden: ' + fout.message; });
});
