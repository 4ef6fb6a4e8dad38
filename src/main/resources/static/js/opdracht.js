'use strict';
// One opdracht: its data, open tasks (to Tasklist), process (to Cockpit), reports and adjustments.

const geld = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const geldMetCenten = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });
const getal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
// Days and times as the municipality counts them (stuurwiel.tijdzone), whatever zone the browser is in:
// a review at midnight in Amsterdam is on that day, also on a workstation set to UTC.
const zone = document.querySelector('meta[name=tijdzone]')?.content || undefined;
const datum = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: zone });
const tijd = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
const isoDag = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone });
const basis = document.querySelector('link[rel=stylesheet]').getAttribute('href').replace(/css\/stuurwiel\.css.*$/, '');

const d = w => (w ? datum.format(new Date(w)) : '');
/** Closes a panel after saving; the focus stays on its summary instead of falling to the page. */
function sluitPaneel(id) {
  const paneel = document.getElementById(id);
  paneel.open = false;
  paneel.querySelector('summary').focus();
}
// An amount with cents keeps them, as it was entered.
const e = w => (w == null ? '' : (Number.isInteger(w) ? geld : geldMetCenten).format(w));
/** The team's colour, with the computed one and the team's reason where they differ. */
const kleur = (gekozen, berekend, toelichting) => (!gekozen ? '' : !berekend || berekend === gekozen ? gekozen
  : `${gekozen} (berekend: ${berekend}${toelichting ? '; het team licht toe: ' + toelichting : ''})`);
const f = w => (w == null ? '' : getal.format(w));
// People by name; an API that predates the name fields still gives the user id.
const wie = (id, naam) => naam || id || '';
const pijl = (oud, nieuw, fmt) => (nieuw == null ? '' : oud === undefined ? `gevraagd: ${fmt(nieuw)}` : `${fmt(oud)} → ${fmt(nieuw)}`);

function element(tag, tekst, attributen = {}) {
  const el = document.createElement(tag);
  if (tekst != null) { el.textContent = tekst; }
  Object.entries(attributen).forEach(([k, v]) => el.setAttribute(k, v));
  return el;
}

function rijen(tabel, lijst, kolommen) {
  const tbody = document.querySelector(tabel + ' tbody');
  tbody.replaceChildren();
  if (lijst.length === 0) {
    const td = tbody.insertRow().insertCell();
    td.colSpan = kolommen.length || 1;
    td.textContent = 'Nog geen';
    return;
  }
  lijst.forEach(item => {
    const rij = tbody.insertRow();
    kolommen.forEach(([waarde, klasse]) => { const td = rij.insertCell(); td.textContent = waarde(item); if (klasse) { td.className = klasse; } });
  });
}

