package nl.stuurwiel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.doel.DoelRepository;
import nl.stuurwiel.doel.DoelSoort;
import nl.stuurwiel.opdracht.LevenscyclusProces;
import nl.stuurwiel.opdracht.OpdrachtRepository;
import nl.stuurwiel.team.Team;
import nl.stuurwiel.team.TeamRepository;

/**
 * Who sees which opdracht: everyone sees what is not confidential; a confidential one only its
 * team, its requester, intake, MT and administrators, in the API and in the engine alike.
 */
@StuurwielTest
class VertrouwelijkheidTest {

    private static final String WACHTWOORD = "Toegang-Test-Wachtwoord-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TeamRepository teams;
    @Autowired
    DoelRepository doelen;
    @Autowired
    OpdrachtRepository opdrachten;
    @Autowired
    StandaardAutorisaties autorisaties;

    String id;
    String teamA;
    String groepA;
    String groepB;
    String doelCode;
    String aanvrager;
    String andereAanvrager;
    String lidA;
    String lidB;
    String intake;
    String mt;
    String ontwerper;
    String beheerder;
    String geheim;
    String openbaar;

    @BeforeEach
    void maakTweeTeamsEnTweeOpdrachten() throws Exception {
        id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        teamA = "TA" + id;
        groepA = "teama" + id;
        groepB = "teamb" + id;
        teams.save(new Team(teamA, "Team A " + id, groepA, new BigDecimal("4.0")));
        teams.save(new Team("TB" + id, "Team B " + id, groepB, new BigDecimal("4.0")));
        autorisaties.teamGroep(groepA, "Team A " + id);
        autorisaties.teamGroep(groepB, "Team B " + id);
        doelCode = "D-" + id;
        doelen.save(new Doel(doelCode, "Doel " + id, DoelSoort.DOEL, null));
        aanvrager = gebruiker("aanvr" + id, Rollen.AANVRAGER);
        andereAanvrager = gebruiker("ander" + id, Rollen.AANVRAGER);
        lidA = gebruiker("lida" + id, groepA);
        lidB = gebruiker("lidb" + id, groepB);
        intake = gebruiker("intake" + id, Rollen.INTAKE);
        mt = gebruiker("mt" + id, Rollen.MT);
        ontwerper = gebruiker("ontw" + id, Rollen.PROCESONTWERPER);
        beheerder = gebruiker("beheer" + id, Rollen.BEHEERDER);
        geheim = aanvragen(true);
        openbaar = aanvragen(false);
    }

    private String gebruiker(String gebruikerId, String... groepen) {
        return portfolio.gebruiker(gebruikerId, WACHTWOORD, groepen);
    }

