package nl.stuurwiel.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.doel.DoelRepository;
import nl.stuurwiel.indicator.IndicatorInvoer;
import nl.stuurwiel.indicator.IndicatorService;
import nl.stuurwiel.indicator.Meetfrequentie;
import nl.stuurwiel.meetronde.MeetrondeProces;
import nl.stuurwiel.opdracht.OpdrachtRepository;
import nl.stuurwiel.team.Team;
import nl.stuurwiel.team.TeamRepository;

/**
 * Role × action over real HTTP: each role may do exactly what its authorizations give, every
 * other attempt gets 403 (or 404 for an opdracht it may not know of) and changes nothing.
 */
@StuurwielTest
class RolMatrixTest {

    private static final String WACHTWOORD = "Matrix-Test-Wachtwoord-1";

    @LocalServerPort
    int poort;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TeamRepository teams;
    @Autowired
    DoelRepository doelen;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    OpdrachtRepository opdrachten;
    @Autowired
    StandaardAutorisaties autorisaties;
    @Autowired
    IndicatorService indicatorService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ObjectMapper objectMapper;

    private final HttpClient http = HttpClient.newHttpClient();

    String id;
    String teamCode;
    String doelCode;
    String eigenaar;
    /** Role name → user id, in the order of the matrix. */
    final Map<String, String> rollen = new LinkedHashMap<>();

    @BeforeEach
    void maakRollen() {
        id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        teamCode = "TM" + id;
        String teamGroep = "teamm" + id;
        teams.save(new Team(teamCode, "Team " + id, teamGroep, new BigDecimal("40.0")));
        autorisaties.teamGroep(teamGroep, "Team " + id);
        doelCode = portfolio.doel().getCode(); // with a measurable indicator, so intake can accept
        eigenaar = gebruiker("eig" + id, Rollen.AANVRAGER);
        rollen.put("aanvrager", gebruiker("aanvr" + id, Rollen.AANVRAGER));
        rollen.put("intake", gebruiker("intake" + id, Rollen.INTAKE));
        rollen.put("mt", gebruiker("mt" + id, Rollen.MT));
        rollen.put("teamlid", gebruiker("lid" + id, teamGroep));
        rollen.put("procesontwerper", gebruiker("ontw" + id, Rollen.PROCESONTWERPER));
        rollen.put("beheerder", gebruiker("beheer" + id, Rollen.BEHEERDER));
        rollen.put("zonder groep", gebruiker("geen" + id));
    }

    private String gebruiker(String gebruikerId, String... groepen) {
        return portfolio.gebruiker(gebruikerId, WACHTWOORD, groepen);
    }

    @Test
    void requestingAnOpdracht() throws Exception {
        Set<String> mogen = Set.of("aanvrager", "intake", "mt", "teamlid", "beheerder");
        for (Map.Entry<String, String> rol : rollen.entrySet()) {
            long vooraf = opdrachten.count();
            HttpResponse<String> antwoord = json("POST", "/api/opdrachten", rol.getValue(), aanvraag(false));
            HttpResponse<String> pagina = pagina("/dashboard/aanvragen", rol.getValue());
            assertThat(pagina.statusCode()).as(rol.getKey()).isEqualTo(200);
            assertThat(pagina.body().contains("id=\"aanvraagformulier\"")).as(rol.getKey() + " is offered the form")
                    .isEqualTo(mogen.contains(rol.getKey()));
            if (mogen.contains(rol.getKey())) {
                assertThat(antwoord.statusCode()).as(rol.getKey()).isEqualTo(201);
            } else {
                assertThat(antwoord.statusCode()).as(rol.getKey()).isEqualTo(403);
                assertThat(opdrachten.count()).as("nothing created by " + rol.getKey()).isEqualTo(vooraf);
            }
        }
    }

