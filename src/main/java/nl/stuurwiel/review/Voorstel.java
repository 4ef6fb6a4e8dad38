package nl.stuurwiel.review;

/** What the team proposes in its progress report. */
public enum Voorstel {
    DOORGAAN, BIJSTUREN, STOPPEN, OPSCHALEN
}