async function laad() {
  const sleutel = document.getElementById('inhoud').dataset.sleutel;
  const antwoord = await fetch(basis + 'api/opdrachten/' + encodeURIComponent(sleutel), { headers: { Accept: 'application/json' } });
  if (antwoord.status === 401) { window.location = basis + 'login'; return; }
  if (!antwoord.ok) { throw new Error(antwoord.status === 404 ? 'deze opdracht bestaat niet of is niet zichtbaar voor u' : 'fout ' + antwoord.status); }
  const o = await antwoord.json();
  document.getElementById('titel').textContent = `${o.sleutel} – ${o.titel}`;
  document.title = `${o.sleutel} – Stuurwiel`;
  const gegevens = document.getElementById('gegevens');
  gegevens.replaceChildren();
  [['Fase', o.fase], ['Statuskleur', kleur(o.statusKleur, o.berekendeStatusKleur, o.kleurToelichting)], ['Type', o.type], ['Domein', o.domeinNaam || o.domein],
    ['Gebied', o.gebied && element('a', o.gebied, { href: basis + 'dashboard/gebied?naam=' + encodeURIComponent(o.gebied.trim()) })],
    ['Team', o.team], ['Opdrachtgever', o.opdrachtgever], ['Vraagstuk', o.vraagstuk],
    ['Verwacht resultaat', o.verwachtResultaat], ['Beleidstheorie', o.beleidstheorie], ['Budget', e(o.budget)],
    ['Capaciteit (FTE)', f(o.fte)], ['Looptijd', o.startdatum && o.einddatum ? `${d(o.startdatum)} – ${d(o.einddatum)}`
      : o.startdatum ? `vanaf ${d(o.startdatum)}` : o.einddatum ? `tot en met ${d(o.einddatum)}` : ''],
    ['Reviewfrequentie', o.reviewFrequentie], ['Volgende review', d(o.volgendeReview)], ['Prioriteit', o.prioriteitScore == null ? '' : `score ${o.prioriteitScore}${o.prioriteitRang ? ', rang ' + o.prioriteitRang : ''}`],
    ['Ontbrekend', (o.ontbrekendeGegevens || []).join(', ')], ['Besluit', o.besluitReden],
    ['Doelen bereikt', o.doelenBereikt], ['Impact', o.impact], ['Lessen', o.lessen]]
    .filter(([, w]) => w)
    .forEach(([naam, waarde]) => {
      const dd = waarde instanceof Node ? element('dd') : element('dd', waarde);
      if (waarde instanceof Node) { dd.append(waarde); }
      gegevens.append(element('dt', naam), dd);
    });

  const taken = document.getElementById('taken');
  taken.replaceChildren();
  if (o.openTaken.length === 0) { taken.append(element('li', 'Geen open taken die u mag zien')); }
  o.openTaken.forEach(t => {
    const li = element('li');
    li.append(element('a', t.naam, { href: basis + 'camunda/app/tasklist/default/#/?task=' + encodeURIComponent(t.id) }));
    // Whoever has taken the task has it; until then, the groups it waits for.
    const bij = t.toegewezenAan ? `opgepakt door ${wie(t.toegewezenAan, t.toegewezenAanNaam)}`
      : `voor ${(t.kandidaatGroepNamen || []).join(', ') || 'niemand'}`;
    li.append(` (${bij}${t.vervaldatum ? ', uiterlijk ' + d(t.vervaldatum) : ''})`);
    if (t.vraag) { li.append(element('br'), element('span', `Vraag van intake: ${t.vraag}`, { class: 'klein' })); }
    taken.append(li);
  });
  const cockpit = document.getElementById('cockpit');
  if (o.procesInstantie) {
    cockpit.href = basis + 'camunda/app/cockpit/default/#/process-instance/' + encodeURIComponent(o.procesInstantie);
  } else { cockpit.remove(); }
  const doelen = document.getElementById('doelen');
  doelen.replaceChildren();
  if (o.doelen.length === 0) { doelen.append(element('li', 'Nog aan geen doel gekoppeld')); }
  o.doelen.forEach(doel => {
    const li = element('li');
    li.append(element('a', `${doel.code} – ${doel.naam}`, { href: basis + 'dashboard/doel/' + encodeURIComponent(doel.code) }));
    li.append(` (gewicht ${doel.gewicht})`);
    if (doel.bijdrage) { li.append(element('br'), element('span', doel.bijdrage, { class: 'klein' })); }
    doelen.append(li);
  });

  rijen('#rapportages', o.rapportages, [[r => r.volgnummer], [r => d(r.peildatum)], [r => kleur(r.statusKleur, r.berekendeStatusKleur, r.kleurToelichting)],
    [r => r.voortgang || ''], [r => e(r.besteedBudget), 'getal'], [r => f(r.ingezetteFte), 'getal'],
    [r => r.risicos || ''], [r => r.voorstel || ''], [r => [r.besluit, r.besluitToelichting].filter(Boolean).join(': ')]]);
  // An adjustment keeps the values it replaced once it is applied; an open proposal is compared
  // with the opdracht as it is now, as MT's form does.
  // A rejected or lapsed proposal changed nothing and kept no old value: what was asked is shown as such.
  const oud = (b, vastgelegd, nu) => (b.status === 'voorgesteld' ? nu : b.status === 'goedgekeurd' ? vastgelegd : undefined);
  rijen('#bijstellingen', o.bijstellingen, [[b => b.volgnummer], [b => b.status], [b => b.reden],
    [b => pijl(oud(b, b.oudBudget, o.budget), b.nieuwBudget, e), 'getal'],
    [b => pijl(oud(b, b.oudeFte, o.fte), b.nieuweFte, f), 'getal'],
    [b => pijl(oud(b, b.oudeEinddatum, o.einddatum), b.nieuweEinddatum, d)], [b => b.nieuweScope || ''],
    [b => [wie(b.beoordeeldDoor, b.beoordeeldDoorNaam), b.toelichting].filter(Boolean).join(': ')]]);
  const geschiedenis = document.getElementById('geschiedenis');
  geschiedenis.replaceChildren();
  // The process's steps, the transfers to another team and the reviews brought forward, in the order they happened.
  [...o.geschiedenis.map(s => [new Date(s.begin), `${s.naam}${s.door ? ' (' + wie(s.door, s.doorNaam) + ')' : ''}${s.einde ? '' : ' – loopt'}`]),
    ...(o.overdrachten || []).map(t => [new Date(t.op), `Overgedragen van team ${t.vanTeam} aan team ${t.naarTeam} (${wie(t.door, t.doorNaam)}): ${t.reden}`]),
    ...(o.reviewVervroegingen || []).map(v => [new Date(v.op), `Review vervroegd van ${d(v.geplandOp)} naar ${d(v.nieuwOp)} (${wie(v.door, v.doorNaam)}): ${v.reden}`])]
    .sort((a, b) => a[0] - b[0])
    .forEach(([wanneer, tekst]) => geschiedenis.append(element('li', `${tijd.format(wanneer)} – ${tekst}`)));
  toonOverdracht(o);
  toonVervroegen(o);
  toonKoppelingen(o);
  vulGegevens(o);
}