    /** The menu links to Tasklist and Cockpit only for those whom they let in. */
    @Test
    void theMenuOffersTheWebappsToWhoMayOpenThem() throws Exception {
        Set<String> cockpit = Set.of("intake", "mt", "procesontwerper", "beheerder");
        Set<String> tasklist = Set.of("aanvrager", "intake", "mt", "teamlid", "beheerder");
        for (Map.Entry<String, String> rol : rollen.entrySet()) {
            HttpResponse<String> pagina = pagina("/dashboard/", rol.getValue());
            assertThat(pagina.statusCode()).as(rol.getKey()).isEqualTo(200);
            assertThat(pagina.body().contains("Processen (Cockpit)")).as(rol.getKey() + " is offered Cockpit")
                    .isEqualTo(cockpit.contains(rol.getKey()));
            assertThat(pagina.body().contains("Taken (Tasklist)")).as(rol.getKey() + " is offered Tasklist")
                    .isEqualTo(tasklist.contains(rol.getKey()));
        }
    }

    @Test
    void readingListAndDetailOfAConfidentialOpdracht() throws Exception {
        String geheim = sleutel(json("POST", "/api/opdrachten", eigenaar, aanvraag(true)));
        String openbaar = sleutel(json("POST", "/api/opdrachten", eigenaar, aanvraag(false)));
        Set<String> zienGeheim = Set.of("intake", "mt", "teamlid", "beheerder");
        for (Map.Entry<String, String> rol : rollen.entrySet()) {
            HttpResponse<String> lijst = json("GET", "/api/opdrachten?team=" + teamCode, rol.getValue(), null);
            assertThat(lijst.statusCode()).as(rol.getKey()).isEqualTo(200);
            assertThat(lijst.body()).as(rol.getKey()).contains(openbaar);
            assertThat(json("GET", "/api/opdrachten/" + openbaar, rol.getValue(), null).statusCode())
                    .as(rol.getKey()).isEqualTo(200);
            HttpResponse<String> detail = json("GET", "/api/opdrachten/" + geheim, rol.getValue(), null);
            if (zienGeheim.contains(rol.getKey())) {
                assertThat(lijst.body()).as(rol.getKey()).contains(geheim);
                assertThat(detail.statusCode()).as(rol.getKey()).isEqualTo(200);
            } else {
                assertThat(lijst.body()).as(rol.getKey()).doesNotContain(geheim);
                assertThat(detail.statusCode()).as(rol.getKey()).isEqualTo(404);
            }
        }
    }

    @Test
    void completingAnIntakeTaskThroughEngineRest() throws Exception {
        Set<String> mogen = Set.of("intake", "beheerder");
        for (Map.Entry<String, String> rol : rollen.entrySet()) {
            String sleutel = sleutel(json("POST", "/api/opdrachten", eigenaar, aanvraag(false)));
            String taak = taskService.createTaskQuery().processInstanceBusinessKey(sleutel).singleResult().getId();
            HttpResponse<String> antwoord = json("POST", "/engine-rest/task/" + taak + "/complete", rol.getValue(), """
                    {"variables": {"intakeBesluit": {"value": "accepteren"}, "urgentie": {"value": "hoog"},
                     "risico": {"value": "laag"}}}""");
            if (mogen.contains(rol.getKey())) {
                assertThat(antwoord.statusCode()).as(rol.getKey() + ": " + antwoord.body()).isEqualTo(204);
                assertThat(taskService.createTaskQuery().taskId(taak).count()).isZero();
            } else {
                assertThat(antwoord.statusCode()).as(rol.getKey() + ": " + antwoord.body()).isIn(403, 404);
                assertThat(taskService.createTaskQuery().taskId(taak).count()).as("task still open").isOne();
                assertThat(opdrachten.findBySleutel(sleutel).orElseThrow().getFase().name()).isEqualTo("INTAKE");
            }
        }
    }

    @Test
    void deployingAModel() throws Exception {
        Set<String> mogen = Set.of("procesontwerper", "beheerder");
        for (Map.Entry<String, String> rol : rollen.entrySet()) {
            String naam = "matrix-" + id + "-" + rol.getKey().replace(' ', '-');
            HttpResponse<String> antwoord = deploy(rol.getValue(), naam);
            long gevonden = repositoryService.createDeploymentQuery().deploymentName(naam).count();
            if (mogen.contains(rol.getKey())) {
                assertThat(antwoord.statusCode()).as(rol.getKey() + ": " + antwoord.body()).isEqualTo(200);
                assertThat(gevonden).isOne();
            } else {
                assertThat(antwoord.statusCode()).as(rol.getKey() + ": " + antwoord.body()).isEqualTo(403);
                assertThat(gevonden).as("nothing deployed by " + rol.getKey()).isZero();
            }
        }
    }

