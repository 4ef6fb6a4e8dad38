'use strict';
// The form for an indicator (fragmenten :: indicatorformulier): of a chosen doel on the Doelen page,
// of one opdracht on its page. Adds (POST /api/indicatoren), changes (PUT) and retires indicators;
// the server checks every rule and names the field.

const IndicatorFormulier = (() => {
  const { basis, verstuur, getal, toonFouten, toonAntwoord, fout: leesFout } = Formulier;
  const getalNl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 6, useGrouping: false });
  let bewerkt = null; // the id of the indicator being changed; null while adding
  let opgeslagen = async () => {};

  const formulier = () => document.getElementById('indicatorformulier');
  const alsTekst = waarde => (waarde == null ? '' : getalNl.format(waarde));

  /** "2027: 140; 2028: 150" as { 2027: 140, 2028: 150 }; null when empty; a message when it cannot be read. */
  function tussendoelen(tekst) {
    if (tekst.trim() === '') { return null; }
    const uitkomst = {};
    for (const deel of tekst.split(';').map(t => t.trim()).filter(Boolean)) {
      const m = /^(\d{4})\s*[:=]\s*(.+)$/.exec(deel);
      const waarde = m ? getal(m[2]) : null;
      if (!m || typeof waarde !== 'number') { return `'${deel}' is geen jaar met een waarde; schrijf bijvoorbeeld 2027: 140; 2028: 150`; }
      uitkomst[m[1]] = waarde;
    }
    return uitkomst;
  }

  /** Fills the form with the indicator to change, or empties it for a new one. */
  function naar(i) {
    const f = formulier();
    bewerkt = i ? i.id : null;
    if (f.doel) { f.doel.value = i && i.doel ? i.doel : ''; }
    f.naam.value = i ? i.naam : '';
    f.definitie.value = i && i.definitie ? i.definitie : '';
    f.eenheid.value = i && i.eenheid ? i.eenheid : '';
    f.richting.value = i ? i.richting : '';
    f.meetfrequentie.value = i ? i.meetfrequentie : '';
    f.basiswaarde.value = alsTekst(i && i.basiswaarde);
    f.basisdatum.value = i && i.basisdatum ? i.basisdatum : '';
    f.streefwaarde.value = alsTekst(i && i.streefwaarde);
    f.streefdatum.value = i && i.streefdatum ? i.streefdatum : '';
    f.tussendoelen.value = i && i.tussendoelen ? Object.entries(i.tussendoelen).map(([j, w]) => `${j}: ${alsTekst(w)}`).join('; ') : '';
    f.bron.value = i && i.bron ? i.bron : '';
    f.eigenaar.value = i && i.eigenaar ? i.eigenaar : '';
    document.getElementById('kop-indicatorformulier').textContent = i ? `Indicator ${i.naam} wijzigen` : 'Indicator toevoegen';
    document.getElementById('ind-opslaan').textContent = i ? 'Opslaan' : 'Toevoegen';
    document.getElementById('ind-annuleren').hidden = !i;
    toonFouten(f);
  }

  /** An empty form, for the doel given where the form has a choice of doel. */
  function nieuw(doel) {
    naar(null);
    if (doel && formulier().doel) { formulier().doel.value = doel; }
    document.getElementById('ind-naam').focus();
  }

  /** @return the server's message when the indicator cannot be read, else null */
  async function bewerk(id) {
    const antwoord = await fetch(basis + 'api/indicatoren/' + id, { headers: { Accept: 'application/json' } });
    if (!antwoord.ok) { return (await leesFout(antwoord)).melding; }
    naar(await antwoord.json());
    document.getElementById('ind-naam').focus();
    return null;
  }

  async function opslaan(e) {
    e.preventDefault();
    const f = e.target;
    const tussen = tussendoelen(f.tussendoelen.value);
    if (typeof tussen === 'string') { toonFouten(f, { tussendoelen: tussen }, 'Controleer de gemarkeerde velden.'); return; }
    const tekst = invoer => invoer.value.trim() || null;
    const lichaam = { doel: f.doel ? f.doel.value || null : null, opdracht: f.opdracht ? f.opdracht.value : null,
      naam: f.naam.value, definitie: tekst(f.definitie), eenheid: tekst(f.eenheid),
      richting: f.richting.value || null, meetfrequentie: f.meetfrequentie.value || null,
      basiswaarde: getal(f.basiswaarde.value), basisdatum: tekst(f.basisdatum),
      streefwaarde: getal(f.streefwaarde.value), streefdatum: tekst(f.streefdatum), tussendoelen: tussen,
      bron: tekst(f.bron), eigenaar: tekst(f.eigenaar) };
    const antwoord = await (bewerkt ? verstuur('PUT', 'api/indicatoren/' + bewerkt, lichaam)
      : verstuur('POST', 'api/indicatoren', lichaam));
    if (!antwoord.ok) { await toonAntwoord(f, antwoord); return; }
    const indicator = await antwoord.json();
    const toegevoegd = antwoord.status === 201;
    naar(null);
    await opgeslagen(indicator, toegevoegd);
  }

  /**
   * Retires the indicator after the user confirms.
   * @return null when not confirmed, else { ok, melding }
   */
  async function laatVervallen(i) {
    if (!window.confirm(`Indicator ${i.naam} laten vervallen? De metingen blijven bewaard, er komen geen nieuwe bij en de meetrondes stoppen.`)) {
      return null;
    }
    const antwoord = await verstuur('POST', `api/indicatoren/${i.id}/vervallen`);
    if (!antwoord.ok) { return { ok: false, melding: (await leesFout(antwoord)).melding }; }
    if (bewerkt === i.id) { naar(null); }
    return { ok: true, melding: `Indicator ${i.naam} is vervallen.` };
  }

  /** The people to choose an owner from; without the list the field still takes a login. */
  async function vulEigenaren() {
    const antwoord = await fetch(basis + 'api/gebruikers', { headers: { Accept: 'application/json' } });
    if (!antwoord.ok) { return; }
    document.getElementById('ind-eigenaren').replaceChildren(...(await antwoord.json()).map(g => {
      const optie = document.createElement('option');
      optie.value = g.id;
      optie.label = g.naam ? `${g.naam} (${g.id})` : g.id;
      return optie;
    }));
  }

  /** @param bijOpslaan called with the saved indicator and whether it is new */
  function start(bijOpslaan) {
    opgeslagen = bijOpslaan;
    vulEigenaren().catch(() => {});
    formulier().addEventListener('submit', e => opslaan(e).catch(f => toonFouten(e.target, {}, f.message)));
    // The button hides itself: focus goes to the form's first field, not to the page.
    document.getElementById('ind-annuleren').addEventListener('click', () => { naar(null); formulier().querySelector('input:not([type=hidden]), select, textarea').focus(); });
  }

  return { start, nieuw, bewerk, laatVervallen };
})();
