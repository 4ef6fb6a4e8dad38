package nl.stuurwiel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.TimeZone;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.indicator.Meetfrequentie;

/** The application's days are Dutch days, whatever zone the machine runs in. */
@StuurwielTest
class TijdzoneTest {

    @Test
    void halfAnHourIntoAprilInTheNetherlandsIsAprilAndTheSecondQuarterWhileUtcIsStillInMarch() {
        assertThat(TimeZone.getDefault().getID()).isEqualTo("Europe/Amsterdam");
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-31T22:30:00Z")));
        try {
            assertThat(Klok.vandaag()).isEqualTo(LocalDate.of(2026, 4, 1));
            assertThat(Meetfrequentie.KWARTAAL.periodeVan(Klok.vandaag())).isEqualTo(LocalDate.of(2026, 4, 1));
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void anotherZoneCanBeSetAndAnUnknownOneStopsTheStartWithThePropertyNamed() {
        TimeZone voor = TimeZone.getDefault();
        try {
            new Tijdzone().postProcessEnvironment(new MockEnvironment().withProperty(Tijdzone.EIGENSCHAP, "UTC"), null);
            assertThat(TimeZone.getDefault().getID()).isEqualTo("UTC");

            assertThatThrownBy(() -> new Tijdzone().postProcessEnvironment(
                    new MockEnvironment().withProperty(Tijdzone.EIGENSCHAP, "Europe/Utreg"), null))
                    .hasMessageContaining("stuurwiel.tijdzone").hasMessageContaining("Europe/Utreg");
            assertThat(TimeZone.getDefault().getID()).as("unchanged").isEqualTo("UTC");
        } finally {
            TimeZone.setDefault(voor);
        }
    }
}