    /** A designer who repaired a model retries the failed job in Cockpit; a job is no one else's to retry. */
    @Test
    void retryingAFailedJob() throws Exception {
        org.camunda.bpm.engine.runtime.Job job = managementService.createJobQuery()
                .processDefinitionKey(nl.stuurwiel.rapportage.HalfjaarrapportageProces.PROCESS_ID).timers().list().get(0);
        Set<String> mogen = Set.of("procesontwerper", "beheerder");
        try {
            for (Map.Entry<String, String> rol : rollen.entrySet()) {
                managementService.setJobRetries(job.getId(), 0);
                HttpResponse<String> antwoord = json("PUT", "/engine-rest/job/" + job.getId() + "/retries", rol.getValue(),
                        "{\"retries\": 1}");
                int over = managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries();
                if (mogen.contains(rol.getKey())) {
                    assertThat(antwoord.statusCode()).as(rol.getKey() + ": " + antwoord.body()).isEqualTo(204);
                    assertThat(over).isOne();
                } else {
                    assertThat(antwoord.statusCode()).as(rol.getKey() + ": " + antwoord.body()).isEqualTo(403);
                    assertThat(over).isZero();
                }
            }
        } finally {
            managementService.setJobRetries(job.getId(), job.getRetries());
        }
    }

    @Test
    void creatingAUser() throws Exception {
        for (Map.Entry<String, String> rol : rollen.entrySet()) {
            String nieuw = "nieuw" + id + rol.getKey().charAt(0) + rol.getKey().length();
            HttpResponse<String> antwoord = json("POST", "/engine-rest/user/create", rol.getValue(), """
                    {"profile": {"id": "%s", "firstName": "Nieuwe", "lastName": "Gebruiker", "email": "n@example.org"},
                     "credentials": {"password": "Nieuw-Wachtwoord-2026!"}}""".formatted(nieuw));
            long bestaat = identityService.createUserQuery().userId(nieuw).count();
            if (rol.getKey().equals("beheerder")) {
                assertThat(antwoord.statusCode()).as(rol.getKey() + ": " + antwoord.body()).isEqualTo(204);
                assertThat(bestaat).isOne();
            } else {
                assertThat(antwoord.statusCode()).as(rol.getKey() + ": " + antwoord.body()).isEqualTo(403);
                assertThat(bestaat).as("no user created by " + rol.getKey()).isZero();
            }
        }
    }

    /** Camunda answers a password its policy refuses with 500; the API names the rules instead. */
    @Test
    void aWeakPasswordIsRefusedWithThePolicysRulesAndCreatesNoUser() throws Exception {
        String beheerder = rollen.get("beheerder");
        String nieuw = "zwak" + id;
        HttpResponse<String> antwoord = json("POST", "/engine-rest/user/create", beheerder, """
                {"profile": {"id": "%s", "firstName": "Zwak", "lastName": "Wachtwoord", "email": "z@example.org"},
                 "credentials": {"password": "kort"}}""".formatted(nieuw));
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(400);
        assertThat(antwoord.body()).contains("\"password\":\"voldoet niet aan het wachtwoordbeleid: minstens 10 tekens")
                .contains("hoofdletter").contains("cijfer").contains("zonder de gebruikersnaam");
        assertThat(identityService.createUserQuery().userId(nieuw).count()).isZero();

        String bestaand = rollen.get("aanvrager");
        antwoord = json("PUT", "/engine-rest/user/" + bestaand + "/credentials", beheerder, """
                {"password": "ook kort", "authenticatedUserPassword": "%s"}""".formatted(WACHTWOORD));
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(400);
        assertThat(identityService.checkPassword(bestaand, WACHTWOORD)).as("the old password still holds").isTrue();
    }

