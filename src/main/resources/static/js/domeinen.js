'use strict';
// Domains (/api/domeinen): the portfolio office, MT and administrators add one (POST), rename it (PUT),
// dissolve or restore it. Errors come back per field and are shown at the field.

const { basis, el, verstuur, toonFouten, toonAntwoord, fout: leesFout, datum, meldFout } = Formulier;
const beheer = document.getElementById('inhoud').dataset.beheer === 'true';
let bewerkt = null; // the code of the domain being renamed; null while adding

async function laad() {
  const antwoord = await fetch(basis + 'api/domeinen', { headers: { Accept: 'application/json' } });
  if (antwoord.status === 401) { window.location = basis + 'login'; return; }
  if (!antwoord.ok) { throw new Error('fout ' + antwoord.status); }
  const domeinen = await antwoord.json();
  const tbody = document.querySelector('#domeinen tbody');
  tbody.replaceChildren();
  domeinen.forEach(d => {
    const rij = tbody.insertRow();
    if (d.opgehevenOp) { rij.className = 'opgeheven'; }
    rij.append(el('th', `${d.naam}${d.opgehevenOp ? ` (opgeheven op ${datum(d.opgehevenOp)})` : ''}`, { scope: 'row' }));
    rij.insertCell().textContent = d.code;
    const aantal = rij.insertCell();
    aantal.className = 'getal';
    aantal.append(d.opdrachten === 0 ? '0'
      : el('a', String(d.opdrachten), { href: basis + 'dashboard/?domein=' + encodeURIComponent(d.code) }));
    if (beheer) {
      const acties = el('div', null, { class: 'acties' });
      if (d.opgehevenOp) {
        acties.append(knop('Herstellen', `${d.naam} herstellen`, () => zet(d, 'herstellen')));
      } else {
        acties.append(knop('Naam wijzigen', `Naam van ${d.naam} wijzigen`, () => bewerk(d)),
          knop('Opheffen', `${d.naam} opheffen`, () => zet(d, 'opheffen')));
      }
      rij.insertCell().append(acties);
    }
  });
  await vergelijkStartformulier();
  const gangbaar = domeinen.filter(d => !d.opgehevenOp).length;
  return `${gangbaar} ${gangbaar === 1 ? 'domein' : 'domeinen'}${gangbaar < domeinen.length ? `, ${domeinen.length - gangbaar} opgeheven` : ''}`;
}

/** Tasklist's start form keeps a fixed list: say where it and this list differ, so the designer can follow. */
async function vergelijkStartformulier() {
  const melding = document.getElementById('startformulier');
  const antwoord = await fetch(basis + 'api/domeinen/startformulier', { headers: { Accept: 'application/json' } });
  if (antwoord.status !== 200) { melding.hidden = true; return; }
  const { ontbreekt, onbekend } = await antwoord.json();
  const namen = new Map([...document.querySelectorAll('#domeinen tbody tr')].map(r => [r.cells[1].textContent, r.cells[0].textContent]));
  const noem = codes => codes.map(c => (namen.has(c) ? `${namen.get(c)} (${c})` : c)).join(', ');
  const delen = [];
  if (ontbreekt.length) { delen.push(`Het startformulier in Tasklist biedt ${noem(ontbreekt)} nog niet aan; wie daar een opdracht aanvraagt, kan ${ontbreekt.length === 1 ? 'dit domein' : 'deze domeinen'} niet kiezen.`); }
  if (onbekend.length) { delen.push(`Het startformulier biedt ${noem(onbekend)} aan, maar ${onbekend.length === 1 ? 'dat is geen domein' : 'dat zijn geen domeinen'} (meer); zo'n aanvraag wordt geweigerd.`); }
  delen.push('De procesontwerper past forms/opdracht-aanvragen.form aan in Camunda Modeler.');
  melding.textContent = delen.join(' ');
  melding.hidden = ontbreekt.length === 0 && onbekend.length === 0;
}

function knop(tekst, label, actie) {
  const b = el('button', tekst, { type: 'button', class: 'link', 'aria-label': label });
  b.addEventListener('click', () => actie().catch(fout => meldFout(fout.message)));
  return b;
}

/** Dissolving keeps the domain's opdrachten; it is only no longer offered for new ones. */
async function zet(d, actie) {
  const eronder = d.opdrachten === 0 ? 'er vallen nog geen opdrachten onder.'
    : d.opdrachten === 1 ? 'de opdracht die eronder valt, houdt het.' : `de ${d.opdrachten} opdrachten die eronder vallen, houden het.`;
  if (actie === 'opheffen' && !window.confirm(`Domein ${d.naam} opheffen? Nieuwe opdrachten kunnen het niet meer kiezen; ${eronder}`)) { return; }
  const antwoord = await verstuur('POST', `api/domeinen/${encodeURIComponent(d.code)}/${actie}`);
  if (!antwoord.ok) { meldFout((await leesFout(antwoord)).melding); return; }
  if (bewerkt === d.code) { formulierNaar(null); }
  const stand = await laad();
  document.getElementById('paginafout').hidden = true;
  document.getElementById('status').textContent = `Domein ${d.naam} is ${actie === 'opheffen' ? 'opgeheven' : 'hersteld'}. ${stand}.`;
  // The pressed button is replaced by its opposite: the keyboard stays on that row.
  document.querySelector(`button[aria-label="${CSS.escape(`${d.naam} ${actie === 'opheffen' ? 'herstellen' : 'opheffen'}`)}"]`)?.focus();
}

function formulierNaar(d) {
  const f = document.getElementById('domeinformulier');
  bewerkt = d ? d.code : null;
  f.code.value = d ? d.code : '';
  f.naam.value = d ? d.naam : '';
  f.code.readOnly = Boolean(d);
  document.getElementById('kop-formulier').textContent = d ? `Naam van domein ${d.naam} wijzigen` : 'Domein toevoegen';
  document.getElementById('opslaan').textContent = d ? 'Opslaan' : 'Toevoegen';
  document.getElementById('annuleren').hidden = !d;
  toonFouten(f);
}

function bewerk(d) {
  formulierNaar(d);
  document.getElementById('veld-naam').focus();
  return Promise.resolve();
}

async function opslaan(e) {
  e.preventDefault();
  const f = e.target;
  const lichaam = { code: f.code.value.trim() || null, naam: f.naam.value };
  const antwoord = await (bewerkt ? verstuur('PUT', 'api/domeinen/' + encodeURIComponent(bewerkt), lichaam)
    : verstuur('POST', 'api/domeinen', lichaam));
  if (antwoord.ok) {
    const domein = await antwoord.json();
    formulierNaar(null);
    const stand = await laad();
    document.getElementById('status').textContent = `Domein ${domein.naam} is ${antwoord.status === 201 ? 'toegevoegd' : 'opgeslagen'}. ${stand}.`;
    return;
  }
  await toonAntwoord(f, antwoord);
}

document.addEventListener('DOMContentLoaded', () => {
  if (beheer) {
    document.getElementById('domeinformulier').addEventListener('submit', e => opslaan(e).catch(fout => toonFouten(e.target, {}, fout.message)));
    document.getElementById('annuleren').addEventListener('click', () => { formulierNaar(null); document.getElementById('domeinformulier').naam.focus(); });
  }
  laad().then(stand => { document.getElementById('status').textContent = stand; })
    .catch(fout => { document.getElementById('status').textContent = 'Kon de domeinen niet laden: ' + fout.message; });
});
