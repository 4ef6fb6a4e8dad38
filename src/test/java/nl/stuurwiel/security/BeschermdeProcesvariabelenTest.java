package nl.stuurwiel.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a client may not set: the variables the delegates keep, never a field a form asks for. */
class BeschermdeProcesvariabelenTest {

    @Test
    void theDelegatesVariablesAreProtectedAndTheFormsFieldsAreNot() {
        assertThat(BeschermdeProcesvariabelen.BESCHERMD).contains("opdrachtKey", "opdrachtTitel", "teamGroep",
                "aanvrager", "reviewCyclus", "geplandEinde", "prioriteitScore", "indicatorId", "eigenaar",
                "vervaldatum", "rapportageId", "periodeVan", "periodeTot", "rapportageNummer", "metingenGevraagd",
                "bijstellingNummer", "periode", "vorigeWaarde");
        assertThat(BeschermdeProcesvariabelen.formulierVelden()).contains("intakeBesluit", "budget", "waarde",
                "reviewBesluit", "toelichtingAlgemeen", "metingen").as("a dynamic list's own fields are no variables")
                .doesNotContain("periode", "vorigeWaarde");
        assertThat(BeschermdeProcesvariabelen.BESCHERMD)
                .doesNotContainAnyElementsOf(BeschermdeProcesvariabelen.formulierVelden());
    }
}
