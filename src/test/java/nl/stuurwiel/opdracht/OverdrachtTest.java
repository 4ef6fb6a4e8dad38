package nl.stuurwiel.opdracht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.opdracht.LevenscyclusProces.Besluit;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.security.StandaardAutorisaties;
import nl.stuurwiel.team.Team;
import nl.stuurwiel.team.TeamRepository;

/**
 * MT hands a running opdracht to another team: the portfolio row, the open team task (claimed by
 * someone of the old team), the next review task and the read grants all follow, with the reason
 * kept. A refused transfer changes nothing.
 */
class OverdrachtTest extends LevenscyclusTestBasis {

    private static final String WACHTWOORD = "Overdracht-Test-Wachtwoord-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    TeamRepository teams;
    @Autowired
    StandaardAutorisaties autorisaties;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    OverdrachtService overdrachtService;
    @Autowired
    EntityManager entityManager;

    Team teamA;
    Team teamB;
    String mt;
    String intake;
    String lidA;
    String lidB;

    @BeforeEach
    void tweeTeams() {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        // Camunda group ids are letters and digits only.
        teamA = teams.save(new Team("OA" + id, "Wijkteam Oost " + id, "oosta" + id, new BigDecimal("5.0")));
        teamB = teams.save(new Team("OB" + id, "Wijkteam West " + id, "westb" + id, new BigDecimal("5.0")));
        autorisaties.teamGroep(teamA.getGroepId(), teamA.getNaam());
        autorisaties.teamGroep(teamB.getGroepId(), teamB.getNaam());
        mt = portfolio.gebruiker("omt" + id, WACHTWOORD, Rollen.MT);
        intake = portfolio.gebruiker("oint" + id, WACHTWOORD, Rollen.INTAKE);
        lidA = portfolio.gebruiker("olida" + id, WACHTWOORD, teamA.getGroepId());
        lidB = portfolio.gebruiker("olidb" + id, WACHTWOORD, teamB.getGroepId());
    }