// ---- correcting the description (PUT /api/opdrachten/{key}/gegevens)

/** The form shows the opdracht as loaded, with its version, unless someone is typing in it. */
function vulGegevens(o) {
  const details = document.getElementById('gegevensbeheer');
  if (!details) { return; }
  details.hidden = ['afgerond', 'gestopt', 'afgewezen'].includes(o.fase);
  if (details.open) { return; }
  const form = document.getElementById('gegevensformulier');
  // A domain dissolved since is no choice for others, but this opdracht keeps it.
  if (o.domein && !form.elements.domein.querySelector(`option[value="${CSS.escape(o.domein)}"]`)) {
    form.elements.domein.append(element('option', `${o.domeinNaam || o.domein} (opgeheven)`, { value: o.domein }));
  }
  ['titel', 'vraagstuk', 'verwachtResultaat', 'beleidstheorie', 'type', 'domein', 'gebied', 'opdrachtgever']
    .forEach(veld => { form.elements[veld].value = o[veld] || ''; });
  form.elements.vertrouwelijk.checked = o.vertrouwelijk;
  form.elements.wijzigingsnummer.value = o.wijzigingsnummer;
}

async function slaGegevensOp(ev) {
  ev.preventDefault();
  const form = ev.target;
  const waarde = veld => (form.elements[veld].value.trim() === '' ? null : form.elements[veld].value);
  const lichaam = {
    titel: form.elements.titel.value,
    vraagstuk: waarde('vraagstuk'),
    verwachtResultaat: waarde('verwachtResultaat'),
    beleidstheorie: waarde('beleidstheorie'),
    type: waarde('type'),
    domein: waarde('domein'),
    gebied: waarde('gebied'),
    opdrachtgever: waarde('opdrachtgever'),
    vertrouwelijk: form.elements.vertrouwelijk.checked,
    wijzigingsnummer: Number(form.elements.wijzigingsnummer.value),
  };
  const antwoord = await Formulier.verstuur('PUT', `api/opdrachten/${encodeURIComponent(sleutelVanPagina())}/gegevens`, lichaam);
  if (!antwoord.ok) { await Formulier.toonAntwoord(form, antwoord); return; }
  Formulier.toonFouten(form);
  sluitPaneel('gegevensbeheer');
  await laad();
  document.getElementById('status').textContent = 'De gegevens zijn opgeslagen.';
}

// ---- the opdracht's doelen, with expected contribution and weight (PUT /api/opdrachten/{key}/doelen)

let alleDoelen = null; // the goal tree as a list, fetched once

/** The portfolio office, MT and administrators link doelen; an ended opdracht keeps its links. */
async function toonKoppelingen(o) {
  const details = document.getElementById('doelenbeheer');
  if (!details) { return; }
  details.hidden = ['afgerond', 'gestopt', 'afgewezen'].includes(o.fase);
  if (!alleDoelen) {
    const antwoord = await fetch(basis + 'api/doelen', { headers: { Accept: 'application/json' } });
    if (!antwoord.ok) { return; }
    alleDoelen = await antwoord.json();
  }
  tekenKoppelingen(o.doelen.map(k => ({ doel: k.code, gewicht: String(k.gewicht), bijdrage: k.bijdrage || '' })));
}

