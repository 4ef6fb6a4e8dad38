package nl.stuurwiel.indicator;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Thresholds of the realisation per indicator ({@code stuurwiel.realisatie.*}). Deviations are
 * fractions of the planned change from baseline to target, positive when ahead.
 */
@Component
@ConfigurationProperties("stuurwiel.realisatie")
public class RealisatieInstellingen {

    /** Behind the straight trajectory by at most this share of the planned change: still op_koers. */
    private BigDecimal achterMarge = new BigDecimal("0.10");
    /** Behind by more than this share of the planned change: uit_koers; in between: achter. */
    private BigDecimal uitKoersMarge = new BigDecimal("0.25");
    /** How many of the latest periods the trend looks at (first against last). */
    private int trendPerioden = 3;
    /** A change of at most this fraction of the first value of the trend window counts as flat. */
    private BigDecimal trendMarge = new BigDecimal("0.02");

    public BigDecimal getAchterMarge() {
        return achterMarge;
    }

    public void setAchterMarge(BigDecimal achterMarge) {
        this.achterMarge = achterMarge;
    }

    public BigDecimal getUitKoersMarge() {
        return uitKoersMarge;
    }

    public void setUitKoersMarge(BigDecimal uitKoersMarge) {
        this.uitKoersMarge = uitKoersMarge;
    }

    public int getTrendPerioden() {
        return trendPerioden;
    }

    public void setTrendPerioden(int trendPerioden) {
        if (trendPerioden < 2) {
            throw new IllegalArgumentException("stuurwiel.realisatie.trend-perioden moet minstens 2 zijn");
        }
        this.trendPerioden = trendPerioden;
    }

    public BigDecimal getTrendMarge() {
        return trendMarge;
    }

    public void setTrendMarge(BigDecimal trendMarge) {
        this.trendMarge = trendMarge;
    }
}
