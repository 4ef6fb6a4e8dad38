package nl.stuurwiel.dashboard;

import static java.time.temporal.ChronoUnit.DAYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.review.ReviewOpenenDelegate;
import nl.stuurwiel.dashboard.DashboardService.Middelen;
import nl.stuurwiel.dashboard.DashboardService.Overzicht;
import nl.stuurwiel.dashboard.DashboardService.Reviewmoment;
import nl.stuurwiel.dashboard.DashboardService.TeamBelasting;
import nl.stuurwiel.dashboard.DashboardService.Wachttijd;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.team.Team;

/** The dashboard's figures against a small portfolio whose numbers are worked out by hand. */
class DashboardTest extends LevenscyclusTestBasis {

    /** Computed colours differ from what these tests report; the team says why. */
    private static final String KLEUR_REDEN = ReviewOpenenDelegate.KLEUR_TOELICHTING;
    private static final String REDEN = "Het team weegt ook wat de cijfers niet tonen";

    @Autowired
    DashboardService dashboard;
    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;

    @Test
    void peopleAndMoneyPerTeamAgainstPlanAndOvercommittedTeams() {
        // Two running opdrachten of 40.000 / 1,5 FTE each on a team of 2 FTE; the first reported
        // 12.500,50 spent and 1,2 FTE used; a third still in intake does not count.
        Team team = portfolio.team("2.0");
        Doel doel = portfolio.doel();
        ProcessInstance eerste = gestart(team, doel);
        gestart(team, doel);
        vraagAan(portfolio.volledigeAanvraag(team, doel));
        voerUit(timer(eerste, Element.TIMER_REVIEWCYCLUS));
        rond(eerste, Element.VOORTGANG_RAPPORTEREN, Var.STATUS_KLEUR, "groen", KLEUR_REDEN, REDEN,
                Var.VOORTGANG, "Op schema",
                Var.BESTEED_BUDGET, "12500.50", Var.INGEZETTE_FTE, 1.2, Var.VOORSTEL, "doorgaan");

        Overzicht overzicht = dashboard.overzicht();

        Middelen middelen = overzicht.perTeam().stream().filter(m -> m.groep().equals(team.getCode())).findFirst()
                .orElseThrow();
        assertThat(middelen.aantal()).as("running and in intake: all not yet ended").isEqualTo(3);
        assertThat(middelen.budget()).isEqualByComparingTo("120000.00");
        assertThat(middelen.besteed()).isEqualByComparingTo("12500.50");
        assertThat(middelen.fte()).isEqualByComparingTo("4.50");
        assertThat(middelen.ingezetteFte()).isEqualByComparingTo("1.2");
        TeamBelasting belasting = overzicht.teams().stream().filter(t -> t.code().equals(team.getCode()))
                .findFirst().orElseThrow();
        assertThat(belasting.ingezetFte()).as("only execution, review and adjustment take capacity")
                .isEqualByComparingTo("3.00");
        assertThat(belasting.vrijFte()).isEqualByComparingTo(new BigDecimal("-1.00"));
        assertThat(belasting.overbelast()).isTrue();
        assertThat(overzicht.fasen()).anySatisfy(f -> {
            assertThat(f.fase()).isEqualTo("review");
            assertThat(f.aantal()).isPositive();
        });
    }