/** One fieldset per link; its fields are named as the API names their errors ("doelen[1].gewicht"). */
function tekenKoppelingen(koppelingen) {
  const plek = document.getElementById('koppelingen');
  plek.replaceChildren();
  koppelingen.forEach((k, i) => {
    const groep = element('fieldset', null, { class: 'koppeling' });
    groep.append(element('legend', `Doel ${i + 1}`));
    const veld = (label, invoer, naam) => {
      invoer.id = `koppel-${naam}-${i}`;
      invoer.name = `doelen[${i}].${naam}`;
      invoer.setAttribute('aria-describedby', `fout-koppel-${naam}-${i}`);
      groep.append(element('label', label, { for: invoer.id }), invoer, element('span', null, { id: `fout-koppel-${naam}-${i}`, class: 'veldfout' }));
    };
    const keuze = element('select');
    keuze.append(element('option', 'Kies een doel', { value: '' }));
    alleDoelen.forEach(d => keuze.append(element('option', `${d.code} – ${d.naam}${d.meetbaar ? '' : ' (nog geen meetbare indicator)'}`, { value: d.code })));
    keuze.value = k.doel;
    veld('Doel', keuze, 'doel');
    const gewicht = element('input', null, { inputmode: 'numeric', autocomplete: 'off', size: '4' });
    gewicht.value = k.gewicht;
    veld('Gewicht (1–100)', gewicht, 'gewicht');
    const bijdrage = element('textarea', null, { rows: '2', maxlength: '4000' });
    bijdrage.value = k.bijdrage;
    veld('Verwachte bijdrage (optioneel)', bijdrage, 'bijdrage');
    const weg = element('button', 'Verwijderen', { type: 'button', class: 'link', 'aria-label': `Doel ${i + 1} verwijderen` });
    weg.addEventListener('click', () => {
      const rest = leesKoppelingen();
      rest.splice(i, 1);
      tekenKoppelingen(rest);
      document.getElementById('koppel-toevoegen').focus();
    });
    groep.append(weg);
    plek.append(groep);
  });
  if (!koppelingen.length) { plek.append(element('p', 'Nog geen doelen gekoppeld.', { class: 'klein' })); }
}

function leesKoppelingen() {
  return [...document.querySelectorAll('#koppelingen fieldset')].map(g => ({
    doel: g.querySelector('select').value,
    gewicht: g.querySelector('input').value,
    bijdrage: g.querySelector('textarea').value,
  }));
}

async function slaKoppelingenOp(ev) {
  ev.preventDefault();
  const form = ev.target;
  const sleutel = sleutelVanPagina();
  const lichaam = leesKoppelingen().map(k => ({ doel: k.doel || null, gewicht: Formulier.getal(k.gewicht), bijdrage: k.bijdrage.trim() || null }));
  const antwoord = await Formulier.verstuur('PUT', `api/opdrachten/${encodeURIComponent(sleutel)}/doelen`, lichaam);
  if (!antwoord.ok) { await Formulier.toonAntwoord(form, antwoord); return; }
  Formulier.toonFouten(form);
  sluitPaneel('doelenbeheer');
  await Promise.all([laad(), laadImpact(sleutel)]);
  const aantal = lichaam.length;
  document.getElementById('status').textContent = `De doelen zijn opgeslagen: ${aantal} ${aantal === 1 ? 'doel' : 'doelen'}.`;
}

/** MT and administrators hand a running opdracht to another team (POST /api/opdrachten/{key}/overdracht). */
async function toonOverdracht(o) {
  const details = document.getElementById('overdragen');
  if (!details) { return; }
  details.hidden = ['afgerond', 'gestopt', 'afgewezen'].includes(o.fase);
  const keuze = document.getElementById('over-team');
  const antwoord = await fetch(basis + 'api/teams', { headers: { Accept: 'application/json' } });
  if (!antwoord.ok) { return; }
  keuze.querySelectorAll('option:not([value=""])').forEach(optie => optie.remove());
  (await antwoord.json()).filter(t => t.code !== o.team && !t.opgehevenOp).forEach(t => keuze.append(element('option',
    `${t.code} – ${t.naam} (vrij ${f(t.vrijFte)} fte)`, { value: t.code })));
}

