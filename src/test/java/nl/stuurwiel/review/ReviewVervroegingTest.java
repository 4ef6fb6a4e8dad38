package nl.stuurwiel.review;

import static java.time.temporal.ChronoUnit.MONTHS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.system.Klok;

/**
 * MT brings a running opdracht's next review forward: the review opens on the chosen day, the cycle
 * goes on, the reason stays in the opdracht's history. What cannot be brought forward is refused
 * and changes nothing.
 */
class ReviewVervroegingTest extends LevenscyclusTestBasis {

    private static final String WACHTWOORD = "Vervroeging-Test-Wachtwoord-1";

    @Autowired
    MockMvc mvc;

    String mt;
    String intake;

    @BeforeEach
    void gebruikers() {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        mt = portfolio.gebruiker("vmt" + id, WACHTWOORD, Rollen.MT);
        intake = portfolio.gebruiker("vint" + id, WACHTWOORD, Rollen.INTAKE);
    }

    private ResultActions vervroeg(ProcessInstance pi, String gebruiker, String lichaam) throws Exception {
        return mvc.perform(post("/api/opdrachten/{sleutel}/review-vervroeging", pi.getBusinessKey())
                .contentType(MediaType.APPLICATION_JSON).content(lichaam).with(httpBasic(gebruiker, WACHTWOORD)));
    }

    private static String invoer(LocalDate datum, String reden) {
        return "{\"datum\":" + (datum == null ? "null" : "\"" + datum + "\"") + ",\"reden\":"
                + (reden == null ? "null" : "\"" + reden + "\"") + "}";
    }

    private long vervroegingen(ProcessInstance pi) {
        return jdbc.queryForObject("select count(*) from review_vervroeging v join opdracht o on o.id = v.opdracht_id"
                + " where o.sleutel = ?", Long.class, pi.getBusinessKey());
    }

    @Test
    void mtBringsTheReviewForwardItOpensThatDayAndTheCycleCountsOnFromThere() throws Exception {
        ProcessInstance pi = inUitvoering();
        Job gepland = timer(pi, Element.TIMER_REVIEWCYCLUS);
        assertThat(gepland.getDuedate()).isEqualTo(nuPlus(1, MONTHS));
        LocalDate overEenWeek = Klok.vandaag().plusDays(7);

        vervroeg(pi, mt, invoer(overEenWeek, "Signaal van de wethouder over de wachtlijst"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.volgendeReview").value(begin(overEenWeek).toInstant().toString()))
                .andExpect(jsonPath("$.reviewVervroegingen[0].reden").value("Signaal van de wethouder over de wachtlijst"))
                .andExpect(jsonPath("$.reviewVervroegingen[0].door").value(mt))
                .andExpect(jsonPath("$.reviewVervroegingen[0].geplandOp").value(gepland.getDuedate().toInstant().toString()))
                .andExpect(jsonPath("$.reviewVervroegingen[0].nieuwOp").value(begin(overEenWeek).toInstant().toString()));

        Job vervroegd = timer(pi, Element.TIMER_REVIEWCYCLUS);
        assertThat(vervroegd.getId()).as("the same timer, not a second cycle").isEqualTo(gepland.getId());
        assertThat(vervroegd.getDuedate()).isEqualTo(begin(overEenWeek));
        ClockUtil.setCurrentTime(vervroegd.getDuedate());
        voerUit(vervroegd);
        assertThat(taken(pi, Element.VOORTGANG_RAPPORTEREN)).hasSize(1);
        assertThat(portfolio.rapportages(pi.getBusinessKey())).hasSize(1);
        assertThat(timer(pi, Element.TIMER_REVIEWCYCLUS).getDuedate())
                .as("a cycle after the early review, not the planned moment as well")
                .isEqualTo(begin(overEenWeek.plusMonths(1)));
    }

    /**
     * Months differ in length: moved by a fixed offset, as the engine's own cascade does, the next
     * review would fall on 18 April instead of 20 April.
     */
    @Test
    void theCycleCountsOnFromTheNewDayByTheCalendar() throws Exception {
        nu = Date.from(LocalDate.of(2027, 3, 10).atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant());
        ClockUtil.setCurrentTime(nu);
        ProcessInstance pi = inUitvoering();
        assertThat(timer(pi, Element.TIMER_REVIEWCYCLUS).getDuedate()).as("monthly")
                .isEqualTo(nuPlus(1, MONTHS));
        LocalDate dag = LocalDate.of(2027, 3, 20);

        vervroeg(pi, mt, invoer(dag, "Begrotingswijziging")).andExpect(status().isOk());
        Job vervroegd = timer(pi, Element.TIMER_REVIEWCYCLUS);
        ClockUtil.setCurrentTime(vervroegd.getDuedate());
        voerUit(vervroegd);
        assertThat(timer(pi, Element.TIMER_REVIEWCYCLUS).getDuedate()).isEqualTo(begin(LocalDate.of(2027, 4, 20)));
        rondReviewAf(pi);
        Job daarna = timer(pi, Element.TIMER_REVIEWCYCLUS);
        ClockUtil.setCurrentTime(daarna.getDuedate());
        voerUit(daarna);
        assertThat(timer(pi, Element.TIMER_REVIEWCYCLUS).getDuedate()).isEqualTo(begin(LocalDate.of(2027, 5, 20)));
    }

    private void rondReviewAf(ProcessInstance pi) {
        rond(pi, Element.VOORTGANG_RAPPORTEREN, Var.STATUS_KLEUR, "groen", ReviewOpenenDelegate.KLEUR_TOELICHTING,
                "Het team weegt ook wat de cijfers niet tonen", Var.VOORTGANG, "Op schema", Var.VOORSTEL, "doorgaan");
        rond(pi, Element.REVIEW_BEOORDELEN, Var.REVIEW_BESLUIT, "doorgaan");
    }

    @Test
    void todayIsDueAtOnceAndTheCycleCountsFromTheStartOfTheDay() throws Exception {
        ProcessInstance pi = inUitvoering();
        vervroeg(pi, mt, invoer(Klok.vandaag(), "Raadsvragen over de aanpak")).andExpect(status().isOk());
        assertThat(timer(pi, Element.TIMER_REVIEWCYCLUS).getDuedate()).isEqualTo(begin(Klok.vandaag()));
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId())
                .activityId(Element.TIMER_REVIEWCYCLUS).executable().count()).as("due for the job executor").isEqualTo(1);
        voerUit(timer(pi, Element.TIMER_REVIEWCYCLUS));
        assertThat(taken(pi, Element.VOORTGANG_RAPPORTEREN)).hasSize(1);
        assertThat(timer(pi, Element.TIMER_REVIEWCYCLUS).getDuedate()).as("not at the time of day MT pressed")
                .isEqualTo(begin(Klok.vandaag().plusMonths(1)));
    }