    private ProcessInstance lopendBij(Team team) {
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));
        accepteer(pi);
        start(pi);
        return pi;
    }

    private ResultActions draagOver(ProcessInstance pi, String gebruiker, String lichaam) throws Exception {
        return mvc.perform(post("/api/opdrachten/{sleutel}/overdracht", pi.getBusinessKey())
                .contentType(MediaType.APPLICATION_JSON).content(lichaam).with(httpBasic(gebruiker, WACHTWOORD)));
    }

    private List<String> kandidaten(Task taak) {
        return taskService.getIdentityLinksForTask(taak.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType())).map(l -> l.getGroupId()).toList();
    }

    /** The tasks of the instance the user sees under Camunda's authorizations, as Tasklist asks. */
    private long zichtbareTaken(ProcessInstance pi, String gebruiker, String groep) {
        identityService.setAuthentication(gebruiker, List.of(groep));
        try {
            return taskService.createTaskQuery().processInstanceId(pi.getId()).count();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private long leesrechten(ProcessInstance pi, Team team) {
        return authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(pi.getId()).groupIdIn(team.getGroepId()).count();
    }

    /**
     * The race the version check settles: a review opens (reading the old team) while a transfer has
     * written but not yet committed. The review's step waits for the opdracht's row, then fails on its
     * version; tried again, as the job executor does, it opens the task for the new team.
     */
    @Test
    void aReviewOpeningDuringATransferIsTriedAgainForTheNewTeam() throws Exception {
        ProcessInstance pi = lopendBij(teamA);
        Job review = timer(pi, Element.TIMER_REVIEWCYCLUS);
        CountDownLatch geschreven = new CountDownLatch(1);
        CountDownLatch vastleggen = new CountDownLatch(1);
        ExecutorService draden = Executors.newFixedThreadPool(2);
        try {
            Future<?> overdracht = draden.submit(() -> transactie.executeWithoutResult(s -> {
                identityService.setAuthentication(mt, List.of(Rollen.MT));
                try {
                    overdrachtService.draagOver(pi.getBusinessKey(), new OverdrachtInvoer(teamB.getCode(), "Reorganisatie"));
                    entityManager.flush();
                    geschreven.countDown();
                    assertThat(vastleggen.await(60, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    identityService.clearAuthentication();
                }
            }));
            assertThat(geschreven.await(60, TimeUnit.SECONDS)).isTrue();
            Future<Throwable> opening = draden.submit(() -> {
                try {
                    managementService.executeJob(review.getId());
            assertThat(managementService.createJobQuery().processInstanceId(pi.getId())
                    .jobDefinitionId(review.getJobDefinitionId()).count()).as("only the next cycle's timer").isEqualTo(1);
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            wachtTotGeblokkeerdOfKlaar(opening);
            vastleggen.countDown();
            overdracht.get(60, TimeUnit.SECONDS);
            Throwable fout = opening.get(60, TimeUnit.SECONDS);

            assertThat(fout).as("the review that read the old team may not pass").isNotNull();
            assertThat(taken(pi, Element.VOORTGANG_RAPPORTEREN)).as("nothing of the failed opening is left").isEmpty();
            assertThat(managementService.createJobQuery().jobId(review.getId()).singleResult().getRetries())
                    .as("no incident: the job is tried again").isPositive();
            managementService.executeJob(review.getId());
            assertThat(managementService.createJobQuery().processInstanceId(pi.getId())
                    .jobDefinitionId(review.getJobDefinitionId()).count()).as("only the next cycle's timer").isEqualTo(1);
            assertThat(kandidaten(taak(pi, Element.VOORTGANG_RAPPORTEREN))).containsExactly(teamB.getGroepId());
            assertThat(opdracht(pi).getTeam().getCode()).isEqualTo(teamB.getCode());
        } finally {
            vastleggen.countDown();
            draden.shutdownNow();
        }
    }

    /** Until the database reports a session waiting for a lock (or the step ended without waiting). */
    private void wachtTotGeblokkeerdOfKlaar(Future<?> stap) throws InterruptedException {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        String vraag = "H2".equals(product)
                ? "select count(*) from information_schema.sessions where blocker_id is not null"
                : "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()";
        long einde = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!stap.isDone() && jdbc.queryForObject(vraag, Long.class) == 0 && System.nanoTime() < einde) {
            Thread.sleep(20);
        }
    }

    @Test
    void theOpdrachtItsOpenTaskAndItsNextReviewGoToTheOtherTeam() throws Exception {
        ProcessInstance pi = lopendBij(teamA);
        Task uitvoeren = taak(pi, Element.UITVOEREN);
        taskService.claim(uitvoeren.getId(), lidA);
        assertThat(zichtbareTaken(pi, lidA, teamA.getGroepId())).isEqualTo(1);
        assertThat(zichtbareTaken(pi, lidB, teamB.getGroepId())).isZero();

        draagOver(pi, mt, """
                {"team": "%s", "reden": "Wijkteam Oost heeft geen capaciteit tot de zomer"}
                """.formatted(teamB.getCode())).andExpect(status().isOk())
                .andExpect(jsonPath("$.team").value(teamB.getCode()))
                .andExpect(jsonPath("$.overdrachten[0].vanTeam").value(teamA.getCode()))
                .andExpect(jsonPath("$.overdrachten[0].naarTeam").value(teamB.getCode()))
                .andExpect(jsonPath("$.overdrachten[0].reden").value("Wijkteam Oost heeft geen capaciteit tot de zomer"))
                .andExpect(jsonPath("$.overdrachten[0].door").value(mt));

        assertThat(opdracht(pi).getTeam().getCode()).isEqualTo(teamB.getCode());
        assertThat(variabele(pi, Var.TEAM_GROEP)).isEqualTo(teamB.getGroepId());
        Task na = taak(pi, Element.UITVOEREN);
        assertThat(na.getId()).as("the same task, not a new one").isEqualTo(uitvoeren.getId());
        assertThat(kandidaten(na)).containsExactly(teamB.getGroepId());
        assertThat(na.getAssignee()).as("the new team picks it up itself").isNull();
        assertThat(zichtbareTaken(pi, lidA, teamA.getGroepId())).as("the old team's grants are gone").isZero();
        assertThat(zichtbareTaken(pi, lidB, teamB.getGroepId())).isEqualTo(1);
        assertThat(leesrechten(pi, teamA)).isZero();
        assertThat(leesrechten(pi, teamB)).isEqualTo(1);

        voerUit(timer(pi, Element.TIMER_REVIEWCYCLUS));
        assertThat(kandidaten(taak(pi, Element.VOORTGANG_RAPPORTEREN))).as("a later task reads the new team")
                .containsExactly(teamB.getGroepId());

        // The audit trail has the change of team, by MT.
        assertThat(jdbc.queryForObject("""
                select count(*) from opdracht_aud a join revinfo r on r.rev = a.rev
                where a.sleutel = ? and a.team_id = ? and r.gebruiker = ?
                """, Long.class, pi.getBusinessKey(), teamB.getId(), mt)).isEqualTo(1);
    }

    @Test
    void aRefusedTransferNamesTheFieldAndChangesNothing() throws Exception {
        ProcessInstance pi = lopendBij(teamA);
        var rijVoor = rij(pi);

        draagOver(pi, mt, """
                {"team": "BESTAAT-NIET", "reden": "Reorganisatie"}
                """).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.team", startsWith("onbekend team 'BESTAAT-NIET'; teams: ")));
        draagOver(pi, mt, """
                {"team": "%s", "reden": "Reorganisatie"}
                """.formatted(teamA.getCode())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.team").value("is al het team van " + pi.getBusinessKey()));
        draagOver(pi, mt, """
                {"team": "%s", "reden": "  "}
                """.formatted(teamB.getCode())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.reden", startsWith("is verplicht")));
        draagOver(pi, intake, """
                {"team": "%s", "reden": "Reorganisatie"}
                """.formatted(teamB.getCode())).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.melding", containsString("alleen het MT en beheerders")));

        assertThat(rij(pi)).isEqualTo(rijVoor);
        assertThat(variabele(pi, Var.TEAM_GROEP)).isEqualTo(teamA.getGroepId());
        assertThat(kandidaten(taak(pi, Element.UITVOEREN))).containsExactly(teamA.getGroepId());
        assertThat(leesrechten(pi, teamA)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from opdracht_overdracht o join opdracht p on p.id = o.opdracht_id"
                + " where p.sleutel = ?", Long.class, pi.getBusinessKey())).isZero();

        ProcessInstance afgewezen = vraagAan(portfolio.volledigeAanvraag(teamA, portfolio.doel()));
        rond(afgewezen, Element.BEOORDEEL_INTAKE, Var.INTAKE_BESLUIT, Besluit.AFWIJZEN, Var.INTAKE_TOELICHTING,
                "Valt buiten het programma");
        draagOver(afgewezen, mt, """
                {"team": "%s", "reden": "Reorganisatie"}
                """.formatted(teamB.getCode())).andExpect(status().isConflict())
                .andExpect(jsonPath("$.melding", containsString("is afgewezen")));
    }

    @Test
    void aSuspendedProcessKeepsItsTeamUntilItIsResumed() throws Exception {
        ProcessInstance pi = lopendBij(teamA);
        runtimeService.suspendProcessInstanceById(pi.getId());
        draagOver(pi, mt, """
                {"team": "%s", "reden": "Reorganisatie"}
                """.formatted(teamB.getCode())).andExpect(status().isConflict())
                .andExpect(jsonPath("$.melding", containsString("is opgeschort in Cockpit")));
        assertThat(opdracht(pi).getTeam().getCode()).as("nothing changed").isEqualTo(teamA.getCode());

        runtimeService.activateProcessInstanceById(pi.getId());
        draagOver(pi, mt, """
                {"team": "%s", "reden": "Reorganisatie"}
                """.formatted(teamB.getCode())).andExpect(status().isOk());
        assertThat(kandidaten(taak(pi, Element.UITVOEREN))).containsExactly(teamB.getGroepId());
    }
}
