'use strict';
// One indicator as a card: realisation figures, a chart of baseline, target line, intermediate
// targets and metingen, and the same numbers as a table (the chart's text alternative).
// Used by the impact page and the opdracht page; reads the JSON of /api/dashboard/impact.

const Indicatoren = (() => {
  const getal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
  const procent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const maandJaar = new Intl.DateTimeFormat('nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const dag = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const STATUS = { op_koers: ['groen', 'op koers'], achter: ['oranje', 'achter'], uit_koers: ['rood', 'uit koers'] };
  let teller = 0;

  const tijd = iso => { const [j, m, d] = iso.split('-').map(Number); return Date.UTC(j, m - 1, d); };
  const g = w => (w == null ? '–' : getal.format(w));
  const datum = iso => (iso ? dag.format(tijd(iso)) : '–');

  function el(tag, tekst, attributen = {}) {
    const e = document.createElement(tag);
    if (tekst != null) { e.textContent = tekst; }
    Object.entries(attributen).forEach(([k, v]) => e.setAttribute(k, v));
    return e;
  }

  /** "2026 K3", "mrt. 2026", "2026 H2" or "2026": how people name a period. */
  function periode(iso, frequentie) {
    const [j, m] = iso.split('-').map(Number);
    switch (frequentie) {
      case 'kwartaal': return `${j} K${Math.floor((m - 1) / 3) + 1}`;
      case 'halfjaar': return `${j} H${m <= 6 ? 1 : 2}`;
      case 'jaar': return String(j);
      default: return maandJaar.format(tijd(iso));
    }
  }

  function status(waarde) {
    const span = el('span');
    if (waarde && STATUS[waarde]) { span.className = 'kleur ' + STATUS[waarde][0]; span.textContent = STATUS[waarde][1]; }
    return span;
  }

  /** What the chart shows, in words, for screen readers and as the chart's label. */
  function samenvatting(i) {
    const r = i.realisatie || {};
    const delen = [`${i.naam}${i.eenheid ? ' (' + i.eenheid + ')' : ''}`];
    if (i.basiswaarde != null) { delen.push(`basis ${g(i.basiswaarde)} op ${datum(i.basisdatum)}`); }
    if (i.streefwaarde != null) { delen.push(`streefwaarde ${g(i.streefwaarde)} op ${datum(i.streefdatum)}`); }
    (i.tussendoelen || []).forEach(t => delen.push(`tussendoel ${g(t.waarde)} in ${t.datum.slice(0, 4)}`));
    if (i.metingen.length) {
      const laatste = i.metingen[i.metingen.length - 1];
      delen.push(`${i.metingen.length} metingen, laatste ${g(laatste.waarde)} over ${periode(laatste.periode, i.meetfrequentie)}`);
    } else { delen.push('nog geen metingen'); }
    if (r.status) { delen.push('status ' + STATUS[r.status][1]); }
    return delen.join('; ');
  }

  function grafiek(canvas, i) {
    if (!window.Chart) { return; }
    const punten = lijst => lijst.map(p => ({ x: tijd(p.datum || p.peildatum), y: p.waarde }));
    const reeksen = [{
      label: 'Gemeten', data: punten(i.metingen), borderColor: '#01689b', backgroundColor: '#01689b', tension: 0,
      pointRadius: 4,
    }];
    if (i.traject.length) {
      reeksen.push({ label: 'Streeflijn', data: punten(i.traject), borderColor: '#535353', backgroundColor: '#535353',
        borderDash: [6, 4], pointRadius: 3, pointStyle: 'rect' });
    }
    if (i.tussendoelen.length) {
      reeksen.push({ label: 'Tussendoel', data: punten(i.tussendoelen), borderColor: '#b35900',
        backgroundColor: '#b35900', showLine: false, pointRadius: 6, pointStyle: 'triangle' });
    }
    new Chart(canvas, {
      type: 'line',
      data: { datasets: reeksen },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: {
            title: items => dag.format(items[0].parsed.x),
            label: item => `${item.dataset.label}: ${getal.format(item.parsed.y)}`,
          } },
        },
        scales: {
          x: { type: 'linear', ticks: { callback: w => maandJaar.format(w), maxTicksLimit: 8 } },
          y: { title: { display: Boolean(i.eenheid), text: i.eenheid || '' } },
        },
      },
    });
  }

  function tabel(i) {
    const t = el('table', null, { class: 'tabel compact' });
    t.append(el('caption', `Metingen van ${i.naam}`, { class: 'verborgen' }));
    const kop = t.createTHead().insertRow();
    [['Periode'], ['Waarde', 'getal'], ['Norm', 'getal'], ['Afwijking', 'getal'], ['Versie', 'getal'], ['Toelichting']]
      .forEach(([naam, klasse]) => kop.append(el('th', naam, Object.assign({ scope: 'col' }, klasse ? { class: klasse } : {}))));
    const body = t.createTBody();
    if (i.metingen.length === 0) {
      const td = body.insertRow().insertCell(); td.colSpan = 6; td.textContent = 'Nog geen metingen';
    }
    const teken = i.richting === 'lager_beter' ? -1 : 1;
    i.metingen.forEach(m => {
      const rij = body.insertRow();
      rij.append(el('th', periode(m.periode, i.meetfrequentie), { scope: 'row' }));
      const afwijking = m.norm ? teken * (m.waarde - m.norm) / m.norm : null;
      [[g(m.waarde), 'getal'], [g(m.norm), 'getal'], [afwijking == null ? '–' : procent.format(afwijking), 'getal'],
        [m.versie > 1 ? `${m.versie} (gecorrigeerd)` : String(m.versie), 'getal'],
        [[m.toelichting, m.verhaal, m.voorstel && 'Voorstel: ' + m.voorstel].filter(Boolean).join(' — ')]]
        .forEach(([w, klasse]) => { const td = rij.insertCell(); td.textContent = w; if (klasse) { td.className = klasse; } });
    });
    return t;
  }

  function kerncijfers(i) {
    const r = i.realisatie || {};
    const dl = el('dl', null, { class: 'gegevens kerncijfers' });
    const rij = (naam, waarde) => { const dd = el('dd'); if (waarde instanceof Node) { dd.append(waarde); } else { dd.textContent = waarde; } dl.append(el('dt', naam), dd); };
    rij('Status', r.status ? status(r.status) : (r.melding || '–'));
    rij('Laatste meting', r.huidigeWaarde == null ? '–' : `${g(r.huidigeWaarde)} (${periode(r.huidigePeriode, i.meetfrequentie)})`);
    rij('Norm', r.huidigeNorm == null ? '–' : `${g(r.huidigeNorm)} (${r.normBron})`);
    rij('Afwijking van de norm', r.afwijkingVanNorm == null ? '–' : procent.format(r.afwijkingVanNorm));
    rij('Trend', r.trend || '–');
    rij('Sinds de basis', r.veranderingSindsBasis == null ? '–' : `${r.veranderingSindsBasis > 0 ? '+' : ''}${g(r.veranderingSindsBasis)}`
      + (r.veranderingSindsBasisRelatief == null ? '' : ` (${procent.format(r.veranderingSindsBasisRelatief)})`));
    rij('Basis → streef', `${g(i.basiswaarde)} (${datum(i.basisdatum)}) → ${g(i.streefwaarde)} (${datum(i.streefdatum)})`);
    if (r.volgendeNorm != null) { rij('Norm volgende periode', `${g(r.volgendeNorm)} (${periode(r.volgendePeriode, i.meetfrequentie)})`); }
    return dl;
  }

  /**
   * For whoever may measure the indicator: a form to enter the value of a period, or to correct it
   * (a new version with a reason). Saved, it tells the page (event "meting-opgeslagen") to reload.
   */
  function metingInvoer(i, nummer) {
    const id = naam => `meting-${nummer}-${naam}`;
    const details = el('details', null, { class: 'meting-invoer' });
    details.append(el('summary', 'Meting invoeren of corrigeren'));
    const form = el('form', null, { class: 'formulier', novalidate: '' });
    form.append(el('p', null, { class: 'melding fout', role: 'alert', hidden: '' }));
    const veld = (label, invoer, uitleg) => {
      invoer.id = id(invoer.name);
      const beschrijving = [uitleg ? id(invoer.name) + '-uitleg' : null, 'fout-' + invoer.id].filter(Boolean).join(' ');
      invoer.setAttribute('aria-describedby', beschrijving);
      form.append(el('label', label, { for: invoer.id }), invoer);
      if (uitleg) { form.append(el('span', uitleg, { id: id(invoer.name) + '-uitleg', class: 'klein' })); }
      form.append(el('span', null, { id: 'fout-' + invoer.id, class: 'veldfout' }));
    };
    const periodeKeuze = el('select', null, { name: 'periode' });
    i.invoerPerioden.forEach(p => periodeKeuze.append(el('option', p.naam, { value: p.periode })));
    periodeKeuze.selectedIndex = i.invoerPerioden.length > 1 ? 1 : 0;
    veld('Periode', periodeKeuze);
    const bestaand = el('p', null, { class: 'klein', 'aria-live': 'polite' });
    form.append(bestaand);
    veld(`Waarde${i.eenheid ? ' (' + i.eenheid + ')' : ''}`, el('input', null, { name: 'waarde', inputmode: 'decimal', autocomplete: 'off' }));
    veld('Verhaal achter de cijfers (optioneel)', el('textarea', null, { name: 'verhaal', rows: '2', maxlength: '4000' }),
      'Waarom beweegt de waarde zo?');
    veld('Voorstel (optioneel)', el('textarea', null, { name: 'voorstel', rows: '2', maxlength: '4000' }), 'Wat stellen we voor?');
    veld('Toelichting', el('textarea', null, { name: 'toelichting', rows: '2', maxlength: '4000' }),
      'Verplicht bij een correctie: waarom verandert de meting van deze periode (de waarde of het verhaal)?');
    const knoppen = el('div', null, { class: 'knoppen' });
    knoppen.append(el('button', 'Meting opslaan', { type: 'submit' }));
    form.append(knoppen);

    // A correction starts from the period's story: saving a new value alone must not drop it.
    // What the user typed stays; only text this form filled in itself follows the period.
    const overgenomen = { verhaal: '', voorstel: '' };
    const toonBestaand = () => {
      const m = i.metingen.find(x => x.periode === periodeKeuze.value);
      Object.keys(overgenomen).forEach(naam => {
        const invoer = form.elements[naam];
        if (invoer.value !== overgenomen[naam]) { return; }
        invoer.value = (m && m[naam]) || '';
        overgenomen[naam] = invoer.value;
      });
      bestaand.textContent = m ? `${periode(m.periode, i.meetfrequentie)} heeft al de waarde ${g(m.waarde)}`
        + `${m.versie > 1 ? ' (versie ' + m.versie + ')' : ''}. Opnieuw opslaan, ook met alleen een ander verhaal, is een correctie: de vorige versie blijft bewaard.` : '';
    };
    periodeKeuze.addEventListener('change', toonBestaand);
    toonBestaand();
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const tekst = naam => form.elements[naam].value.trim() || null;
      const lichaam = { periode: periodeKeuze.value, waarde: Formulier.getal(form.elements.waarde.value),
        verhaal: tekst('verhaal'), voorstel: tekst('voorstel'), toelichting: tekst('toelichting') };
      try {
        const antwoord = await Formulier.verstuur('POST', `api/indicatoren/${i.id}/metingen`, lichaam);
        if (!antwoord.ok) { await Formulier.toonAntwoord(form, antwoord); return; }
        const meting = await antwoord.json();
        document.dispatchEvent(new CustomEvent('meting-opgeslagen', { detail: { indicator: i.id, tekst:
          `${i.naam}: ${g(meting.waarde)} over ${periode(meting.periode, i.meetfrequentie)} is opgeslagen`
          + `${meting.versie > 1 ? ' als versie ' + meting.versie : ''}.` } }));
      } catch (fout) {
        Formulier.toonFouten(form, {}, fout.message);
      }
    });
    details.append(form);
    return details;
  }

  /** After the page is drawn again: the message in the indicator's card, and the focus on its heading. */
  function naarKaart(detail) {
    const kaart = document.querySelector(`[data-indicator="${detail.indicator}"]`);
    if (!kaart) { return; }
    const kop = kaart.querySelector('h2, h3, h4');
    kop.after(el('p', detail.tekst, { class: 'melding' }));
    kop.tabIndex = -1;
    kop.focus();
  }

  /** The card of one indicator; the chart is drawn once the card is in the page. */
  function kaart(i, kopniveau = 'h4') {
    const nummer = ++teller;
    const art = el('article', null, { class: 'kaart indicator', 'aria-labelledby': 'indicator-' + nummer, 'data-indicator': i.id });
    const kop = el(kopniveau, i.naam + (i.eenheid ? ` (${i.eenheid})` : ''), { id: 'indicator-' + nummer });
    art.append(kop);
    const over = [i.richting === 'lager_beter' ? 'lager is beter' : 'hoger is beter', 'meten per ' + i.meetfrequentie];
    if (i.bron) { over.push('bron: ' + i.bron); }
    if (i.status === 'vervallen') { over.push('vervallen'); }
    art.append(el('p', over.join(' · '), { class: 'klein' }));
    if (i.definitie) { art.append(el('p', i.definitie, { class: 'klein' })); }
    const raster = el('div', null, { class: 'indicator-raster' });
    raster.append(kerncijfers(i));
    const figuur = el('figure', null, { class: 'grafiek-figuur' });
    const houder = el('div', null, { class: 'grafiek' });
    const canvas = el('canvas', null, { role: 'img', 'aria-label': samenvatting(i) });
    houder.append(canvas);
    figuur.append(houder, el('figcaption', 'Metingen tegen de streeflijn', { class: 'klein' }));
    raster.append(figuur);
    art.append(raster, tabel(i));
    if (i.magMeten && i.invoerPerioden && i.invoerPerioden.length) { art.append(metingInvoer(i, nummer)); }
    art.tekenen = () => grafiek(canvas, i);
    return art;
  }

  return { kaart, naarKaart, periode, status, datum, el, getal: g };
})();
