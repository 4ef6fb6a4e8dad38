package nl.stuurwiel.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import nl.stuurwiel.indicator.RealisatieBerekening.Punt;
import nl.stuurwiel.indicator.RealisatieBerekening.Realisatie;
import nl.stuurwiel.indicator.RealisatieBerekening.Status;
import nl.stuurwiel.indicator.RealisatieBerekening.Trend;

/**
 * The scorecard line on hand-computed cases. Unless a case says otherwise the indicator runs
 * from a baseline on 2026-01-01 to a target on 2028-01-01: 730 days, so the end of 2026 lies
 * exactly halfway. Default thresholds: achter below -0.10, uit_koers below -0.25 of the
 * planned change; trend over 3 periods, flat within 2%.
 */
class RealisatieBerekeningTest {

    private static final LocalDate BASIS = LocalDate.of(2026, 1, 1);
    private static final LocalDate STREEF = LocalDate.of(2028, 1, 1);
    private static final LocalDate PEILDATUM = LocalDate.of(2029, 6, 1);

    private final RealisatieBerekening berekening = new RealisatieBerekening(new RealisatieInstellingen());

    record Geval(String naam, Richting richting, Meetfrequentie frequentie, String basis, String streef,
            Map<Integer, String> tussendoelen, List<String> reeks, String norm, String bron, String traject,
            String volgendeNorm, String afwijking, Status status, Trend trend, String verandering,
            String veranderingRelatief) {

        @Override
        public String toString() {
            return naam;
        }
    }

