package nl.stuurwiel.system;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
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
