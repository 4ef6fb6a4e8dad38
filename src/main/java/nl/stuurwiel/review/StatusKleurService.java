package nl.stuurwiel.review;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.indicator.IndicatorService;
import nl.stuurwiel.indicator.Meting;
import nl.stuurwiel.indicator.RealisatieBerekening.Status;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.opdracht.StatusKleur;
import nl.stuurwiel.system.HuidigeGebruiker;

/**
 * The computed status colour of an opdracht: processes/status-kleur.dmn judges the worst
 * indicator status, money and capacity against plan, and the schedule. The team may report
 * another colour, but only with a written reason.
 */
@Service
@Transactional
public class StatusKleurService {

    public static final String DECISION_STATUS_KLEUR = "status-kleur";

    /**
     * The decision's inputs: the worst realisation status of the active measurable indicators
     * of the opdracht and its doelen (null: none judged), spent budget against the budget planned
     * up to now (pro rata of the elapsed duration), used FTE against planned FTE, and days past
     * the end date.
     */
    public record KleurInvoer(Status slechtsteIndicatorStatus, BigDecimal budgetRatio, BigDecimal fteRatio,
            long dagenNaEinddatum) {
    }

    private final DecisionService decisionService;
    private final OpdrachtService opdrachtService;
    private final IndicatorService indicatorService;
    private final VoortgangsrapportageRepository rapportages;
    private final HuidigeGebruiker gebruiker;

    public StatusKleurService(DecisionService decisionService, OpdrachtService opdrachtService,
            IndicatorService indicatorService, VoortgangsrapportageRepository rapportages, HuidigeGebruiker gebruiker) {
        this.decisionService = decisionService;
        this.opdrachtService = opdrachtService;
        this.indicatorService = indicatorService;
        this.rapportages = rapportages;
        this.gebruiker = gebruiker;
    }

    /** Evaluates the decision; as the system, since team members need not see decision definitions. */
    public StatusKleur bepaal(KleurInvoer invoer) {
        String kleur = gebruiker.alsSysteem(() -> decisionService.evaluateDecisionTableByKey(DECISION_STATUS_KLEUR,
                Variables.createVariables()
                        .putValue("slechtsteIndicatorStatus", invoer.slechtsteIndicatorStatus() == null ? null
                                : invoer.slechtsteIndicatorStatus().name().toLowerCase(Locale.ROOT))
                        .putValue("budgetRatio", getal(invoer.budgetRatio()))
                        .putValue("fteRatio", getal(invoer.fteRatio()))
                        .putValue("dagenNaEinddatum", (int) invoer.dagenNaEinddatum()))
                .getSingleResult().getSingleEntry());
        return StatusKleur.valueOf(kleur.toUpperCase(Locale.ROOT));
    }

    /** Gathers the decision's inputs from the portfolio as it is on the peildatum. */
    @Transactional(readOnly = true)
    public KleurInvoer invoer(String sleutel, LocalDate peildatum) {
        return invoer(opdrachtService.opdracht(sleutel), indicatorService.zoek(null, sleutel),
                rapportages.findByOpdrachtSleutelOrderByVolgnummer(sleutel), indicatorService::actueleMetingen,
                peildatum);
    }

    /**
     * As {@link #invoer(String, LocalDate)}, from what the caller has read already: the opdracht
     * with its doelen, its own indicators, its reports in order, and each indicator's current
     * metingen (see IndicatorService#actueleMetingen).
     */
    KleurInvoer invoer(Opdracht opdracht, List<Indicator> eigenIndicatoren, List<Voortgangsrapportage> rapporten,
            Function<Long, List<Meting>> actueleMetingen, LocalDate peildatum) {
        List<Indicator> indicatoren = new ArrayList<>(eigenIndicatoren);
        for (Doel doel : opdracht.getDoelen()) {
            indicatoren.addAll(indicatorService.zoek(doel.getCode(), null));
        }
        Status slechtste = indicatoren.stream().filter(i -> i.isActief() && i.isMeetbaar())
                .map(i -> indicatorService.realisatie(i, actueleMetingen.apply(i.getId()), peildatum).status())
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        Voortgangsrapportage laatste = rapporten.stream()
                .filter(r -> r.getIngediendOp() != null).reduce((a, b) -> b).orElse(null);
        BigDecimal budgetRatio = null;
        BigDecimal fteRatio = null;
        if (laatste != null) {
            BigDecimal gepland = gepland(opdracht, peildatum);
            if (laatste.getBesteedBudget() != null && gepland != null && gepland.signum() > 0) {
                budgetRatio = laatste.getBesteedBudget().divide(gepland, 4, RoundingMode.HALF_UP);
            }
            if (laatste.getIngezetteFte() != null && opdracht.getFte() != null && opdracht.getFte().signum() > 0) {
                fteRatio = laatste.getIngezetteFte().divide(opdracht.getFte(), 4, RoundingMode.HALF_UP);
            }
        }
        long dagenNaEinde = opdracht.getEinddatum() == null ? 0
                : Math.max(0, ChronoUnit.DAYS.between(opdracht.getEinddatum(), peildatum));
        return new KleurInvoer(slechtste, budgetRatio, fteRatio, dagenNaEinde);
    }

    /**
     * Computes the colour and records it next to the team's colour; a deviating team colour
     * without a reason is refused (field kleurToelichting).
     */
    public StatusKleur legVast(String sleutel, StatusKleur teamKleur, String toelichting, LocalDate peildatum) {
        return legVast(sleutel, teamKleur, null, toelichting, peildatum);
    }

    /** As above, where the team kept the colour its form proposed ({@code voorgesteld}) needs no reason. */
    public StatusKleur legVast(String sleutel, StatusKleur teamKleur, StatusKleur voorgesteld, String toelichting,
            LocalDate peildatum) {
        StatusKleur berekend = bepaal(invoer(sleutel, peildatum));
        opdrachtService.opdracht(sleutel).legStatusKleurVast(teamKleur, berekend, voorgesteld, toelichting);
        return berekend;
    }

    /** The budget planned up to the peildatum: pro rata of the elapsed share of start to end. */
    private static BigDecimal gepland(Opdracht opdracht, LocalDate peildatum) {
        if (opdracht.getBudget() == null || opdracht.getStartdatum() == null || opdracht.getEinddatum() == null) {
            return null;
        }
        long totaal = ChronoUnit.DAYS.between(opdracht.getStartdatum(), opdracht.getEinddatum());
        long verstreken = Math.max(0, Math.min(totaal, ChronoUnit.DAYS.between(opdracht.getStartdatum(), peildatum)));
        if (totaal <= 0) {
            return opdracht.getBudget();
        }
        return opdracht.getBudget().multiply(BigDecimal.valueOf(verstreken))
                .divide(BigDecimal.valueOf(totaal), MathContext.DECIMAL64);
    }

    private static Double getal(BigDecimal waarde) {
        return waarde == null ? null : waarde.doubleValue();
    }
}