    static Stream<Geval> gevallen() {
        return Stream.of(
                // 2026 judged on 2027-01-01: trajectory 150; (140-150)/150; (140-150)/(200-100) = -0.10 is on the edge
                new Geval("hoger beter, 10% of the planned change behind: still op koers", Richting.HOGER_BETER,
                        Meetfrequentie.JAAR, "100", "200", Map.of(), List.of("2026-01-01=140"), "150", "traject",
                        "150", "200", "-0.0667", Status.OP_KOERS, null, "40", "0.4000"),
                new Geval("hoger beter, 20% behind: achter", Richting.HOGER_BETER, Meetfrequentie.JAAR, "100", "200",
                        Map.of(), List.of("2026-01-01=130"), "150", "traject", "150", "200", "-0.1333",
                        Status.ACHTER, null, "30", "0.3000"),
                new Geval("hoger beter, 30% behind: uit koers", Richting.HOGER_BETER, Meetfrequentie.JAAR, "100",
                        "200", Map.of(), List.of("2026-01-01=120"), "150", "traject", "150", "200", "-0.2000",
                        Status.UIT_KOERS, null, "20", "0.2000"),
                // lager beter 120 -> 60: trajectory 90; (95-90)/90 flipped; (95-90)/(60-120) = -0.0833
                new Geval("lager beter, slightly above the trajectory: op koers, negative variance",
                        Richting.LAGER_BETER, Meetfrequentie.JAAR, "120", "60", Map.of(), List.of("2026-01-01=95"),
                        "90", "traject", "90", "60", "-0.0556", Status.OP_KOERS, null, "-25", "-0.2083"),
                new Geval("lager beter, below the trajectory is good: positive variance", Richting.LAGER_BETER,
                        Meetfrequentie.JAAR, "120", "60", Map.of(), List.of("2026-01-01=80"), "90", "traject", "90",
                        "60", "0.1111", Status.OP_KOERS, null, "-40", "-0.3333"),
                // (110-90)/(60-120) = -0.3333
                new Geval("lager beter, well above the trajectory: uit koers", Richting.LAGER_BETER,
                        Meetfrequentie.JAAR, "120", "60", Map.of(), List.of("2026-01-01=110"), "90", "traject", "90",
                        "60", "-0.2222", Status.UIT_KOERS, null, "-10", "-0.0833"),
                // norm is the 2026 tussendoel 120; status still against the straight line: (125-150)/100 = -0.25
                new Geval("yearly tussendoel is the norm; status against the straight line", Richting.HOGER_BETER,
                        Meetfrequentie.JAAR, "100", "200", Map.of(2026, "120", 2027, "190"),
                        List.of("2026-01-01=125"), "120", "tussendoel", "150", "190", "0.0417", Status.ACHTER, null,
                        "25", "0.2500"),
                // Q3 2026 judged on 2026-10-01: 273 of 730 days, 100 + 100 * 273/730 = 137.3973; next Q4 on 2027-01-01: 150
                new Geval("kwartaal: interpolated by day; 110 -> 111 within 2% is stabiel", Richting.HOGER_BETER,
                        Meetfrequentie.KWARTAAL, "100", "200", Map.of(),
                        List.of("2026-01-01=110", "2026-04-01=112", "2026-07-01=111"), "137.3973", "traject",
                        "137.3973", "150.0000", "-0.1921", Status.UIT_KOERS, Trend.STABIEL, "11", "0.1100"),
                // the trend compares the first and last of the latest three periods only: 104 -> 110;
                // next Q1 2027 judged on 2027-04-01: 455 of 730 days, 100 - 50 * 455/730 = 68.8356
                new Geval("lager beter, rising values: verslechtert", Richting.LAGER_BETER, Meetfrequentie.KWARTAAL,
                        "100", "50", Map.of(), List.of("2026-01-01=80", "2026-04-01=104", "2026-07-01=106",
                                "2026-10-01=110"),
                        "75", "traject", "75", "68.8356", "-0.4667", Status.UIT_KOERS, Trend.VERSLECHTERT, "10",
                        "0.1000"),
                new Geval("hoger beter, rising values: verbetert", Richting.HOGER_BETER, Meetfrequentie.HALFJAAR,
                        "100", "200", Map.of(), List.of("2026-01-01=120", "2026-07-01=160"), "150", "traject", "150",
                        "174.7945", "0.0667", Status.OP_KOERS, Trend.VERBETERT, "60", "0.6000"),
                // after the target date the trajectory stays at the target
                new Geval("after the target date the norm is the target", Richting.HOGER_BETER, Meetfrequentie.JAAR,
                        "100", "200", Map.of(), List.of("2028-01-01=210"), "200", "traject", "200", "200", "0.0500",
                        Status.OP_KOERS, null, "110", "1.1000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gevallen")
    void computesTheScorecardLine(Geval geval) {
        Indicator indicator = indicator(geval.richting(), geval.frequentie(), geval.basis(), geval.streef());
        indicator.zetTussendoelen(geval.tussendoelen().entrySet().stream().collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> new BigDecimal(e.getValue()))));

        Realisatie r = berekening.bereken(indicator, punten(geval.reeks()), PEILDATUM);

        assertThat(r.huidigeNorm()).as("norm").isEqualByComparingTo(geval.norm());
        assertThat(r.normBron()).isEqualTo(geval.bron());
        assertThat(r.trajectwaarde()).as("trajectory").isEqualByComparingTo(geval.traject());
        assertThat(r.volgendeNorm()).as("next norm").isEqualByComparingTo(geval.volgendeNorm());
        assertThat(r.afwijkingVanNorm()).as("variance").isEqualByComparingTo(geval.afwijking());
        assertThat(r.status()).as("status").isEqualTo(geval.status());
        assertThat(r.trend()).as("trend").isEqualTo(geval.trend());
        assertThat(r.veranderingSindsBasis()).as("change").isEqualByComparingTo(geval.verandering());
        assertThat(r.veranderingSindsBasisRelatief()).as("relative change")
                .isEqualByComparingTo(geval.veranderingRelatief());
        assertThat(r.melding()).isNull();
    }

