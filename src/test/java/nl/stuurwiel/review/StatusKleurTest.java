package nl.stuurwiel.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.indicator.IndicatorService;
import nl.stuurwiel.indicator.MetingInvoer;
import nl.stuurwiel.indicator.RealisatieBerekening.Status;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.StatusKleur;
import nl.stuurwiel.review.StatusKleurService.KleurInvoer;
import nl.stuurwiel.system.OngeldigeInvoerException;

/** processes/status-kleur.dmn on a table of cases, and the team's colour next to the computed one. */
class StatusKleurTest extends LevenscyclusTestBasis {

    @Autowired
    StatusKleurService statusKleur;
    @Autowired
    IndicatorService indicatorService;

    @ParameterizedTest(name = "{0}, budget {1}, fte {2}, {3} days late -> {4}")
    @CsvSource(nullValues = "-", value = {
            "OP_KOERS,  1.00, 1.00,  0, GROEN",
            "OP_KOERS,  1.10, 1.10,  0, GROEN",
            "OP_KOERS,     -,    -,  0, GROEN",
            "ACHTER,    1.00, 1.00,  0, ORANJE",
            "-,         1.00, 1.00,  0, ORANJE",
            "OP_KOERS,  1.11, 1.00,  0, ORANJE",
            "OP_KOERS,  1.25, 1.00,  0, ORANJE",
            "OP_KOERS,  1.00, 1.20,  0, ORANJE",
            "OP_KOERS,  1.00, 1.00,  5, ORANJE",
            "OP_KOERS,  1.00, 1.00, 30, ORANJE",
            "UIT_KOERS, 0.90, 0.90,  0, ROOD",
            "OP_KOERS,  1.26, 1.00,  0, ROOD",
            "OP_KOERS,  1.00, 1.30,  0, ROOD",
            "OP_KOERS,  1.00, 1.00, 31, ROOD",
            "ACHTER,    1.30, 1.00,  0, ROOD",
            "-,            -,    -, 40, ROOD"})
    void decisionTableGivesTheColour(Status status, BigDecimal budget, BigDecimal fte, long dagenTeLaat,
            StatusKleur kleur) {
        assertThat(statusKleur.bepaal(new KleurInvoer(status, budget, fte, dagenTeLaat))).isEqualTo(kleur);
    }

    @Test
    void theTeamMayDeviateFromTheComputedColourOnlyWithAReason() {
        ProcessInstance pi = inUitvoering();
        String sleutel = pi.getBusinessKey();
        Indicator indicator = indicatorService.zoek(opdracht(pi).getDoelen().iterator().next().getCode(), null)
                .get(0);
        LocalDate peildatum = LocalDate.of(2026, 5, 1);
        assertThat(statusKleur.invoer(sleutel, peildatum).slechtsteIndicatorStatus())
                .as("nothing measured yet").isNull();

        // 120 -> 60 over 2026-2027; Q1 2026 judged on 2026-04-01 against 112.6: 110 is ahead.
        indicatorService.meet(indicator.getId(), new MetingInvoer("2026-01-01", new BigDecimal("110"), null, null,
                null));
        KleurInvoer invoer = statusKleur.invoer(sleutel, peildatum);
        assertThat(invoer.slechtsteIndicatorStatus()).isEqualTo(Status.OP_KOERS);
        assertThat(invoer.budgetRatio()).as("no progress report yet").isNull();
        assertThat(statusKleur.bepaal(invoer)).isEqualTo(StatusKleur.GROEN);

        OngeldigeInvoerException fout = geweigerd(() -> transactie.executeWithoutResult(
                s -> statusKleur.legVast(sleutel, StatusKleur.ROOD, " ", peildatum)));
        assertThat(fout.getVelden()).containsKey("kleurToelichting");
        assertThat(opdracht(pi).getStatusKleur()).isNull();

        transactie.executeWithoutResult(s -> statusKleur.legVast(sleutel, StatusKleur.ROOD,
                "De aannemer is failliet; de cijfers lopen achter de feiten aan", peildatum));
        Opdracht opdracht = opdracht(pi);
        assertThat(opdracht.getStatusKleur()).isEqualTo(StatusKleur.ROOD);
        assertThat(opdracht.getBerekendeStatusKleur()).isEqualTo(StatusKleur.GROEN);
        assertThat(opdracht.getKleurToelichting()).startsWith("De aannemer");

        transactie.executeWithoutResult(s -> statusKleur.legVast(sleutel, StatusKleur.GROEN, null, peildatum));
        assertThat(opdracht(pi).getStatusKleur()).isEqualTo(StatusKleur.GROEN);
        assertThat(opdracht(pi).getKleurToelichting()).isNull();
    }
}