async function draagOver(ev) {
  ev.preventDefault();
  const form = ev.target;
  const sleutel = document.getElementById('inhoud').dataset.sleutel;
  const antwoord = await Formulier.verstuur('POST', `api/opdrachten/${encodeURIComponent(sleutel)}/overdracht`,
    { team: form.team.value || null, reden: form.reden.value.trim() || null });
  if (!antwoord.ok) { await Formulier.toonAntwoord(form, antwoord); return; }
  const o = await antwoord.json();
  form.reset();
  Formulier.toonFouten(form);
  sluitPaneel('overdragen');
  await laad();
  document.getElementById('status').textContent = `${o.sleutel} is overgedragen aan team ${o.team}.`;
}

/** The day of a moment as a date field holds it (yyyy-mm-dd), in the municipality's time zone. */
const veldDatum = w => isoDag.format(new Date(w));
/** The day before a yyyy-mm-dd day. */
const dagErvoor = iso => { const [j, m, dg] = iso.split('-').map(Number); return new Date(Date.UTC(j, m - 1, dg - 1)).toISOString().slice(0, 10); };

/** MT and administrators bring the next review forward (POST /api/opdrachten/{key}/review-vervroeging). */
function toonVervroegen(o) {
  const details = document.getElementById('vervroegen');
  if (!details) { return; }
  // Only a running opdracht between reviews has one to bring forward.
  details.hidden = !o.volgendeReview || o.fase !== 'uitvoering';
  if (details.hidden) { return; }
  const veld = document.getElementById('vervroeg-datum');
  veld.min = veldDatum(Date.now());
  veld.max = dagErvoor(veldDatum(o.volgendeReview));
}

async function vervroeg(ev) {
  ev.preventDefault();
  const form = ev.target;
  const sleutel = document.getElementById('inhoud').dataset.sleutel;
  const antwoord = await Formulier.verstuur('POST', `api/opdrachten/${encodeURIComponent(sleutel)}/review-vervroeging`,
    { datum: form.datum.value || null, reden: form.reden.value.trim() || null });
  if (!antwoord.ok) { await Formulier.toonAntwoord(form, antwoord); return; }
  const o = await antwoord.json();
  // The day asked for: a review for today may already have opened, and the timer moved a cycle on.
  const dag = d(form.datum.value);
  const nu = form.datum.value === veldDatum(Date.now());
  form.reset();
  Formulier.toonFouten(form);
  sluitPaneel('vervroegen');
  await laad();
  document.getElementById('status').textContent = nu
    ? `De review van ${o.sleutel} opent nu: het team krijgt binnen een minuut de taak Voortgang rapporteren.`
    : `De review van ${o.sleutel} is vervroegd naar ${dag}.`;
}

/** Change or retire one of the opdracht's own indicators, from its card. */
function beheerKnoppen(kaart, indicatoren) {
  const i = indicatoren.find(x => x.id === Number(kaart.dataset.indicator));
  if (i.status !== 'actief') { return; }
  const acties = element('p', null, { class: 'acties' });
  const knop = (tekst, actie) => {
    const k = element('button', tekst, { type: 'button', class: 'link', 'aria-label': `Indicator ${i.naam} ${tekst.toLowerCase()}` });
    k.addEventListener('click', () => actie().catch(fout => { document.getElementById('status').textContent = fout.message; }));
    return k;
  };
  acties.append(knop('Wijzigen', async () => {
    document.getElementById('indicatorbeheer').open = true;
    const fout = await IndicatorFormulier.bewerk(i.id);
    if (fout) { document.getElementById('status').textContent = fout; }
  }), knop('Laten vervallen', async () => {
    const uitkomst = await IndicatorFormulier.laatVervallen(i);
    if (!uitkomst) { return; }
    if (uitkomst.ok) { await laadImpact(sleutelVanPagina()); }
    document.getElementById('status').textContent = uitkomst.melding;
  }));
  kaart.querySelector('h4').after(acties);
}