    @Test
    void reviewsDueWithinThirtyDaysAndOverdueTasksAreListed() {
        Team team = portfolio.team("5.0");
        ProcessInstance lopend = gestart(team, portfolio.doel());
        ProcessInstance wachtOpIntake = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));
        String sleutel = lopend.getBusinessKey();

        assertThat(dashboard.overzicht().teLaat()).noneMatch(t -> t.sleutel().equals(wachtOpIntake.getBusinessKey()));
        ClockUtil.setCurrentTime(nuPlus(6, DAYS)); // the intake task was due in 5 days; the monthly review is 24-25 days away

        Overzicht overzicht = dashboard.overzicht();

        assertThat(overzicht.reviewsKomend()).anySatisfy(r -> {
            assertThat(r.sleutel()).isEqualTo(sleutel);
            assertThat(r.team()).isEqualTo(team.getCode());
            assertThat(r.moment()).isEqualTo(timer(lopend, Element.TIMER_REVIEWCYCLUS).getDuedate());
        });
        assertThat(overzicht.teLaat()).anySatisfy(t -> {
            assertThat(t.sleutel()).isEqualTo(wachtOpIntake.getBusinessKey());
            assertThat(t.taak()).isEqualTo("Intake beoordelen");
            assertThat(t.dagenTeLaat()).isEqualTo(1);
        });
        assertThat(overzicht.wachttijden()).anySatisfy(w -> {
            assertThat(w.stap()).isEqualTo("Intake");
            assertThat(w.open()).isPositive();
            assertThat(w.oudsteOpenDagen()).isGreaterThanOrEqualTo(6.0);
        });
    }

    @Test
    void someoneOfAnotherTeamSeesTheWaitingTimesAndReviewsOfThePortfolioButNotOfConfidentialOpdrachten() {
        Team team = portfolio.team("5.0");
        ProcessInstance lopend = gestart(team, portfolio.doel());
        ProcessInstance geheim = gestart(team, portfolio.doel());
        portfolio.wijzig(geheim.getBusinessKey(), o -> o.setVertrouwelijk(true));
        vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));
        ProcessInstance geheimInIntake = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));
        portfolio.wijzig(geheimInIntake.getBusinessKey(), o -> o.setVertrouwelijk(true));
        ClockUtil.setCurrentTime(nuPlus(6, DAYS));
        Wachttijd voorMt = als("mt", Rollen.MT).wachttijden().stream().filter(w -> w.stap().equals("Intake"))
                .findFirst().orElseThrow();

        Team ander = portfolio.team("1.0");
        Overzicht overzicht = als("lid" + ander.getCode(), ander.getGroepId());

        assertThat(overzicht.reviewsKomend()).extracting(Reviewmoment::sleutel)
                .contains(lopend.getBusinessKey()).doesNotContain(geheim.getBusinessKey());
        Wachttijd intake = overzicht.wachttijden().stream().filter(w -> w.stap().equals("Intake")).findFirst()
                .orElseThrow();
        // Other tests of this class leave confidential intakes too; none of them is hers.
        java.util.Set<String> vertrouwelijk = new java.util.HashSet<>(
                jdbc.queryForList("select sleutel from opdracht where vertrouwelijk = true", String.class));
        long geheimOpen = historyService.createHistoricActivityInstanceQuery()
                .activityId(Element.BEOORDEEL_INTAKE).unfinished().list().stream()
                .map(a -> historyService.createHistoricProcessInstanceQuery()
                        .processInstanceId(a.getProcessInstanceId()).singleResult().getBusinessKey())
                .filter(vertrouwelijk::contains).count();
        assertThat(geheimOpen).isPositive();
        assertThat(intake.open()).as("every open intake but the confidential ones, though no intake task is hers")
                .isEqualTo(voorMt.open() - geheimOpen).isPositive();
    }

    private Overzicht als(String gebruiker, String groep) {
        identityService.setAuthentication(gebruiker, List.of(groep));
        try {
            return dashboard.overzicht();
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void theAverageWaitingTimeCoversTheLastYearOnly() {
        Team team = portfolio.team("5.0");
        long afgerondVooraf = intakeWachttijd().afgerond();

        // An intake that ended two years ago, after 3 days: outside the window, not counted.
        ClockUtil.setCurrentTime(nuPlus(-730, DAYS));
        ProcessInstance oud = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));
        ClockUtil.setCurrentTime(nuPlus(-727, DAYS));
        accepteer(oud);
        ClockUtil.setCurrentTime(nu);
        assertThat(intakeWachttijd().afgerond()).as("an intake finished two years ago")
                .isEqualTo(afgerondVooraf);

        // One that ended today, after 3 days: counted.
        ClockUtil.setCurrentTime(nuPlus(-3, DAYS));
        ProcessInstance recent = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));
        ClockUtil.setCurrentTime(nu);
        accepteer(recent);
        assertThat(intakeWachttijd().afgerond()).as("an intake finished today").isEqualTo(afgerondVooraf + 1);
    }

    private DashboardService.Wachttijd intakeWachttijd() {
        return dashboard.overzicht().wachttijden().stream().filter(w -> w.stap().equals("Intake")).findFirst()
                .orElseThrow();
    }

    @Test
    void dashboardNeedsALoginAndBrowsersAreSentToTheDutchLoginPage() throws Exception {
        mvc.perform(get("/api/dashboard")).andExpect(status().isUnauthorized());
        mvc.perform(get("/dashboard/").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
        // A session of a user the identity service knows: one it does not know is logged out.
        String mt = "mt" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        portfolio.gebruiker(mt, "Dashboard-Test-Wachtwoord-1", nl.stuurwiel.security.Rollen.MT);
        mvc.perform(get("/api/dashboard").with(user("onbekend"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/dashboard").with(user(mt))).andExpect(status().isOk())
                .andExpect(jsonPath("$.fasen.length()").value(11));
    }

    private ProcessInstance gestart(Team team, Doel doel) {
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(team, doel));
        accepteer(pi);
        start(pi);
        return pi;
    }
}