    @Test
    void aDayThatIsNotEarlierOrNoReasonIsRefusedAtItsFieldAndChangesNothing() throws Exception {
        ProcessInstance pi = inUitvoering();
        Job gepland = timer(pi, Element.TIMER_REVIEWCYCLUS);
        LocalDate geplandeDag = Klok.vandaag().plusMonths(1);

        vervroeg(pi, mt, invoer(Klok.vandaag().minusDays(1), "Te laat bedacht"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.datum").value("ligt in het verleden"));
        vervroeg(pi, mt, invoer(geplandeDag, "Zelfde dag"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.datum").value(containsString("ligt niet voor de geplande review van")));
        vervroeg(pi, mt, invoer(geplandeDag.plusDays(3), "Uitstellen"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.datum").value(containsString("een review kan alleen eerder")));
        vervroeg(pi, mt, invoer(null, " "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.datum").value("is verplicht"))
                .andExpect(jsonPath("$.velden.reden").value(containsString("is verplicht")));
        vervroeg(pi, mt, "{\"datum\":\"morgen\",\"reden\":\"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.datum").exists());
        vervroeg(pi, mt, invoer(Klok.vandaag().plusDays(1), "x".repeat(2001)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.reden").value("is langer dan 2000 tekens"));

        assertThat(timer(pi, Element.TIMER_REVIEWCYCLUS).getDuedate()).isEqualTo(gepland.getDuedate());
        assertThat(vervroegingen(pi)).isZero();
    }

    @Test
    void onlyMtBringsAReviewForward() throws Exception {
        ProcessInstance pi = inUitvoering();
        Job gepland = timer(pi, Element.TIMER_REVIEWCYCLUS);
        vervroeg(pi, intake, invoer(Klok.vandaag().plusDays(1), "Ik wil het weten"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.melding").value(containsString("alleen het MT en beheerders")));
        assertThat(timer(pi, Element.TIMER_REVIEWCYCLUS).getDuedate()).isEqualTo(gepland.getDuedate());
        assertThat(vervroegingen(pi)).isZero();
    }

    @Test
    void aReviewThatIsStillOpenOrAnOpdrachtNotYetRunningHasNoReviewToBringForward() throws Exception {
        ProcessInstance lopend = inUitvoering();
        voerUit(timer(lopend, Element.TIMER_REVIEWCYCLUS));
        Job volgende = timer(lopend, Element.TIMER_REVIEWCYCLUS);
        vervroeg(lopend, mt, invoer(Klok.vandaag().plusDays(1), "Nog een keer"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.melding").value(containsString("Er loopt al een review")));
        assertThat(timer(lopend, Element.TIMER_REVIEWCYCLUS).getDuedate()).isEqualTo(volgende.getDuedate());

        ProcessInstance aanvraag = vraagAan(portfolio.volledigeAanvraag(portfolio.team("2.0"), portfolio.doel()));
        vervroeg(aanvraag, mt, invoer(Klok.vandaag().plusDays(1), "Snel"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.melding").value(containsString("alleen een opdracht in uitvoering")));
        assertThat(vervroegingen(lopend) + vervroegingen(aanvraag)).isZero();
    }

    @Test
    void theOpdrachtShowsItsNextReview() throws Exception {
        ProcessInstance pi = inUitvoering();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/opdrachten/{sleutel}", pi.getBusinessKey()).with(httpBasic(mt, WACHTWOORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.volgendeReview").value(nuPlus(1, MONTHS).toInstant().toString()))
                .andExpect(jsonPath("$.reviewVervroegingen").isEmpty());
    }
}