    private String aanvragen(boolean vertrouwelijk) throws Exception {
        String locatie = mvc.perform(post("/api/opdrachten").contentType(MediaType.APPLICATION_JSON).content("""
                {"titel": "Zorgen om gezin", "type": "interventie", "domein": "sociaal", "team": "%s",
                 "doelen": ["%s"], "vertrouwelijk": %s}
                """.formatted(teamA, doelCode, vertrouwelijk)).with(httpBasic(aanvrager, WACHTWOORD)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.vertrouwelijk").value(vertrouwelijk))
                .andReturn().getResponse().getHeader("Location");
        return locatie.substring(locatie.lastIndexOf('/') + 1);
    }

    @Test
    void confidentialOpdrachtIsHiddenFromOtherTeamsInListAndDetail() throws Exception {
        for (String wie : List.of(lidB, andereAanvrager, ontwerper)) {
            mvc.perform(get("/api/opdrachten").param("team", teamA).with(httpBasic(wie, WACHTWOORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.totaal").value(1))
                    .andExpect(jsonPath("$.inhoud[*].sleutel", hasItem(openbaar)))
                    .andExpect(jsonPath("$.inhoud[*].sleutel", not(hasItem(geheim))));
            mvc.perform(get("/api/opdrachten/" + geheim).with(httpBasic(wie, WACHTWOORD)))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.melding").value("Opdracht " + geheim + " bestaat niet"));
            mvc.perform(get("/api/opdrachten/" + openbaar).with(httpBasic(wie, WACHTWOORD)))
                    .andExpect(status().isOk());
        }
        for (String wie : List.of(lidA, aanvrager, intake, mt, beheerder)) {
            mvc.perform(get("/api/opdrachten").param("team", teamA).with(httpBasic(wie, WACHTWOORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.totaal").value(2))
                    .andExpect(jsonPath("$.inhoud[*].sleutel", hasItem(geheim)));
            mvc.perform(get("/api/opdrachten/" + geheim).with(httpBasic(wie, WACHTWOORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.vertrouwelijk").value(true));
        }
    }

    /** The page says what the API says: for others the confidential opdracht does not exist. */
    @Test
    void theDashboardPageOfAConfidentialOpdrachtIsNotFoundForOthers() throws Exception {
        for (String wie : List.of(lidB, andereAanvrager)) {
            mvc.perform(get("/dashboard/opdracht/" + geheim).accept(MediaType.TEXT_HTML).with(httpBasic(wie, WACHTWOORD)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(containsString("Opdracht " + geheim + " bestaat niet of is niet zichtbaar voor u.")));
            mvc.perform(get("/dashboard/opdracht/" + openbaar).accept(MediaType.TEXT_HTML).with(httpBasic(wie, WACHTWOORD)))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/dashboard/opdracht/" + geheim).accept(MediaType.TEXT_HTML).with(httpBasic(lidA, WACHTWOORD)))
                .andExpect(status().isOk());
    }

    @Test
    void confidentialOpdrachtAddsNothingToTheDashboardGoalTreeOrIndicatorsOfOtherTeams() throws Exception {
        String indicator = mvc.perform(post("/api/indicatoren").contentType(MediaType.APPLICATION_JSON).content("""
                {"opdracht": "%s", "naam": "Gezinnen in beeld", "eenheid": "gezinnen", "richting": "hoger_beter",
                 "meetfrequentie": "kwartaal"}
                """.formatted(geheim)).with(httpBasic(intake, WACHTWOORD)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String perTeam = "$.perTeam[?(@.groep == '" + teamA + "')].aantal";
        String bijdragen = "$[?(@.code == '" + doelCode + "')].opdrachten[*].opdracht";
        for (String wie : List.of(lidB, andereAanvrager, ontwerper)) {
            mvc.perform(get("/api/dashboard").with(httpBasic(wie, WACHTWOORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath(perTeam).value(1));
            mvc.perform(get("/api/doelen/boom").with(httpBasic(wie, WACHTWOORD)))
                    .andExpect(jsonPath(bijdragen, hasItem(openbaar)))
                    .andExpect(jsonPath(bijdragen, not(hasItem(geheim))));
            mvc.perform(get("/api/indicatoren").param("opdracht", geheim).with(httpBasic(wie, WACHTWOORD)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
            mvc.perform(get(indicator).with(httpBasic(wie, WACHTWOORD))).andExpect(status().isNotFound());
            mvc.perform(get(indicator + "/metingen").with(httpBasic(wie, WACHTWOORD)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/opdrachten/" + geheim + "/statuskleur").with(httpBasic(wie, WACHTWOORD)))
                    .andExpect(status().isNotFound());
        }
        for (String wie : List.of(lidA, mt, intake)) {
            mvc.perform(get("/api/dashboard").with(httpBasic(wie, WACHTWOORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath(perTeam).value(2));
            mvc.perform(get("/api/doelen/boom").with(httpBasic(wie, WACHTWOORD)))
                    .andExpect(jsonPath(bijdragen, hasItem(geheim)));
            mvc.perform(get("/api/indicatoren").param("opdracht", geheim).with(httpBasic(wie, WACHTWOORD)))
                    .andExpect(jsonPath("$.length()").value(1));
            mvc.perform(get(indicator).with(httpBasic(wie, WACHTWOORD))).andExpect(status().isOk());
            mvc.perform(get("/api/opdrachten/" + geheim + "/statuskleur").with(httpBasic(wie, WACHTWOORD)))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void confidentialInstanceIsInvisibleInTheEngineToOtherTeamsAndDesigners() {
        for (String wie : List.of(lidB, ontwerper, andereAanvrager)) {
            List<String> groepen = identityService.createGroupQuery().groupMember(wie).list().stream()
                    .map(g -> g.getId()).toList();
            assertThat(als(wie, groepen, () -> taskService.createTaskQuery().processInstanceBusinessKey(geheim).count()))
                    .as("tasks of the confidential opdracht for %s", wie).isZero();
            assertThat(als(wie, groepen, () -> runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(geheim).count())).as("instance for %s", wie).isZero();
            assertThat(als(wie, groepen, () -> historyService.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(geheim).count())).as("history for %s", wie).isZero();
            assertThat(als(wie, groepen, () -> historyService.createHistoricTaskInstanceQuery()
                    .processInstanceBusinessKey(geheim).count())).as("task history for %s", wie).isZero();
        }
        assertThat(als(ontwerper, List.of(Rollen.PROCESONTWERPER), () -> runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(openbaar).count())).as("designers follow the other instances").isOne();
        assertThat(als(ontwerper, List.of(Rollen.PROCESONTWERPER), () -> historyService
                .createHistoricProcessInstanceQuery().processInstanceBusinessKey(openbaar).count())).isOne();
        for (String wie : List.of(intake, mt)) {
            List<String> groepen = List.of(wie.equals(intake) ? Rollen.INTAKE : Rollen.MT);
            assertThat(als(wie, groepen, () -> runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(geheim).count())).as("instance for %s", wie).isOne();
            assertThat(als(wie, groepen, () -> taskService.createTaskQuery().processInstanceBusinessKey(geheim)
                    .count())).as("intake task for %s", wie).isOne();
        }
    }

    @Test
    void startFormTicksConfidential() {
        String instantie = als(aanvrager, List.of(Rollen.AANVRAGER), () -> runtimeService
                .startProcessInstanceByKey(LevenscyclusProces.PROCESS_ID, Variables.fromMap(Map.of("titel",
                        "Via Tasklist", "type", "project", "domein", "sociaal", "team", teamA, "vertrouwelijk", true)))
                .getId());
        String sleutel = runtimeService.createProcessInstanceQuery().processInstanceId(instantie).singleResult()
                .getBusinessKey();
        assertThat(opdrachten.findBySleutel(sleutel).orElseThrow().isVertrouwelijk()).isTrue();
        assertThat(runtimeService.getVariable(instantie, "vertrouwelijk")).as("form field dropped like the others")
                .isNull();
        assertThat(als(ontwerper, List.of(Rollen.PROCESONTWERPER), () -> runtimeService.createProcessInstanceQuery()
                .processInstanceId(instantie).count())).isZero();
    }

    private <T> T als(String gebruiker, List<String> groepen, Supplier<T> vraag) {
        identityService.setAuthentication(gebruiker, groepen);
        try {
            return vraag.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
