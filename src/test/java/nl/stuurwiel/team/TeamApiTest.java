package nl.stuurwiel.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.audit.AuditService;
import nl.stuurwiel.audit.AuditSoort;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.system.Klok;

/** MT and administrators keep the teams: a new team with its Camunda group, its name and capacity. */
class TeamApiTest extends LevenscyclusTestBasis {

    private static final String WACHTWOORD = "Team-Test-Wachtwoord-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    TeamRepository teams;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    AuditService auditService;

    String id;
    String mt;
    String beheerder;
    String intake;

    @BeforeEach
    void gebruikers() {
        id = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        mt = portfolio.gebruiker("tmt" + id, WACHTWOORD, Rollen.MT);
        beheerder = portfolio.gebruiker("tbeh" + id, WACHTWOORD, Rollen.BEHEERDER);
        intake = portfolio.gebruiker("tint" + id, WACHTWOORD, Rollen.INTAKE);
    }

    private ResultActions stuur(MockHttpServletRequestBuilder verzoek, String gebruiker, String lichaam)
            throws Exception {
        return mvc.perform(verzoek.contentType(MediaType.APPLICATION_JSON).content(lichaam)
                .with(httpBasic(gebruiker, WACHTWOORD)));
    }

    @Test
    void mtCreatesATeamWithItsGroupAndTheTeamCanTakeOpdrachten() throws Exception {
        String code = "JEUGD-" + id;
        stuur(post("/api/teams"), mt, """
                {"code": "%s", "naam": "Team Jeugd Oost", "capaciteitFte": 4.5}
                """.formatted(code)).andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/teams/" + code))
                .andExpect(jsonPath("$.groep").value("teamjeugd" + id.toLowerCase()))
                .andExpect(jsonPath("$.capaciteitFte").value(4.5))
                .andExpect(jsonPath("$.vrijFte").value(4.5));

        Team team = teams.findByCode(code).orElseThrow();
        Group groep = identityService.createGroupQuery().groupId(team.getGroepId()).singleResult();
        assertThat(groep.getName()).isEqualTo("Team Jeugd Oost");
        assertThat(groep.getType()).isEqualTo(Rollen.TEAM_TYPE);
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(team.getGroepId())
                .resourceType(Resources.APPLICATION).resourceId("tasklist").hasPermission(Permissions.ACCESS).count())
                .as("its members may open Tasklist").isEqualTo(1);

