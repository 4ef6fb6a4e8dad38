package nl.stuurwiel.importeren;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.stuurwiel.importeren.Waarden.OngeldigeWaarde;
import nl.stuurwiel.opdracht.ReviewFrequentie;

/** The dates, amounts and choices people type in a Dutch spreadsheet. */
class WaardenTest {

    @ParameterizedTest(name = "{0} → start {1}, eind {2}")
    @CsvSource(delimiter = '|', value = {
            "2026-03-01        | 2026-03-01 | 2026-03-01",
            "2026-3-1          | 2026-03-01 | 2026-03-01",
            "1 juni 2018       | 2018-06-01 | 2018-06-01",
            "1 Juni 2018       | 2018-06-01 | 2018-06-01",
            "15 mrt. 2026      | 2026-03-15 | 2026-03-15",
            "juni 2018         | 2018-06-01 | 2018-06-30",
            "februari 2028     | 2028-02-01 | 2028-02-29",
            "sept 2026         | 2026-09-01 | 2026-09-30",
            "2026-02           | 2026-02-01 | 2026-02-28",
            "2018              | 2018-01-01 | 2018-12-31",
            "1-6-2018          | 2018-06-01 | 2018-06-01",
            "01-06-2018        | 2018-06-01 | 2018-06-01",
            "1/6/2018          | 2018-06-01 | 2018-06-01",
            "31.12.2027        | 2027-12-31 | 2027-12-31" })
    void readsDutchAndIsoDates(String tekst, LocalDate start, LocalDate eind) {
        assertThat(Waarden.datum(tekst, false)).isEqualTo(start);
        assertThat(Waarden.datum(tekst, true)).isEqualTo(eind);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "morgen      | is geen datum; gebruik bijvoorbeeld 2026-03-01",
            "31-2-2026   | is geen bestaande datum",
            "1 juno 2018 | onbekende maand 'juno'",
            "2026-13-01  | is geen bestaande datum" })
    void refusesWhatIsNoDateWithAnExample(String tekst, String melding) {
        assertThatThrownBy(() -> Waarden.datum(tekst, false)).isInstanceOf(OngeldigeWaarde.class)
                .hasMessageContaining(melding);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "€ 12.500,00   | 12500.00",
            "12500         | 12500",
            "12.500        | 12500",
            "1.250.000     | 1250000",
            "12500,50      | 12500.50",
            "€12500        | 12500",
            "€ 20.000,-    | 20000",
            "EUR 1.000,25  | 1000.25",
            "12,500.75     | 12500.75",
            "12500.5       | 12500.5",
            "'-100'        | -100" })
    void readsAmounts(String tekst, BigDecimal bedrag) {
        assertThat(Waarden.bedrag(tekst)).isEqualByComparingTo(bedrag);
    }

    @ParameterizedTest
    @CsvSource({ "twaalf", "12.50.1", "€", "'12,5,0'" })
    void refusesWhatIsNoAmount(String tekst) {
        assertThatThrownBy(() -> Waarden.bedrag(tekst)).isInstanceOf(OngeldigeWaarde.class)
                .hasMessageContaining("is geen bedrag");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = { "1,5 | 1.5", "0.8 | 0.8", "2 | 2", "' 0,25 ' | 0.25" })
    void readsFteWithCommaOrDot(String tekst, BigDecimal fte) {
        assertThat(Waarden.decimaal(tekst)).isEqualByComparingTo(fte);
    }

    @ParameterizedTest
    @CsvSource({ "kwartaal", "KWARTAAL", "Kwartaal", "' kwartaal '" })
    void choicesIgnoreCase(String tekst) {
        assertThat(Waarden.keuze(tekst, ReviewFrequentie.class)).isEqualTo(ReviewFrequentie.KWARTAAL);
    }

    @org.junit.jupiter.api.Test
    void anUnknownChoiceListsTheAllowedValues() {
        assertThatThrownBy(() -> Waarden.keuze("wekelijks", ReviewFrequentie.class))
                .hasMessage("'wekelijks' is geen geldige waarde; kies uit: maand, kwartaal, halfjaar, jaar");
    }
}
