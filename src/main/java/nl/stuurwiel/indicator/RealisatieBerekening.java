package nl.stuurwiel.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * The RBA scorecard line of one indicator, computed from its definition and the current value
 * per period. Pure calculation, no database.
 *
 * <ul>
 * <li>A period's value is judged at the period's end (the first day of the next period).</li>
 * <li>Straight trajectory: baseline value at basisdatum to target value at streefdatum, linear in
 * days, flat before the baseline and after the target date.</li>
 * <li>Norm of a period: the tussendoel of the period's calendar year when given, otherwise the
 * straight trajectory at the period's end.</li>
 * <li>Afwijking van de norm: (actual - norm) / norm, sign flipped for lager_beter, so positive is
 * always good; absent when the norm is 0.</li>
 * <li>Status against the straight trajectory: (actual - trajectory) / (target - baseline), which is
 * positive when ahead for either direction. At least minus achter-marge: op_koers; at least minus
 * uit-koers-marge: achter; below that: uit_koers.</li>
 * <li>Trend: first against last value of the latest trend-perioden periods; a change within
 * trend-marge of the first value is stabiel, otherwise verbetert or verslechtert by direction.</li>
 * </ul>
 */
@Service
public class RealisatieBerekening {

    private static final MathContext REKEN = MathContext.DECIMAL64;
    private static final int SCHAAL = 4;

    public enum Status {
        OP_KOERS, ACHTER, UIT_KOERS
    }

    public enum Trend {
        VERBETERT, STABIEL, VERSLECHTERT
    }

    /** The current value of one period. */
    public record Punt(LocalDate periode, BigDecimal waarde) {
    }

    public record Realisatie(LocalDate vorigePeriode, BigDecimal vorigeWaarde, LocalDate huidigePeriode,
            BigDecimal huidigeWaarde, BigDecimal huidigeNorm, String normBron, BigDecimal trajectwaarde,
            LocalDate volgendePeriode, BigDecimal volgendeNorm, BigDecimal afwijkingVanNorm, Trend trend,
            BigDecimal veranderingSindsBasis, BigDecimal veranderingSindsBasisRelatief, Status status,
            String melding) {
    }

    private final RealisatieInstellingen instellingen;

    public RealisatieBerekening(RealisatieInstellingen instellingen) {
        this.instellingen = instellingen;
    }

    /**
     * @param reeks the current value per period (any order, one per period)
     * @param peildatum today; only decides which period counts when nothing was measured yet
     */
    public Realisatie bereken(Indicator indicator, List<Punt> reeks, LocalDate peildatum) {
        Meetfrequentie frequentie = indicator.getMeetfrequentie();
        List<Punt> punten = reeks.stream().sorted(Comparator.comparing(Punt::periode)).toList();
        Punt huidig = punten.isEmpty() ? null : punten.get(punten.size() - 1);
        Punt vorig = punten.size() < 2 ? null : punten.get(punten.size() - 2);
        LocalDate periode = huidig != null ? huidig.periode()
                : frequentie.periodeVan(peildatum).minusMonths(frequentie.maanden());
        LocalDate volgende = frequentie.volgende(periode);

        boolean meetbaar = indicator.isMeetbaar() && indicator.getBasisdatum() != null;
        BigDecimal traject = meetbaar ? traject(indicator, frequentie.volgende(periode)) : null;
        BigDecimal norm = norm(indicator, periode, traject);
        BigDecimal volgendeNorm = norm(indicator, volgende, meetbaar ? traject(indicator, frequentie.volgende(volgende)) : null);
        String normBron = norm == null ? null
                : indicator.getTussendoelen().containsKey(periode.getYear()) ? "tussendoel" : "traject";

        BigDecimal waarde = huidig == null ? null : huidig.waarde();
        int teken = indicator.getRichting().teken();
        BigDecimal afwijking = waarde == null || norm == null || norm.signum() == 0 ? null
                : rond(waarde.subtract(norm).divide(norm, REKEN).multiply(BigDecimal.valueOf(teken)));
        BigDecimal basis = indicator.getBasiswaarde();
        BigDecimal verandering = waarde == null || basis == null ? null : rond(waarde.subtract(basis));
        BigDecimal veranderingRelatief = verandering == null || basis.signum() == 0 ? null
                : rond(waarde.subtract(basis).divide(basis.abs(), REKEN));

        Status status = null;
        String melding = null;
        if (!meetbaar) {
            melding = "niet meetbaar: basiswaarde, basisdatum, streefwaarde en streefdatum zijn nodig";
        } else if (waarde == null) {
            melding = "nog geen meting";
        } else {
            BigDecimal geplandeVerandering = indicator.getStreefwaarde().subtract(basis);
            BigDecimal achterstand;
            if (geplandeVerandering.signum() != 0) {
                achterstand = waarde.subtract(traject).divide(geplandeVerandering, REKEN);
            } else if (basis.signum() != 0) {
                // Keeping a level: the deviation relative to that level, by direction.
                achterstand = waarde.subtract(basis).divide(basis.abs(), REKEN).multiply(BigDecimal.valueOf(teken));
            } else {
                achterstand = BigDecimal.valueOf(waarde.signum() * teken);
            }
            status = achterstand.compareTo(instellingen.getAchterMarge().negate()) >= 0 ? Status.OP_KOERS
                    : achterstand.compareTo(instellingen.getUitKoersMarge().negate()) >= 0 ? Status.ACHTER
                            : Status.UIT_KOERS;
        }
        return new Realisatie(vorig == null ? null : vorig.periode(), vorig == null ? null : vorig.waarde(),
                huidig == null ? null : periode, waarde, rond(norm), normBron, rond(traject), volgende,
                rond(volgendeNorm), afwijking, trend(punten, teken), verandering, veranderingRelatief, status, melding);
    }