    @Test
    void managingTheGoalTree() throws Exception {
        Set<String> mogen = Set.of("intake", "mt", "beheerder");
        for (Map.Entry<String, String> rol : rollen.entrySet()) {
            String code = "MX-" + id + "-" + rol.getKey().replace(' ', '-');
            HttpResponse<String> doel = json("POST", "/api/doelen", rol.getValue(), """
                    {"code": "%s", "naam": "Matrixwet", "soort": "wettelijke_taak", "wet": "Matrixwet"}""".formatted(code));
            int vooraf = indicatorService.zoek(doelCode, null).size();
            HttpResponse<String> indicator = json("POST", "/api/indicatoren", rol.getValue(), indicator(doelCode, null));
            if (mogen.contains(rol.getKey())) {
                assertThat(doel.statusCode()).as(rol.getKey() + ": " + doel.body()).isEqualTo(201);
                assertThat(indicator.statusCode()).as(rol.getKey() + ": " + indicator.body()).isEqualTo(201);
                assertThat(json("DELETE", "/api/doelen/" + code, rol.getValue(), null).statusCode()).isEqualTo(204);
            } else {
                assertThat(doel.statusCode()).as(rol.getKey() + ": " + doel.body()).isEqualTo(403);
                assertThat(doel.body()).contains("portfoliobureau");
                assertThat(doelen.findByCode(code)).as("no doel created by " + rol.getKey()).isEmpty();
                assertThat(indicator.statusCode()).as(rol.getKey() + ": " + indicator.body()).isEqualTo(403);
                assertThat(indicatorService.zoek(doelCode, null)).hasSize(vooraf);
                assertThat(json("PUT", "/api/doelen/" + doelCode, rol.getValue(), """
                        {"naam": "Gekaapt", "soort": "doel"}""").statusCode()).as(rol.getKey()).isEqualTo(403);
                assertThat(json("DELETE", "/api/doelen/" + doelCode, rol.getValue(), null).statusCode())
                        .as(rol.getKey()).isEqualTo(403);
                Long bestaand = indicatorService.zoek(doelCode, null).get(0).getId();
                assertThat(json("POST", "/api/indicatoren/" + bestaand + "/vervallen", rol.getValue(), null)
                        .statusCode()).as(rol.getKey()).isEqualTo(403);
                assertThat(indicatorService.indicator(bestaand).isActief()).isTrue();
            }
        }
        assertThat(doelen.findByCode(doelCode).orElseThrow().getNaam()).isNotEqualTo("Gekaapt");
    }

    @Test
    void keepingTheTeams() throws Exception {
        Set<String> mogen = Set.of("mt", "beheerder");
        for (Map.Entry<String, String> rol : rollen.entrySet()) {
            String code = "TX" + id + rol.getKey().replace(' ', '_');
            HttpResponse<String> nieuw = json("POST", "/api/teams", rol.getValue(), """
                    {"code": "%s", "naam": "Matrixteam", "capaciteitFte": 2}""".formatted(code));
            HttpResponse<String> wijziging = json("PUT", "/api/teams/" + teamCode, rol.getValue(), """
                    {"naam": "Team %s", "capaciteitFte": 41}""".formatted(id));
            if (mogen.contains(rol.getKey())) {
                assertThat(nieuw.statusCode()).as(rol.getKey() + ": " + nieuw.body()).isEqualTo(201);
                assertThat(wijziging.statusCode()).as(rol.getKey() + ": " + wijziging.body()).isEqualTo(200);
            } else {
                assertThat(nieuw.statusCode()).as(rol.getKey() + ": " + nieuw.body()).isEqualTo(403);
                assertThat(teams.findByCode(code)).as("no team created by " + rol.getKey()).isEmpty();
                assertThat(wijziging.statusCode()).as(rol.getKey() + ": " + wijziging.body()).isEqualTo(403);
            }
            assertThat(json("GET", "/api/teams/" + teamCode, rol.getValue(), null).statusCode()).as(rol.getKey())
                    .isEqualTo(200);
        }
        assertThat(teams.findByCode(teamCode).orElseThrow().getCapaciteitFte()).isEqualByComparingTo("41");
    }