        // An opdracht for the new team runs, and its capacity counts against the team.
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));
        accepteer(pi);
        start(pi);
        mvc.perform(get("/api/teams/{team}", code).with(httpBasic(intake, WACHTWOORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.ingezetFte").value(1.5)).andExpect(jsonPath("$.vrijFte").value(3.0));
    }

    @Test
    void lessCapacityThanRunningOpdrachtenTakeShowsAsOverbelastAndIsAudited() throws Exception {
        ProcessInstance pi = inUitvoering();
        Team team = opdracht(pi).getTeam();
        stuur(put("/api/teams/{team}", team.getCode()), beheerder, """
                {"naam": "Team Leerplicht", "capaciteitFte": 1.25}
                """).andExpect(status().isOk())
                .andExpect(jsonPath("$.naam").value("Team Leerplicht"))
                .andExpect(jsonPath("$.vrijFte").value(-0.25))
                .andExpect(jsonPath("$.overbelast").value(true));
        assertThat(teams.findByCode(team.getCode()).orElseThrow().getCapaciteitFte()).isEqualByComparingTo("1.25");

        List<AuditService.AuditRegel> regels = auditService.zoek(AuditSoort.TEAM, team.getCode(), null, null, 10);
        AuditService.AuditRegel laatste = regels.get(regels.size() - 1);
        assertThat(laatste.gebruiker()).isEqualTo(beheerder);
        assertThat(laatste.wijzigingen()).extracting(AuditService.Wijziging::veld).contains("capaciteitFte", "naam");
    }

    @Test
    void badInputNamesTheFieldAndCreatesNeitherTeamNorGroup() throws Exception {
        String bestaand = portfolio.team("2.0").getCode();
        String code = "NIEUW-" + id;
        stuur(post("/api/teams"), mt, """
                {"code": "%s", "naam": " ", "capaciteitFte": -1, "groep": "team-met-streep"}
                """.formatted(code)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.naam").value("is verplicht"))
                .andExpect(jsonPath("$.velden.capaciteitFte").value("mag niet negatief zijn"))
                .andExpect(jsonPath("$.velden.groep").value("mag alleen letters en cijfers bevatten (maximaal 64)"));
        stuur(post("/api/teams"), mt, """
                {"code": "%s", "naam": "Dubbel", "capaciteitFte": 1.005}
                """.formatted(bestaand)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.code").value("bestaat al"))
                .andExpect(jsonPath("$.velden.capaciteitFte").value("heeft hoogstens twee decimalen"));
        stuur(post("/api/teams"), mt, """
                {"code": "%s", "naam": "Groot", "capaciteitFte": 1000000}
                """.formatted(code)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.capaciteitFte").value("mag hoogstens 999.999,99 zijn"));
        stuur(post("/api/teams"), mt, """
                {"code": "%s", "naam": "Dubbel in kleine letters", "capaciteitFte": 1}
                """.formatted(bestaand.toLowerCase())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.code").value("bestaat al als " + bestaand))
                .andExpect(jsonPath("$.velden.groep").doesNotExist());
        stuur(post("/api/teams"), mt, """
                {"code": "%s", "naam": "Het MT", "capaciteitFte": 3, "groep": "mt"}
                """.formatted(code)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.groep").value("'mt' is een rol, geen team"));
        stuur(post("/api/teams"), mt, """
                {"code": "met spatie", "naam": "X", "capaciteitFte": 1}
                """).andExpect(status().isBadRequest()).andExpect(jsonPath("$.velden.code").exists());
        assertThat(teams.findByCode(code)).isEmpty();
        assertThat(identityService.createGroupQuery().groupId("teamnieuw" + id.toLowerCase()).count()).isZero();

        stuur(put("/api/teams/{team}", bestaand), mt, """
                {"code": "ANDERS", "naam": "Team", "capaciteitFte": 2, "groep": "anders"}
                """).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.code").value("kan niet wijzigen"))
                .andExpect(jsonPath("$.velden.groep").exists());
        stuur(put("/api/teams/{team}", "BESTAAT-NIET-" + id), mt, """
                {"naam": "Team", "capaciteitFte": 2}
                """).andExpect(status().isNotFound());
    }

    @Test
    void onlyMtAndAdministratorsKeepTheTeams() throws Exception {
        String code = "GEWEIGERD-" + id;
        stuur(post("/api/teams"), intake, """
                {"code": "%s", "naam": "Team", "capaciteitFte": 1}
                """.formatted(code)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.melding").value(containsString("MT en beheerders")));
        String bestaand = portfolio.team("2.0").getCode();
        stuur(put("/api/teams/{team}", bestaand), intake, """
                {"naam": "Team", "capaciteitFte": 9}
                """).andExpect(status().isForbidden());
        assertThat(teams.findByCode(code)).isEmpty();
        assertThat(teams.findByCode(bestaand).orElseThrow().getCapaciteitFte()).isEqualByComparingTo("2.0");
        mvc.perform(post("/api/teams").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aDissolvedTeamKeepsItsHistoryAndTakesNoNewWork() throws Exception {
        ProcessInstance pi = inUitvoering();
        Team team = opdracht(pi).getTeam();
        Team ander = portfolio.team("6.0");

        // Not while an opdracht of it has not ended: the message names it.
        mvc.perform(post("/api/teams/{team}/opheffen", team.getCode()).with(httpBasic(intake, WACHTWOORD)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/teams/{team}/opheffen", team.getCode()).with(httpBasic(mt, WACHTWOORD)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.melding").value(containsString("nog 1 opdracht die niet is beëindigd: "
                        + pi.getBusinessKey() + ". Draag die eerst over")));
        assertThat(teams.findByCode(team.getCode()).orElseThrow().isOpgeheven()).isFalse();

        stuur(post("/api/opdrachten/{sleutel}/overdracht", pi.getBusinessKey()), mt, """
                {"team": "%s", "reden": "Team gaat op in een ander"}
                """.formatted(ander.getCode())).andExpect(status().isOk());
        mvc.perform(post("/api/teams/{team}/opheffen", team.getCode()).with(httpBasic(mt, WACHTWOORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.opgehevenOp").value(Klok.vandaag().toString()));

        // It takes no new request, transfer, import row or change; the list and the dashboard still know it.
        stuur(post("/api/opdrachten"), mt, aanvraagVoor(team.getCode())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.team").value(containsString("team " + team.getCode() + " is opgeheven op")))
                .andExpect(jsonPath("$.velden.team").value(containsString(ander.getCode())));
        stuur(post("/api/opdrachten/{sleutel}/overdracht", pi.getBusinessKey()), mt, """
                {"team": "%s", "reden": "Terug"}
                """.formatted(team.getCode())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.team").value(containsString("is opgeheven")));
        stuur(put("/api/teams/{team}", team.getCode()), mt, """
                {"naam": "Weer terug", "capaciteitFte": 3}
                """).andExpect(status().isConflict());
        mvc.perform(multipart("/api/import/proefrun").file(new MockMultipartFile("bestand", "p.csv", "text/csv",
                ("titel;team\nHuiswerkklas;" + team.getCode() + "\n").getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic(intake, WACHTWOORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.fouten[0].kolom").value("team"))
                .andExpect(jsonPath("$.fouten[0].melding").value(containsString("is opgeheven")));
        mvc.perform(get("/api/teams/{team}", team.getCode()).with(httpBasic(intake, WACHTWOORD)))
                .andExpect(jsonPath("$.opgehevenOp").value(Klok.vandaag().toString()));
        mvc.perform(get("/api/dashboard").with(httpBasic(mt, WACHTWOORD)))
                .andExpect(jsonPath("$.teams[?(@.code == '" + team.getCode() + "')].opgeheven").value(true));
        assertThat(jdbc.queryForObject("select count(*) from team_aud where code = ? and opgeheven_op is not null",
                Long.class, team.getCode())).as("the dissolution is in the audit trail").isEqualTo(1);
    }

    @Test
    void allOpdrachtenOfATeamGoToAnotherAtOnceOrNoneDo() throws Exception {
        Team team = portfolio.team("4.0");
        ProcessInstance lopend = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));
        accepteer(lopend);
        start(lopend);
        ProcessInstance inIntake = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));
        Team ander = portfolio.team("6.0");
        String naarAnder = """
                {"team": "%s", "reden": "Team Jeugd gaat op in Team Gezin"}
                """.formatted(ander.getCode());

        stuur(post("/api/teams/{team}/overdracht", team.getCode()), intake, naarAnder).andExpect(status().isForbidden());
        stuur(post("/api/teams/{team}/overdracht", team.getCode()), mt, """
                {"team": "%s", "reden": " "}
                """.formatted(ander.getCode())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.reden").value(containsString("is verplicht")));
        stuur(post("/api/teams/{team}/overdracht", team.getCode()), mt, """
                {"team": "%s", "reden": "Zelf"}
                """.formatted(team.getCode().toLowerCase())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.team").value(containsString("is het team zelf")));
        stuur(post("/api/teams/{team}/overdracht", "BESTAAT-NIET-" + id), mt, naarAnder).andExpect(status().isNotFound());
        assertThat(opdracht(lopend).getTeam().getCode()).as("nothing moved").isEqualTo(team.getCode());
        assertThat(opdracht(inIntake).getTeam().getCode()).isEqualTo(team.getCode());

        stuur(post("/api/teams/{team}/overdracht", team.getCode()), mt, naarAnder).andExpect(status().isOk())
                .andExpect(jsonPath("$.team").value(ander.getCode()))
                .andExpect(jsonPath("$.opdrachten.length()").value(2))
                .andExpect(jsonPath("$.opdrachten[0]").value(List.of(lopend.getBusinessKey(), inIntake.getBusinessKey())
                        .stream().sorted().findFirst().orElseThrow()));

        assertThat(opdracht(lopend).getTeam().getCode()).isEqualTo(ander.getCode());
        assertThat(opdracht(inIntake).getTeam().getCode()).isEqualTo(ander.getCode());
        assertThat(taskService.getIdentityLinksForTask(taak(lopend, nl.stuurwiel.opdracht.LevenscyclusProces.Element.UITVOEREN)
                .getId())).anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo(ander.getGroepId()))
                .noneSatisfy(l -> assertThat(l.getGroupId()).isEqualTo(team.getGroepId()));
        mvc.perform(get("/api/opdrachten/{sleutel}", lopend.getBusinessKey()).with(httpBasic(mt, WACHTWOORD)))
                .andExpect(jsonPath("$.overdrachten[0].reden").value("Team Jeugd gaat op in Team Gezin"));
        mvc.perform(post("/api/teams/{team}/opheffen", team.getCode()).with(httpBasic(mt, WACHTWOORD)))
                .andExpect(status().isOk());
    }

    /** A double click sends the transfer twice at once: one moves everything, the other gets no server error. */
    @Test
    void theSameTransferSentTwiceAtOnceMovesEachOpdrachtOnceAndAnswersNoServerError() throws Exception {
        Team team = portfolio.team("4.0");
        List<String> sleutels = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sleutels.add(vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel())).getBusinessKey());
        }
        Team ander = portfolio.team("6.0");
        String naarAnder = """
                {"team": "%s", "reden": "Dubbel geklikt"}
                """.formatted(ander.getCode());
        java.util.concurrent.ExecutorService twee = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<Integer>> antwoorden = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                antwoorden.add(twee.submit(() -> {
                    start.await();
                    return stuur(post("/api/teams/{team}/overdracht", team.getCode()), mt, naarAnder).andReturn()
                            .getResponse().getStatus();
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Integer> antwoord : antwoorden) {
                assertThat(antwoord.get()).isIn(200, 409);
            }
        } finally {
            twee.shutdownNow();
        }
        for (String sleutel : sleutels) {
            assertThat(jdbc.queryForObject("select count(*) from opdracht_overdracht o join opdracht d on d.id = o.opdracht_id "
                    + "where d.sleutel = ?", Long.class, sleutel)).as(sleutel).isEqualTo(1);
        }
    }

    private String aanvraagVoor(String team) {
        return """
                {"titel": "Nieuw werk", "type": "project", "domein": "sociaal", "team": "%s"}
                """.formatted(team);
    }
}