    /** The straight line from baseline to target, read on the given day. */
    static BigDecimal traject(Indicator indicator, LocalDate dag) {
        LocalDate begin = indicator.getBasisdatum();
        LocalDate eind = indicator.getStreefdatum();
        BigDecimal basis = indicator.getBasiswaarde();
        BigDecimal streef = indicator.getStreefwaarde();
        long totaal = ChronoUnit.DAYS.between(begin, eind);
        long verstreken = Math.max(0, Math.min(totaal, ChronoUnit.DAYS.between(begin, dag)));
        if (totaal <= 0) {
            return dag.isBefore(eind) ? basis : streef;
        }
        return basis.add(streef.subtract(basis).multiply(BigDecimal.valueOf(verstreken))
                .divide(BigDecimal.valueOf(totaal), REKEN));
    }

    /** The norm the value of a period is judged against (as in {@link #bereken}); null when there is none. */
    public BigDecimal normVan(Indicator indicator, LocalDate periode) {
        boolean meetbaar = indicator.isMeetbaar() && indicator.getBasisdatum() != null;
        BigDecimal traject = meetbaar ? traject(indicator, indicator.getMeetfrequentie().volgende(periode)) : null;
        return rond(norm(indicator, periode, traject));
    }

    private static BigDecimal norm(Indicator indicator, LocalDate periode, BigDecimal traject) {
        Map<Integer, BigDecimal> tussendoelen = indicator.getTussendoelen();
        BigDecimal tussendoel = tussendoelen.get(periode.getYear());
        return tussendoel != null ? tussendoel : traject;
    }

    private Trend trend(List<Punt> punten, int teken) {
        if (punten.size() < 2) {
            return null;
        }
        List<Punt> venster = punten.subList(Math.max(0, punten.size() - instellingen.getTrendPerioden()),
                punten.size());
        BigDecimal eerste = venster.get(0).waarde();
        BigDecimal verschil = venster.get(venster.size() - 1).waarde().subtract(eerste);
        BigDecimal marge = eerste.abs().multiply(instellingen.getTrendMarge());
        if (verschil.abs().compareTo(marge) <= 0) {
            return Trend.STABIEL;
        }
        return verschil.signum() * teken > 0 ? Trend.VERBETERT : Trend.VERSLECHTERT;
    }

    private static BigDecimal rond(BigDecimal waarde) {
        return waarde == null ? null : waarde.setScale(SCHAAL, RoundingMode.HALF_UP);
    }
}