    @Test
    void priorAndCurrentValueAreTheLastTwoPeriodsWhateverTheInputOrder() {
        Indicator indicator = indicator(Richting.HOGER_BETER, Meetfrequentie.KWARTAAL, "100", "200");

        Realisatie r = berekening.bereken(indicator,
                punten(List.of("2026-07-01=130", "2026-01-01=110", "2026-04-01=120")), PEILDATUM);

        assertThat(r.huidigePeriode()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(r.huidigeWaarde()).isEqualByComparingTo("130");
        assertThat(r.vorigePeriode()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(r.vorigeWaarde()).isEqualByComparingTo("120");
        assertThat(r.volgendePeriode()).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void withoutMeasurementsThereIsANormButNoStatus() {
        Indicator indicator = indicator(Richting.HOGER_BETER, Meetfrequentie.JAAR, "100", "200");

        // Peildatum 2027-03-01: the last completed year is 2026, judged at 2027-01-01.
        Realisatie r = berekening.bereken(indicator, List.of(), LocalDate.of(2027, 3, 1));

        assertThat(r.huidigeWaarde()).isNull();
        assertThat(r.huidigeNorm()).isEqualByComparingTo("150");
        assertThat(r.status()).isNull();
        assertThat(r.trend()).isNull();
        assertThat(r.melding()).isEqualTo("nog geen meting");
    }

    @Test
    void anIndicatorWithoutTargetIsNotJudged() {
        Indicator indicator = new Indicator("Tevredenheid", Richting.HOGER_BETER, Meetfrequentie.JAAR);
        indicator.zetBasis(new BigDecimal("7"), BASIS);

        Realisatie r = berekening.bereken(indicator, punten(List.of("2026-01-01=7.5")), PEILDATUM);

        assertThat(r.status()).isNull();
        assertThat(r.huidigeNorm()).isNull();
        assertThat(r.afwijkingVanNorm()).isNull();
        assertThat(r.veranderingSindsBasis()).isEqualByComparingTo("0.5");
        assertThat(r.melding()).startsWith("niet meetbaar");
    }

    @Test
    void thresholdsComeFromConfiguration() {
        RealisatieInstellingen streng = new RealisatieInstellingen();
        streng.setAchterMarge(new BigDecimal("0.05"));
        streng.setUitKoersMarge(new BigDecimal("0.08"));
        Indicator indicator = indicator(Richting.HOGER_BETER, Meetfrequentie.JAAR, "100", "200");

        // 10% behind the trajectory: op koers by default, uit koers with these margins.
        assertThat(new RealisatieBerekening(streng).bereken(indicator, punten(List.of("2026-01-01=140")), PEILDATUM)
                .status()).isEqualTo(Status.UIT_KOERS);
        assertThat(berekening.bereken(indicator, punten(List.of("2026-01-01=140")), PEILDATUM).status())
                .isEqualTo(Status.OP_KOERS);
    }

    @Test
    void periodsAreCalendarAligned() {
        assertThat(Meetfrequentie.KWARTAAL.periodeVan(LocalDate.of(2026, 8, 17))).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(Meetfrequentie.HALFJAAR.periodeVan(LocalDate.of(2026, 6, 30))).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(Meetfrequentie.MAAND.isPeriodeBegin(LocalDate.of(2026, 2, 1))).isTrue();
        assertThat(Meetfrequentie.KWARTAAL.isPeriodeBegin(LocalDate.of(2026, 2, 1))).isFalse();
        assertThat(Meetfrequentie.JAAR.volgende(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void periodsAreNamedAsPeopleNameThem() {
        assertThat(Meetfrequentie.MAAND.naam(LocalDate.of(2026, 3, 1))).isEqualTo("maart 2026");
        assertThat(Meetfrequentie.KWARTAAL.naam(LocalDate.of(2026, 7, 1))).isEqualTo("2026 K3");
        assertThat(Meetfrequentie.KWARTAAL.naam(LocalDate.of(2026, 10, 1))).isEqualTo("2026 K4");
        assertThat(Meetfrequentie.HALFJAAR.naam(LocalDate.of(2026, 1, 1))).isEqualTo("2026 H1");
        assertThat(Meetfrequentie.HALFJAAR.naam(LocalDate.of(2026, 7, 1))).isEqualTo("2026 H2");
        assertThat(Meetfrequentie.JAAR.naam(LocalDate.of(2026, 1, 1))).isEqualTo("2026");
        assertThat(Meetfrequentie.KWARTAAL.naam(LocalDate.of(2026, 2, 1)))
                .as("measured monthly before the indicator went quarterly").isEqualTo("periode vanaf 1 februari 2026");
    }

    private static Indicator indicator(Richting richting, Meetfrequentie frequentie, String basis, String streef) {
        Indicator indicator = new Indicator("Indicator", richting, frequentie);
        indicator.setEenheid("aantal");
        indicator.zetBasis(new BigDecimal(basis), BASIS);
        indicator.zetStreef(new BigDecimal(streef), STREEF);
        return indicator;
    }

    private static List<Punt> punten(List<String> reeks) {
        List<Punt> punten = new ArrayList<>();
        for (String p : reeks) {
            String[] delen = p.split("=");
            punten.add(new Punt(LocalDate.parse(delen[0]), new BigDecimal(delen[1])));
        }
        return punten;
    }
}
