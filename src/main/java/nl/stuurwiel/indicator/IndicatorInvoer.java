package nl.stuurwiel.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** An indicator as a client creates or changes it: on a doel (code) or an opdracht (key), not both. */
public record IndicatorInvoer(String doel, String opdracht, String naam, String definitie, String eenheid,
        Richting richting, BigDecimal basiswaarde, LocalDate basisdatum, BigDecimal streefwaarde,
        LocalDate streefdatum, Map<Integer, BigDecimal> tussendoelen, Meetfrequentie meetfrequentie, String bron,
        String eigenaar) {
}