const sleutelVanPagina = () => document.getElementById('inhoud').dataset.sleutel;
const beheer = document.getElementById('inhoud').dataset.beheer === 'true';

/** The opdracht's own indicators and those of its doelen, from the impact view. */
async function laadImpact(sleutel) {
  const antwoord = await fetch(basis + 'api/dashboard/impact?opdracht=' + encodeURIComponent(sleutel), { headers: { Accept: 'application/json' } });
  if (!antwoord.ok) { throw new Error('fout ' + antwoord.status); }
  const impact = await antwoord.json();
  const houder = document.getElementById('impact');
  houder.replaceChildren();
  const kaarten = [];
  const groep = (kop, indicatoren, leeg) => {
    houder.append(kop);
    if (indicatoren.length === 0) { houder.append(element('p', leeg, { class: 'klein' })); }
    indicatoren.forEach(i => { const k = Indicatoren.kaart(i, 'h4'); kaarten.push(k); houder.append(k); });
  };
  if (impact.indicatoren.length) { groep(element('h3', 'Indicatoren van deze opdracht'), impact.indicatoren, ''); }
  if (beheer) { kaarten.filter(k => impact.indicatoren.some(i => i.id === Number(k.dataset.indicator))).forEach(k => beheerKnoppen(k, impact.indicatoren)); }
  impact.doelen.forEach(doel => {
    const kop = element('h3');
    kop.append('Doel ', element('a', `${doel.code} – ${doel.naam}`, { href: basis + 'dashboard/doel/' + encodeURIComponent(doel.code) }));
    groep(kop, doel.indicatoren, 'Dit doel heeft nog geen indicator.');
  });
  if (houder.childElementCount === 0) { houder.append(element('p', 'Geen doelen of indicatoren.', { class: 'klein' })); }
  kaarten.forEach(k => k.tekenen());
}

document.addEventListener('DOMContentLoaded', () => {
  const sleutel = document.getElementById('inhoud').dataset.sleutel;
  laadImpact(sleutel).catch(fout => { document.getElementById('impact').textContent = 'Kon de indicatoren niet laden: ' + fout.message; });
  // A meting entered on a card changes its figures, chart and status: draw the indicators again.
  document.addEventListener('meting-opgeslagen', e => laadImpact(sleutel)
    .then(() => { document.getElementById('status').textContent = e.detail.tekst; Indicatoren.naarKaart(e.detail); })
    .catch(fout => { document.getElementById('impact').textContent = 'Kon de indicatoren niet laden: ' + fout.message; }));
  laad().catch(fout => { document.getElementById('status').textContent = 'Kon de opdracht niet laden: ' + fout.message; });
  const overdracht = document.getElementById('overdrachtformulier');
  if (overdracht) {
    overdracht.addEventListener('submit', ev => draagOver(ev).catch(fout => Formulier.toonFouten(ev.target, {}, fout.message)));
  }
  const vervroegen = document.getElementById('vervroegformulier');
  if (vervroegen) {
    vervroegen.addEventListener('submit', ev => vervroeg(ev).catch(fout => Formulier.toonFouten(ev.target, {}, fout.message)));
  }
  const gegevens = document.getElementById('gegevensformulier');
  if (gegevens) {
    gegevens.addEventListener('submit', ev => slaGegevensOp(ev).catch(fout => Formulier.toonFouten(ev.target, {}, fout.message)));
  }
  const koppelingen = document.getElementById('doelenformulier');
  if (koppelingen) {
    koppelingen.addEventListener('submit', ev => slaKoppelingenOp(ev).catch(fout => Formulier.toonFouten(ev.target, {}, fout.message)));
    document.getElementById('koppel-toevoegen').addEventListener('click', () => {
      const nu = leesKoppelingen();
      tekenKoppelingen([...nu, { doel: '', gewicht: '', bijdrage: '' }]);
      document.getElementById(`koppel-doel-${nu.length}`).focus();
    });
  }
  if (beheer) {
    IndicatorFormulier.start(async (indicator, nieuw) => {
      await laadImpact(sleutel);
      const tekst = `Indicator ${indicator.naam} is ${nieuw ? 'toegevoegd aan deze opdracht' : 'opgeslagen'}.`;
      document.getElementById('status').textContent = tekst;
      Indicatoren.naarKaart({ indicator: indicator.id, tekst });
    });
  }
});
