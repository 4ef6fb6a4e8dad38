// Camunda Forms (form-js) in Tasklist speaks English whatever the webapp's language: its validation
// messages, and the calendar of a date field (English names, weeks from Sunday). A date field also
// reads and writes dates in the order of the computer's own locale, so 04/12/2026 is 12 April on a
// computer set up in American English. A number field takes a point for the decimal point and then
// silently drops the keys that follow, so a budget typed as 1.250.000 became 1.25. Stuurwiel's forms
// are Dutch, so all of it is Dutch here.

// The validation messages, as they appear. The text node is changed in place: form-js (Preact) keeps
// writing into that same node when the message changes, and the observer translates it again.
const MELDINGEN = [
  [/^Field is required\.$/, () => 'Dit veld is verplicht.'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `Vul een waarde van ten minste ${m[1]} in.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `Vul een waarde van ten hoogste ${m[1]} in.`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `Vul ten minste ${m[1]} tekens in.`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `Vul ten hoogste ${m[1]} tekens in.`],
  [/^Field must match pattern (.+)\.$/, (m) => `Vul een waarde in volgens het patroon ${m[1]}.`],
  [/^Field must be a valid email\.$/, () => 'Vul een geldig e-mailadres in.'],
  [/^Value is not a number\.$/, () => 'Vul een getal in.'],
  [/^Value is expected to be an integer\.$/, () => 'Vul een geheel getal in, zonder komma.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `Vul ten hoogste ${m[1]} ${m[1] === '1' ? 'cijfer' : 'cijfers'} achter de komma in.`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `Vul een geldige waarde in; de dichtstbijzijnde zijn ${m[1]} en ${m[2]}.`],
  [/^Field must be a valid\s+international phone number\. \(e\.g\. (.+)\)$/,
    (m) => `Vul een geldig internationaal telefoonnummer in, bijvoorbeeld ${m[1]}.`]
];

export function vertaal(tekst) {
  for (const [patroon, nederlands] of MELDINGEN) {
    const m = patroon.exec(tekst.trim());
    if (m) {
      return nederlands(m);
    }
  }
  return tekst;
}

// A select field without a choice shows "Select"; its search field says "Search".
const KEUZE = 'Maak een keuze';
const ZOEKEN = { Search: 'Zoeken' };

function vertaalTekst(tekst) {
  const ouder = tekst.parentElement;
  let nederlands = tekst.data;
  if (ouder?.closest('.fjs-form-field-error li')) {
    nederlands = vertaal(tekst.data);
  } else if (ouder?.classList.contains('fjs-select-placeholder') && tekst.data === 'Select') {
    nederlands = KEUZE;
  }
  if (nederlands !== tekst.data) {
    tekst.data = nederlands;
  }
}

function zoekveldenIn(knoop) {
  if (knoop.nodeType === Node.ELEMENT_NODE) {
    for (const veld of knoop.querySelectorAll('.fjs-form-field input[placeholder]')) {
      veld.placeholder = ZOEKEN[veld.placeholder] ?? veld.placeholder;
    }
  }
}

// The process refuses a form with its rules' own text, which names each field by its variable
// ("Ongeldige invoer: reviewToelichting: is verplicht bij bijsturen"); the user knows the field by
// its label ("Toelichting: is verplicht bij bijsturen").
export function metLabels(melding, labels) {
  return melding.replace(/^Ongeldige invoer: /, '').split('; ').map((deel) => {
    const veld = /^([\w.[\]]+): ([\s\S]*)$/.exec(deel);
    return veld && labels.has(veld[1]) ? `${labels.get(veld[1])}: ${veld[2]}` : deel;
  }).join('; ');
}

function labelsVan(container) {
  const labels = new Map();
  const formulier = container ? diensten(container.__k) : null;
  for (const veld of formulier ? formulier.getService('formFieldRegistry').getAll() : []) {
    if (veld.key && veld.label) {
      labels.set(veld.key, veld.label);
    }
  }
  return labels;
}

// Tasklist shows a refused form's reason at the top of the form, the button that sent it sits at
// the bottom: brought into view, or the user sees nothing happen.
function toonFoutmeldingIn(knoop) {
  if (knoop.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const melding = knoop.matches('.notifications .alert-danger') ? knoop
    : knoop.querySelector('.notifications .alert-danger');
  if (!melding) {
    return;
  }
  const tekst = melding.querySelector('.message');
  if (tekst) {
    const venster = melding.closest('.modal-content');
    const container = venster ? venster.querySelector('.fjs-container')
      : [...document.querySelectorAll('.fjs-container')].find((c) => !c.closest('.modal-content'));
    tekst.textContent = metLabels(tekst.textContent, labelsVan(container));
    // "Het proces kan niet worden gestart. : Einddatum: …": the reason goes on its own line instead.
    const scheiding = [...melding.querySelectorAll('strong:not(.status)')].find((s) => s.textContent.trim() === ':');
    scheiding?.replaceWith(document.createElement('br'));
  }
  melding.scrollIntoView({ block: 'nearest' });
}

// The buttons of a number field are named for screen readers, in English.
const KNOPNAMEN = { Increment: 'Verhogen', Decrement: 'Verlagen' };

function noemKnoppenIn(knoop) {
  if (knoop.nodeType === Node.ELEMENT_NODE) {
    for (const knop of knoop.querySelectorAll('.fjs-number-arrow-container button[aria-label]')) {
      knop.setAttribute('aria-label', KNOPNAMEN[knop.getAttribute('aria-label')] ?? knop.getAttribute('aria-label'));
    }
  }
}

function vertaalTekstIn(knoop) {
  if (knoop.nodeType === Node.TEXT_NODE) {
    vertaalTekst(knoop);
  } else if (knoop.nodeType === Node.ELEMENT_NODE) {
    const wandelaar = document.createTreeWalker(knoop, NodeFilter.SHOW_TEXT);
    for (let tekst = wandelaar.nextNode(); tekst; tekst = wandelaar.nextNode()) {
      vertaalTekst(tekst);
    }
  }
}

// The calendar is a flatpickr, which form-js bundles with English only; its instance hangs on the
// date field, a moment after form-js draws the field. form-js hands it dates, not text, so the
// notation can change without touching the value. On a press or focus it is checked again, should
// form-js have made a new calendar since.
const DATUMNOTATIE = 'd-m-Y';
const KALENDER = {
  weekdays: {
    shorthand: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
    longhand: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag']
  },
  months: {
    shorthand: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
    longhand: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september',
      'oktober', 'november', 'december']
  },
  firstDayOfWeek: 1,
  weekAbbreviation: 'wk',
  rangeSeparator: ' t/m ',
  scrollTitle: 'Scroll om te verhogen of te verlagen',
  toggleTitle: 'Klik om te wisselen',
  yearAriaLabel: 'Jaar',
  monthAriaLabel: 'Maand',
  hourAriaLabel: 'Uur',
  minuteAriaLabel: 'Minuut',
  time_24hr: true,
  ordinal: () => 'e'
};

function kalenderInHetNederlands(veld) {
  veld.placeholder = 'dd-mm-jjjj';
  const kalender = veld._flatpickr;
  if (kalender && kalender.config.locale !== KALENDER) {
    kalender.set({ locale: KALENDER, dateFormat: DATUMNOTATIE, ariaDateFormat: 'j F Y' });
  }
  return Boolean(kalender);
}

function zodraDeKalenderErIs(veld, pogingen = 40) {
  if (!kalenderInHetNederlands(veld) && pogingen > 0) {
    setTimeout(() => zodraDeKalenderErIs(veld, pogingen - 1), 50);
  }
}

function datumveldenIn(knoop) {
  if (knoop.nodeType !== Node.ELEMENT_NODE) {
    return [];
  }
  const velden = [...knoop.querySelectorAll('.fjs-datepicker input.fjs-input')];
  return knoop.matches('.fjs-datepicker input.fjs-input') ? [knoop, ...velden] : velden;
}

function bijAanrakingVanEenDatumveld(gebeurtenis) {
  const veld = gebeurtenis.target instanceof Element ? gebeurtenis.target.closest('.fjs-datepicker input.fjs-input') : null;
  if (veld) {
    kalenderInHetNederlands(veld);
  }
}

// Number fields: the comma is the decimal sign (form-js takes it too), a point between digits groups
// thousands and is left out, as Dutch writes numbers. Only a point right after a leading 0 (0.5) can
// mean nothing but a decimal sign, so that one stays.
const GETALVELD = '.fjs-form-field-number input.fjs-input';

function getalveldVan(gebeurtenis) {
  return gebeurtenis.target instanceof Element ? gebeurtenis.target.closest(GETALVELD) : null;
}

function bijToetsInEenGetalveld(toets) {
  const veld = getalveldVan(toets);
  if (!veld || toets.ctrlKey || toets.metaKey || toets.altKey) {
    return;
  }
  if (toets.key === '.') {
    const ervoor = veld.value.slice(0, veld.selectionStart);
    if (!/^-?0$/.test(ervoor) || /[.,]/.test(veld.value)) {
      toets.preventDefault();
      toets.stopPropagation();
    }
  } else if (toets.key.length === 1 && !/[0-9,-]/.test(toets.key)) {
    // A sign or letter ("€ 80.000", "1 fte") made form-js show NaN and send the field empty without
    // a word; the field shows € already. Only what a number is made of gets in.
    toets.preventDefault();
    toets.stopPropagation();
  }
}

export function getalInHetNederlands(tekst) {
  const getal = tekst.replace(/[^0-9,.-]/g, '');
  if (getal.includes(',') || /\.\d{3}(\.|$)/.test(getal) && !/^-?0\./.test(getal)) {
    return getal.replace(/\./g, '').replace(',', '.');
  }
  return getal;
}

function bijPlakkenInEenGetalveld(plakken) {
  const veld = getalveldVan(plakken);
  if (veld) {
    plakken.preventDefault();
    plakken.stopPropagation();
    veld.setRangeText(getalInHetNederlands(plakken.clipboardData.getData('text')), veld.selectionStart,
      veld.selectionEnd, 'end');
    veld.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

// Tasklist counts every key of the errors form-js reports as an error, and form-js leaves an empty
// list behind for each field of a dynamic list it has checked (errors.Field_MetingWaarde = []). A form
// with a list, as the progress report with its metingen, stayed invalid without showing why, and
// "Voltooien" stayed disabled. Each form's changes now reach Tasklist without the empty lists. form-js
// offers no handle on a form it drew, so its services are taken from the context Preact keeps on
// the container (__k); should a later version keep them elsewhere, nothing changes.
const BEWAAKT = new WeakSet();

function heeftFout(fouten) {
  if (Array.isArray(fouten)) {
    return fouten.some(heeftFout);
  }
  if (fouten && typeof fouten === 'object') {
    return Object.values(fouten).some(heeftFout);
  }
  return typeof fouten === 'string';
}

export function zonderLegeFouten(fouten) {
  return Object.fromEntries(Object.entries(fouten || {}).filter(([, fout]) => heeftFout(fout)));
}

function diensten(knoop, diepte = 0) {
  if (!knoop || diepte > 30) {
    return null;
  }
  const waarde = knoop.props && knoop.props.value;
  if (waarde && typeof waarde.getService === 'function') {
    return waarde;
  }
  for (const kind of knoop.__k || []) {
    const gevonden = diensten(kind, diepte + 1);
    if (gevonden) {
      return gevonden;
    }
  }
  return null;
}

// A form's text block reads as Markdown, and so did what it inserts: a title typed as
// "[Opnieuw inloggen](https://…)" became a working link in the intake officer's form, "<b>" vanished.
// What users typed is shown as they typed it: every punctuation mark in an inserted value is escaped,
// so Markdown reads it as itself, while the block's own Markdown (headings, bold) stays. form-js's text
// block is its one caller of the templating that asks for strict or lenient evaluation without a
// sanitizer (labels ask for neither, the HTML block brings its own); the patch is made on the class,
// so every later form has it from its first drawing, and the first one is drawn again below.
export function letterlijk(waarde) {
  return typeof waarde === 'string' ? waarde.replace(/[!-/:-@[-`{-~]/g, '\\$&') : waarde;
}

