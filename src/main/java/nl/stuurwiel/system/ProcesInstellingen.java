package nl.stuurwiel.system;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * The way of working that process designers may change without a developer: waiting times,
 * the portfolio-meeting rhythm and review cycles. Models read it as ${procesInstellingen.…}.
 */
@Component("procesInstellingen")
@ConfigurationProperties("stuurwiel.proces")
public class ProcesInstellingen {

    /** ISO-8601 duration after which the requester is reminded to supply information. */
    private String aanvullingHerinnering = "P5D";
    /** ISO-8601 duration after which an unanswered request for information expires. */
    private String aanvullingTermijn = "P30D";
    /** Spring cron expression of the portfolio meeting where parked opdrachten return. */
    private String portfolioOverleg = "0 0 9 * * MON#1";
    /** ISO-8601 repeating interval per review frequency (maand, kwartaal, halfjaar, jaar). */
    private Map<String, String> reviewCyclus = new LinkedHashMap<>();
    /**
     * Camunda cron (seconds first) of the half-year report's timer start event: 06:00 on
     * 1 January and 1 July by default, each time for the half year that just ended.
     */
    private String halfjaarrapportage = "0 0 6 1 1,7 ?";

    /**
     * Refuses to start with a value the timers cannot read, naming the setting: otherwise "5 dagen"
     * failed only when a user completed the task before the timer, with the engine's English error.
     */
    @jakarta.annotation.PostConstruct
    void controleer() {
        duur("aanvulling-herinnering", aanvullingHerinnering, false);
        duur("aanvulling-termijn", aanvullingTermijn, false);
        for (String frequentie : List.of("maand", "kwartaal", "halfjaar", "jaar")) {
            String cyclus = reviewCyclus.get(frequentie);
            if (cyclus == null || cyclus.isBlank()) {
                throw new IllegalArgumentException("stuurwiel.proces.review-cyclus." + frequentie
                        + " ontbreekt: geef een herhaling zoals R/P3M");
            }
            duur("review-cyclus." + frequentie, cyclus, true);
        }
        try {
            org.camunda.bpm.engine.impl.calendar.CronTimer.parse(halfjaarrapportage);
        } catch (java.text.ParseException | RuntimeException e) {
            throw new IllegalArgumentException("stuurwiel.proces.halfjaarrapportage: '" + halfjaarrapportage
                    + "' is geen Camunda-cron (seconden eerst, zoals 0 0 6 1 1,7 ?)", e);
        }
    }

    private static void duur(String sleutel, String waarde, boolean herhaald) {
        String soort = herhaald ? "herhaling zoals R/P3M" : "duur zoals P5D";
        try {
            if (new org.camunda.bpm.engine.impl.calendar.DurationHelper(waarde).isRepeat() == herhaald) {
                return;
            }
        } catch (Exception e) {
            throw new IllegalArgumentException("stuurwiel.proces." + sleutel + ": '" + waarde + "' is geen ISO-8601-"
                    + soort, e);
        }
        throw new IllegalArgumentException("stuurwiel.proces." + sleutel + ": '" + waarde + "' is geen ISO-8601-" + soort);
    }

    /** The moment of the next portfolio meeting, as the timer of a parked opdracht needs it. */
    public Date volgendPortfolioOverleg() {
        ZoneId zone = ZoneId.systemDefault();
        LocalDateTime nu = LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
        LocalDateTime volgende = CronExpression.parse(portfolioOverleg).next(nu);
        return Date.from(volgende.atZone(zone).toInstant());
    }

    public String reviewCyclusVoor(String frequentie) {
        String cyclus = reviewCyclus.get(frequentie.toLowerCase(Locale.ROOT));
        if (cyclus == null) {
            throw new IllegalStateException("Geen reviewcyclus ingesteld voor frequentie '" + frequentie
                    + "' (stuurwiel.proces.review-cyclus)");
        }
        return cyclus;
    }

    private static final java.util.regex.Pattern ZONDER_BEGIN = java.util.regex.Pattern.compile("^(R\\d*)/(P[^/]+)$");

    /**
     * The review cycle of an opdracht whose start date lies ahead when MT starts it: the first review
     * falls a cycle after the start date, not a cycle after MT's decision, when the work has barely
     * begun ("R/P3M" from 1 March becomes "R/2026-06-01T00:00:00+02:00/P3M"). Otherwise, and for a
     * cycle that names its own start, the cycle as configured, counted from now.
     */
    public static String reviewCyclusVanaf(String cyclus, LocalDate startdatum) {
        if (startdatum == null || !startdatum.atStartOfDay(ZoneId.systemDefault()).toInstant()
                .isAfter(ClockUtil.getCurrentTime().toInstant())) {
            return cyclus;
        }
        return reviewCyclusInStapMet(cyclus, startdatum);
    }

    /**
     * The review cycle of an opdracht that was already under way when it was imported: its reviews
     * keep step with its start date, at the start of the day, as they would have done in Stuurwiel
     * ("R/P3M" from 1 September 2025, imported on 5 December 2026, first reviews on 1 March 2027),
     * not a cycle after the moment of the import.
     */
    public static String reviewCyclusInStapMet(String cyclus, LocalDate startdatum) {
        java.util.regex.Matcher delen = ZONDER_BEGIN.matcher(cyclus);
        if (startdatum == null || !delen.matches()) {
            return cyclus;
        }
        try {
            javax.xml.datatype.Duration periode = javax.xml.datatype.DatatypeFactory.newInstance()
                    .newDuration(delen.group(2));
            java.util.GregorianCalendar eerste;
            int cycli = 0;
            do {
                cycli++;
                eerste = java.util.GregorianCalendar.from(startdatum.atStartOfDay(ZoneId.systemDefault()));
                // Each from the start date, so that 31 January monthly stays the last of the month.
                periode.multiply(cycli).addTo(eerste);
            } while (!eerste.toInstant().isAfter(ClockUtil.getCurrentTime().toInstant()) && cycli < 100_000);
            return delen.group(1) + "/" + java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    eerste.toZonedDateTime()) + "/" + delen.group(2);
        } catch (javax.xml.datatype.DatatypeConfigurationException | IllegalArgumentException e) {
            // Not a duration the XML types know: the engine judges the cycle as configured.
            return cyclus;
        }
    }

    public String getAanvullingHerinnering() {
        return aanvullingHerinnering;
    }

    public void setAanvullingHerinnering(String aanvullingHerinnering) {
        this.aanvullingHerinnering = aanvullingHerinnering;
    }

    public String getAanvullingTermijn() {
        return aanvullingTermijn;
    }

    public void setAanvullingTermijn(String aanvullingTermijn) {
        this.aanvullingTermijn = aanvullingTermijn;
    }

    public String getPortfolioOverleg() {
        return portfolioOverleg;
    }

    public void setPortfolioOverleg(String portfolioOverleg) {
        CronExpression.parse(portfolioOverleg);
        this.portfolioOverleg = portfolioOverleg;
    }

    public String getHalfjaarrapportage() {
        return halfjaarrapportage;
    }

    public void setHalfjaarrapportage(String halfjaarrapportage) {
        this.halfjaarrapportage = halfjaarrapportage;
    }

    public Map<String, String> getReviewCyclus() {
        return reviewCyclus;
    }

    public void setReviewCyclus(Map<String, String> reviewCyclus) {
        this.reviewCyclus = reviewCyclus;
    }
}