    @Test
    void handingAnOpdrachtToAnotherTeam() throws Exception {
        String andereCode = "TN" + id;
        teams.save(new Team(andereCode, "Ander team " + id, "teamn" + id, new BigDecimal("10.0")));
        Set<String> mogen = Set.of("mt", "beheerder");
        for (Map.Entry<String, String> rol : rollen.entrySet()) {
            String opdracht = sleutel(json("POST", "/api/opdrachten", eigenaar, aanvraag(false)));
            HttpResponse<String> antwoord = json("POST", "/api/opdrachten/" + opdracht + "/overdracht", rol.getValue(),
                    "{\"team\": \"" + andereCode + "\", \"reden\": \"Matrix\"}");
            String team = opdrachten.findBySleutel(opdracht).orElseThrow().getTeam().getCode();
            if (mogen.contains(rol.getKey())) {
                assertThat(antwoord.statusCode()).as(rol.getKey() + ": " + antwoord.body()).isEqualTo(200);
                assertThat(team).as(rol.getKey()).isEqualTo(andereCode);
            } else {
                assertThat(antwoord.statusCode()).as(rol.getKey() + ": " + antwoord.body()).isEqualTo(403);
                assertThat(team).as("not moved by " + rol.getKey()).isEqualTo(teamCode);
            }
        }
    }

    @Test
    void linkingDoelenToAnOpdracht() throws Exception {
        alleenHetPortfoliobureauHetMtEnBeheerders("doelen", (rol, vertrouwelijk) ->
                "[{\"doel\": \"" + doelCode + "\", \"bijdrage\": \"" + rol + "\", \"gewicht\": 60}]", this::bijdrage);
    }

    @Test
    void correctingTheDescriptionOfAnOpdracht() throws Exception {
        alleenHetPortfoliobureauHetMtEnBeheerders("gegevens", (rol, vertrouwelijk) -> "{\"titel\": \"" + rol
                + "\", \"type\": \"project\", \"domein\": \"sociaal\", \"vertrouwelijk\": " + vertrouwelijk + "}",
                opdracht -> opdrachten.findBySleutel(opdracht).orElseThrow().getTitel());
    }

    interface Lezer {
        String lees(String opdracht) throws Exception;
    }

    /**
     * PUT /api/opdrachten/{key}/{deel} as every role, on a public and a confidential opdracht: the body
     * carries the role's name, which {@code gelezen} must then read back, or read as before.
     */
    private void alleenHetPortfoliobureauHetMtEnBeheerders(String deel, BiFunction<String, Boolean, String> lichaam,
            Lezer gelezen) throws Exception {
        String openbaar = sleutel(json("POST", "/api/opdrachten", eigenaar, aanvraag(false)));
        String geheim = sleutel(json("POST", "/api/opdrachten", eigenaar, aanvraag(true)));
        Set<String> mogen = Set.of("intake", "mt", "beheerder");
        Set<String> zienGeheim = Set.of("intake", "mt", "teamlid", "beheerder");
        for (Map.Entry<String, String> rol : rollen.entrySet()) {
            for (String opdracht : new String[] {openbaar, geheim}) {
                boolean vertrouwelijk = opdracht.equals(geheim);
                String vooraf = gelezen.lees(opdracht);
                HttpResponse<String> antwoord = json("PUT", "/api/opdrachten/" + opdracht + "/" + deel, rol.getValue(),
                        lichaam.apply(rol.getKey(), vertrouwelijk));
                String wie = rol.getKey() + (vertrouwelijk ? " on the confidential one: " : ": ") + antwoord.body();
                if (mogen.contains(rol.getKey())) {
                    assertThat(antwoord.statusCode()).as(wie).isEqualTo(200);
                    assertThat(gelezen.lees(opdracht)).as(wie).isEqualTo(rol.getKey());
                } else {
                    int verwacht = vertrouwelijk && !zienGeheim.contains(rol.getKey()) ? 404 : 403;
                    assertThat(antwoord.statusCode()).as(wie).isEqualTo(verwacht);
                    assertThat(gelezen.lees(opdracht)).as("unchanged by " + wie).isEqualTo(vooraf);
                }
            }
        }
    }