function toonIngevoegdeTekstLetterlijk(templating) {
  const klasse = Object.getPrototypeOf(templating);
  if (!klasse || klasse.stuurwielLetterlijk || typeof klasse.evaluate !== 'function') {
    return;
  }
  const evalueer = klasse.evaluate;
  klasse.evaluate = function (sjabloon, context, opties = {}) {
    const tekstblok = 'strict' in opties && !opties.sanitizer;
    return evalueer.call(this, sjabloon, context, tekstblok ? { ...opties, sanitizer: letterlijk } : opties);
  };
  klasse.stuurwielLetterlijk = true;
}

function bewaakFoutenIn(knoop) {
  if (knoop.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const container = knoop.closest('.fjs-container') || knoop.querySelector('.fjs-container');
  const formulier = container && !BEWAAKT.has(container) ? diensten(container.__k) : null;
  if (!formulier) {
    return;
  }
  BEWAAKT.add(container);
  toonIngevoegdeTekstLetterlijk(formulier.getService('templating', false));
  formulier.getService('eventBus').on('changed', 2000, (wijziging) => {
    wijziging.errors = zonderLegeFouten(wijziging.errors);
  });
  // Tasklist judged the form as it was drawn, before this listener, and the text blocks were drawn
  // before the patch above: a change lets Tasklist judge again and form-js draw again.
  formulier.getService('form').setProperty('stuurwielGecontroleerd', true);
  // The forms link to the opdracht in the portfolio; in the same tab the task would be left behind.
  formulier.getService('form').setProperty('textLinkTarget', '_blank');
}

export function formulierenInHetNederlands() {
  new MutationObserver((wijzigingen) => {
    for (const wijziging of wijzigingen) {
      if (wijziging.type === 'characterData') {
        vertaalTekstIn(wijziging.target);
      }
      for (const knoop of wijziging.addedNodes) {
        vertaalTekstIn(knoop);
        noemKnoppenIn(knoop);
        zoekveldenIn(knoop);
        toonFoutmeldingIn(knoop);
        bewaakFoutenIn(knoop);
        datumveldenIn(knoop).forEach((veld) => zodraDeKalenderErIs(veld));
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  // Capturing on the document runs before form-js opens the calendar on the field itself.
  document.addEventListener('mousedown', bijAanrakingVanEenDatumveld, true);
  document.addEventListener('focus', bijAanrakingVanEenDatumveld, true);
  document.addEventListener('keypress', bijToetsInEenGetalveld, true);
  document.addEventListener('paste', bijPlakkenInEenGetalveld, true);
}
