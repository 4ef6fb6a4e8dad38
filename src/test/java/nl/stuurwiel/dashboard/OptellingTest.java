package nl.stuurwiel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.stuurwiel.dashboard.DashboardService.Middelen;
import nl.stuurwiel.dashboard.DashboardService.Optelling;

/** The doelen's shares add up to the portfolio to the cent. */
class OptellingTest {

    @Test
    void sharesRoundedToCentsAddUpToWhatWasShared() {
        Optelling optelling = new Optelling();
        BigDecimal derde = DashboardService.aandeel(1, 3);
        for (String doel : List.of("D-A", "D-B", "D-C")) {
            optelling.tel(doel, 1L, derde, new BigDecimal("100000.01"), new BigDecimal("0.02"),
                    new BigDecimal("0.70"), null);
        }
        // A second opdracht shares two ways; its halves are exact.
        optelling.tel("D-A", 2L, DashboardService.aandeel(1, 2), new BigDecimal("40000.00"), null, BigDecimal.ONE, null);
        optelling.tel("D-C", 2L, DashboardService.aandeel(1, 2), new BigDecimal("40000.00"), null, BigDecimal.ONE, null);

        List<Middelen> middelen = optelling.allemaal(Map.of("D-A", "A", "D-B", "B", "D-C", "C"));

        assertThat(middelen).extracting(Middelen::groep).containsExactly("D-A", "D-B", "D-C");
        assertThat(middelen).extracting(Middelen::naam).containsExactly("A", "B", "C");
        assertThat(middelen).extracting(Middelen::aantal).containsExactly(2L, 1L, 2L);
        assertThat(som(middelen, Middelen::budget)).isEqualByComparingTo("140000.01");
        assertThat(som(middelen, Middelen::besteed)).isEqualByComparingTo("0.02");
        assertThat(som(middelen, Middelen::fte)).isEqualByComparingTo("1.70");
        assertThat(som(middelen, Middelen::ingezetteFte)).isEqualByComparingTo("0.00");
        // No doel is more than a cent from its exact share (33.333,3366… + 20.000 for A and C).
        assertThat(middelen).extracting(Middelen::budget).allSatisfy(b -> assertThat(b.scale()).isEqualTo(2));
        assertThat(middelen.get(0).budget()).isBetween(new BigDecimal("53333.33"), new BigDecimal("53333.34"));
        assertThat(middelen.get(1).budget()).isBetween(new BigDecimal("33333.33"), new BigDecimal("33333.34"));
        assertThat(middelen.get(1).fte()).isBetween(new BigDecimal("0.23"), new BigDecimal("0.24"));
    }

    private static BigDecimal som(List<Middelen> middelen, java.util.function.Function<Middelen, BigDecimal> waarde) {
        return middelen.stream().map(waarde).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