    /** The expected contribution of the opdracht's one doel link, as its requester reads it. */
    private String bijdrage(String opdracht) throws Exception {
        HttpResponse<String> detail = json("GET", "/api/opdrachten/" + opdracht, eigenaar, null);
        return objectMapper.readTree(detail.body()).path("doelen").path(0).path("bijdrage").asText(null);
    }

    @Test
    void enteringMetingenOfAGoalsAndOfAnOpdrachtsIndicator() throws Exception {
        String opdracht = sleutel(json("POST", "/api/opdrachten", eigenaar, aanvraag(false)));
        Long vanDoel = indicatorService.maak(invoer(indicator(doelCode, null))).getId();
        Long vanOpdracht = indicatorService.maak(invoer(indicator(null, opdracht))).getId();
        Set<String> mogenDoel = Set.of("eigenaar", "intake", "mt", "beheerder");
        Set<String> mogenOpdracht = Set.of("eigenaar", "teamlid", "intake", "mt", "beheerder");
        Map<String, String> iedereen = new LinkedHashMap<>(rollen);
        iedereen.put("eigenaar", eigenaar);
        String periode = Meetfrequentie.KWARTAAL.periodeVan(LocalDate.now()).minusMonths(3).toString();
        for (Map.Entry<String, String> rol : iedereen.entrySet()) {
            for (Long indicator : new Long[] {vanDoel, vanOpdracht}) {
                boolean mag = (indicator.equals(vanDoel) ? mogenDoel : mogenOpdracht).contains(rol.getKey());
                int vooraf = versies(indicator, periode);
                HttpResponse<String> antwoord = json("POST", "/api/indicatoren/" + indicator + "/metingen",
                        rol.getValue(), """
                        {"periode": "%s", "waarde": %d, "toelichting": "Door %s"}"""
                                .formatted(periode, 10 + vooraf, rol.getKey()));
                if (mag) {
                    assertThat(antwoord.statusCode()).as(rol.getKey() + ": " + antwoord.body()).isEqualTo(201);
                    assertThat(versies(indicator, periode)).isEqualTo(vooraf + 1);
                } else {
                    assertThat(antwoord.statusCode()).as(rol.getKey() + ": " + antwoord.body()).isEqualTo(403);
                    assertThat(antwoord.body()).contains("eigenaar van de indicator");
                    assertThat(versies(indicator, periode)).as("nothing stored for " + rol.getKey()).isEqualTo(vooraf);
                }
            }
        }
    }

    @Test
    void completingAMeetrondeTaskThroughEngineRest() throws Exception {
        Long indicator = indicatorService.maak(invoer(indicator(doelCode, null))).getId();
        String ronde = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(MeetrondeProces.sleutel(indicator)).singleResult().getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(ronde)
                .activityId(MeetrondeProces.Element.TIMER_PERIODE_VOORBIJ).singleResult().getId());
        String taak = taskService.createTaskQuery().processInstanceId(ronde).singleResult().getId();
        String pad = "/engine-rest/task/" + taak + "/complete";

        HttpResponse<String> fout = json("POST", pad, eigenaar, """
                {"variables": {"waarde": {"value": "veel"}, "verhaal": {"value": "Loopt op"}}}""");
        assertThat(fout.statusCode()).as(fout.body()).isEqualTo(400);
        assertThat(fout.body()).contains("\"velden\":{\"waarde\"");
        for (String rol : new String[] {"aanvrager", "teamlid", "procesontwerper", "zonder groep"}) {
            HttpResponse<String> geweigerd = json("POST", pad, rollen.get(rol), """
                    {"variables": {"waarde": {"value": 12}}}""");
            assertThat(geweigerd.statusCode()).as(rol + ": " + geweigerd.body()).isIn(403, 404);
        }
        assertThat(indicatorService.actueleMetingen(indicator)).as("nothing stored yet").isEmpty();
        assertThat(taskService.createTaskQuery().taskId(taak).count()).isOne();

