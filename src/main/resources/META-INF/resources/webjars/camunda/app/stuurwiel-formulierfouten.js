// Camunda Forms (form-js) writes its validation messages in English only, whatever the webapp's
// language; Stuurwiel's forms are Dutch, so their messages are put into Dutch as they appear. The
// text node is changed in place: form-js (Preact) keeps writing into that same node when the message
// changes, and the observer translates it again.
const MELDINGEN = [
  [/^Field is required\.$/, () => 'Dit veld is verplicht.'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `Vul een waarde van ten minste ${m[1]} in.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `Vul een waarde van ten hoogste ${m[1]} in.`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `Vul ten minste ${m[1]} tekens in.`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `Vul ten hoogste ${m[1]} tekens in.`],
  [/^Field must match pattern (.+)\.$/, (m) => `Vul een waarde in volgens het patroon ${m[1]}.`],
  [/^Field must be a valid email\.$/, () => 'Vul een geldig e-mailadres in.'],
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

function vertaalTekst(tekst) {
  if (tekst.parentElement?.closest('.fjs-form-field-error li')) {
    const nederlands = vertaal(tekst.data);
    if (nederlands !== tekst.data) {
      tekst.data = nederlands;
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

export function vertaalFormulierfouten() {
  new MutationObserver((wijzigingen) => {
    for (const wijziging of wijzigingen) {
      if (wijziging.type === 'characterData') {
        vertaalTekstIn(wijziging.target);
      }
      wijziging.addedNodes.forEach(vertaalTekstIn);
    }
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}
