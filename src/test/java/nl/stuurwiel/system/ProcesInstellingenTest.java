package nl.stuurwiel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Settings the timers cannot read stop the start, naming the setting, instead of failing at a user's step. */
class ProcesInstellingenTest {

    private static ProcesInstellingen instellingen() {
        ProcesInstellingen instellingen = new ProcesInstellingen();
        instellingen.setReviewCyclus(new LinkedHashMap<>(Map.of("maand", "R/P1M", "kwartaal", "R/P3M",
                "halfjaar", "R/P6M", "jaar", "R/P1Y")));
        return instellingen;
    }

    @Test
    void theDefaultsAndTheShippedCyclesPass() {
        ProcesInstellingen instellingen = instellingen();
        instellingen.controleer();
        assertThat(instellingen.reviewCyclusVoor("KWARTAAL")).isEqualTo("R/P3M");
    }

    @Test
    void aValueTheTimersCannotReadIsRefusedWithItsSettingNamed() {
        ProcesInstellingen herinnering = instellingen();
        herinnering.setAanvullingHerinnering("5 dagen");
        assertThatThrownBy(herinnering::controleer)
                .hasMessage("stuurwiel.proces.aanvulling-herinnering: '5 dagen' is geen ISO-8601-duur zoals P5D");

        ProcesInstellingen cyclus = instellingen();
        cyclus.getReviewCyclus().put("kwartaal", "elk kwartaal");
        assertThatThrownBy(cyclus::controleer).hasMessageStartingWith("stuurwiel.proces.review-cyclus.kwartaal: 'elk kwartaal'");

        ProcesInstellingen eenmalig = instellingen();
        eenmalig.getReviewCyclus().put("jaar", "P1Y");
        assertThatThrownBy(eenmalig::controleer).as("one review only").hasMessage(
                "stuurwiel.proces.review-cyclus.jaar: 'P1Y' is geen ISO-8601-herhaling zoals R/P3M");

        ProcesInstellingen ontbreekt = instellingen();
        ontbreekt.getReviewCyclus().remove("maand");
        assertThatThrownBy(ontbreekt::controleer).hasMessageStartingWith("stuurwiel.proces.review-cyclus.maand ontbreekt");

        ProcesInstellingen cron = instellingen();
        cron.setHalfjaarrapportage("0 0 6 1 1,7");
        assertThatThrownBy(cron::controleer).hasMessageStartingWith("stuurwiel.proces.halfjaarrapportage: '0 0 6 1 1,7'");
    }
}