        HttpResponse<String> goed = json("POST", pad, eigenaar, """
                {"variables": {"waarde": {"value": 12}, "verhaal": {"value": "Nieuwe aanpak werkt"}}}""");
        assertThat(goed.statusCode()).as(goed.body()).isEqualTo(204);
        assertThat(indicatorService.actueleMetingen(indicator)).singleElement()
                .satisfies(m -> assertThat(m.getIngevoerdDoor()).isEqualTo(eigenaar))
                .satisfies(m -> assertThat(m.getWaarde()).isEqualByComparingTo("12"));
    }

    private int versies(Long indicator, String periode) {
        return indicatorService.actueleMetingen(indicator).stream()
                .anyMatch(m -> m.getPeriode().toString().equals(periode))
                ? indicatorService.historie(indicator, periode).size() : 0;
    }

    /** Quarterly, baseline two quarters back: the first round asks for the quarter that just ended. */
    private String indicator(String doel, String opdracht) {
        LocalDate basis = Meetfrequentie.KWARTAAL.periodeVan(LocalDate.now()).minusMonths(6);
        return """
                {"doel": %s, "opdracht": %s, "naam": "Matrixindicator", "eenheid": "stuks", "richting": "hoger_beter",
                 "basiswaarde": 1, "basisdatum": "%s", "streefwaarde": 9, "streefdatum": "%s",
                 "meetfrequentie": "kwartaal", "eigenaar": "%s"}""".formatted(doel == null ? null : "\"" + doel + "\"",
                opdracht == null ? null : "\"" + opdracht + "\"", basis, basis.plusYears(2), eigenaar);
    }

    private IndicatorInvoer invoer(String json) throws Exception {
        return objectMapper.readValue(json, IndicatorInvoer.class);
    }

    private String aanvraag(boolean vertrouwelijk) {
        return """
                {"titel": "Matrix", "vraagstuk": "Vraag", "verwachtResultaat": "Resultaat", "type": "project",
                 "domein": "sociaal", "opdrachtgever": "Wethouder", "team": "%s", "doelen": ["%s"], "budget": 1000,
                 "fte": 0.1, "startdatum": "2027-01-01", "einddatum": "2027-06-30", "reviewFrequentie": "kwartaal",
                 "vertrouwelijk": %s}""".formatted(teamCode, doelCode, vertrouwelijk);
    }

    private static String sleutel(HttpResponse<String> antwoord) {
        assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(201);
        String locatie = antwoord.headers().firstValue("Location").orElseThrow();
        return locatie.substring(locatie.lastIndexOf('/') + 1);
    }

    private HttpResponse<String> json(String methode, String pad, String gebruiker, String inhoud) throws Exception {
        HttpRequest.Builder verzoek = HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad))
                .header("Authorization", basic(gebruiker)).header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(methode, inhoud == null ? BodyPublishers.noBody() : BodyPublishers.ofString(inhoud));
        return http.send(verzoek.build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> pagina(String pad, String gebruiker) throws Exception {
        HttpRequest verzoek = HttpRequest.newBuilder(URI.create("http://localhost:" + poort + pad))
                .header("Authorization", basic(gebruiker)).header("Accept", "text/html").GET().build();
        return http.send(verzoek, BodyHandlers.ofString());
    }

    private HttpResponse<String> deploy(String gebruiker, String naam) throws Exception {
        String proces = "matrix_" + id;
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs_%1$s" targetNamespace="http://stuurwiel.nl">
                  <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_1"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(proces);
        String grens = "----grens" + id;
        String inhoud = "--" + grens + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + naam
                + "\r\n--" + grens + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + proces
                + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + grens + "--\r\n";
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + poort + "/engine-rest/deployment/create"))
                .header("Authorization", basic(gebruiker)).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + grens)
                .POST(BodyPublishers.ofString(inhoud, StandardCharsets.UTF_8)).build(), BodyHandlers.ofString());
    }

    private static String basic(String gebruiker) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((gebruiker + ":" + WACHTWOORD).getBytes(StandardCharsets.UTF_8));
    }
}
