package nl.stuurwiel.indicator;

import java.math.BigDecimal;

/**
 * A measured value for a period (first day of the period, ISO date), with a note and the story
 * behind the curve: why it moves (verhaal) and what we propose (voorstel).
 */
public record MetingInvoer(String periode, BigDecimal waarde, String toelichting, String verhaal, String voorstel) {
}
