package nl.stuurwiel.opdracht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.bijstelling.BijstellingService;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.doel.DoelRepository;
import nl.stuurwiel.doel.DoelSoort;
import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.indicator.IndicatorRepository;
import nl.stuurwiel.indicator.Meetfrequentie;
import nl.stuurwiel.indicator.Richting;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.security.StandaardAutorisaties;
import nl.stuurwiel.team.Team;
import nl.stuurwiel.team.TeamRepository;

/** The opdracht API as a client sees it: login, validation per field, and nothing half-done. */
@StuurwielTest
class OpdrachtApiTest {

    private static final String WACHTWOORD = "Api-Test-Wachtwoord-1";

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
    TeamRepository teams;
    @Autowired
    DoelRepository doelen;
    @Autowired
    OpdrachtRepository opdrachten;
    @Autowired
    IndicatorRepository indicatoren;
    @Autowired
    StandaardAutorisaties autorisaties;
    @Autowired
    BijstellingService bijstellingen;

    String id;
    String aanvrager;
    String intake;
    String teamCode;
    String doelCode;

    @BeforeEach
    void maakGebruikersTeamEnDoel() {
        id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        teamCode = "T" + id;
        doelCode = "D-" + id;
        String teamGroep = "team" + id;
        teams.save(new Team(teamCode, "Team " + id, teamGroep, new BigDecimal("4.0")));
        autorisaties.teamGroep(teamGroep, "Team " + id);
        Doel doel = doelen.save(new Doel(doelCode, "Doel " + id, DoelSoort.DOEL, null));
        Indicator indicator = new Indicator("Uitval klas 1", Richting.LAGER_BETER, Meetfrequentie.JAAR);
        indicator.hangAan(doel, null);
        indicator.setEenheid("procent");
        indicator.zetBasis(new BigDecimal("8.0"), LocalDate.of(2026, 1, 1));
        indicator.zetStreef(new BigDecimal("5.0"), LocalDate.of(2028, 1, 1));
        indicatoren.save(indicator);
        aanvrager = gebruiker("aanvrager" + id, Rollen.AANVRAGER);
        intake = gebruiker("intake" + id, Rollen.INTAKE);
    }

    private String gebruiker(String gebruikerId, String... groepen) {
        return portfolio.gebruiker(gebruikerId, WACHTWOORD, groepen);
    }

    private String aanvraag() {
        return """
                {"titel": "Huiswerkbegeleiding", "vraagstuk": "Veel uitval in klas 1",
                 "verwachtResultaat": "Minder uitval", "type": "interventie", "domein": "onderwijs",
                 "opdrachtgever": "Wethouder Onderwijs", "team": "%s", "doelen": ["%s"],
                 "budget": 45000, "fte": 0.8, "startdatum": "2027-01-01", "einddatum": "2027-12-31",
                 "reviewFrequentie": "kwartaal"}
                """.formatted(teamCode, doelCode);
    }

    private ResultActions aanvragen(String gebruiker, String inhoud) throws Exception {
        return mvc.perform(json(post("/api/opdrachten"), inhoud).with(httpBasic(gebruiker, WACHTWOORD)));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder verzoek, String inhoud) {
        return verzoek.contentType(MediaType.APPLICATION_JSON).content(inhoud);
    }

    @Test
    void datesOutsideTheYearsAnOpdrachtCanRunInAreRefusedAtTheirFields() throws Exception {
        long vooraf = opdrachten.count();
        aanvragen(aanvrager, aanvraag().replace("2027-01-01", "1900-01-01").replace("2027-12-31", "2999-12-31"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.startdatum").value("ligt niet tussen 2000 en 2099"))
                .andExpect(jsonPath("$.velden.einddatum").value("ligt niet tussen 2000 en 2099"));
        assertThat(opdrachten.count()).isEqualTo(vooraf);
    }

    @Test
    void valuesThatCannotBeReadAreNamedTogetherWithTheOtherErrors() throws Exception {
        long vooraf = opdrachten.count();
        aanvragen(aanvrager, aanvraag().replace("\"titel\": \"Huiswerkbegeleiding\", ", "")
                .replace("45000", "\"veel\"").replace("\"onderwijs\"", "\"feestje\"")
                .replace("\"fte\": 0.8", "\"fte\": 0.8, \"kleur\": {\"rood\": [1, 2]}")
                .replace("2027-12-31", "2026-12-31"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.budget").value("'veel' is geen getal"))
                .andExpect(jsonPath("$.velden.domein", startsWith("onbekend domein 'feestje'; kies uit: ")))
                .andExpect(jsonPath("$.velden.kleur").value("onbekend veld"))
                .andExpect(jsonPath("$.velden.titel").value("is verplicht"))
                .andExpect(jsonPath("$.velden.einddatum", startsWith("ligt voor de startdatum")))
                .andExpect(jsonPath("$.velden.length()").value(5));
        // A value of the wrong shape still stops the reading; what was noted before it is named too.
        aanvragen(aanvrager, aanvraag().replace("45000", "\"?\"").replace("\"kwartaal\"", "[\"kwartaal\"]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.budget").value("'?' is geen getal"))
                .andExpect(jsonPath("$.velden.reviewFrequentie").value("ongeldige waarde"))
                .andExpect(jsonPath("$.velden.length()").value(2));
        assertThat(opdrachten.count()).isEqualTo(vooraf);
    }

    @Test
    void anUnknownTeamIsNamedWithTheCodesThatWouldDo() throws Exception {
        long vooraf = opdrachten.count();
        aanvragen(aanvrager, aanvraag().replace("\"team\": \"" + teamCode + "\"", "\"team\": \"BESTAAT-NIET\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.team").value(startsWith("onbekend team 'BESTAAT-NIET'; teams: ")));
        assertThat(opdrachten.count()).isEqualTo(vooraf);
    }

    @Test
    void anUnknownTeamAndDoelAndAWrongPeriodAreNamedInOneAnswer() throws Exception {
        long vooraf = opdrachten.count();
        aanvragen(aanvrager, aanvraag().replace("\"team\": \"" + teamCode + "\"", "\"team\": \"BESTAAT-NIET\"")
                .replace("\"doelen\": [\"" + doelCode + "\"]", "\"doelen\": [\"GEEN-DOEL\"]")
                .replace("\"einddatum\": \"2027-12-31\"", "\"einddatum\": \"2026-12-31\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.team").value(startsWith("onbekend team 'BESTAAT-NIET'")))
                .andExpect(jsonPath("$.velden.doelen").value("onbekend doel GEEN-DOEL"))
                .andExpect(jsonPath("$.velden.einddatum").exists())
                .andExpect(jsonPath("$.velden.length()").value(3));
        assertThat(opdrachten.count()).isEqualTo(vooraf);
    }

    @Test
    void requestStartsTheLifecycleAndLandsInTheIntakeQueue() throws Exception {
        String locatie = aanvragen(aanvrager, aanvraag())
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/opdrachten/OPD-")))
                .andExpect(jsonPath("$.fase").value("intake"))
                .andExpect(jsonPath("$.aanvrager").value(aanvrager))
                .andExpect(jsonPath("$.doelen[0].code").value(doelCode))
                .andExpect(jsonPath("$.ontbrekendeGegevens").isEmpty())
                .andExpect(jsonPath("$.openTaken").isEmpty()) // the requester is not an intake officer
                .andReturn().getResponse().getHeader("Location");
        String sleutel = locatie.substring(locatie.lastIndexOf('/') + 1);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(sleutel).count()).isOne();
        mvc.perform(get(locatie).with(httpBasic(intake, WACHTWOORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openTaken[0].taakDefinitie").value(LevenscyclusProces.Element.BEOORDEEL_INTAKE))
                .andExpect(jsonPath("$.openTaken[0].kandidaatGroepen", hasItem(Rollen.INTAKE)))
                .andExpect(jsonPath("$.openTaken[0].kandidaatGroepNamen", hasItem("Portfoliobureau (intake)")))
                .andExpect(jsonPath("$.geschiedenis[0].activiteit").value(LevenscyclusProces.Element.START));

        identityService.setAuthentication(intake, List.of(Rollen.INTAKE));
        try {
            Task taak = taskService.createTaskQuery().processInstanceBusinessKey(sleutel).singleResult();
            assertThat(taak.getTaskDefinitionKey()).isEqualTo(LevenscyclusProces.Element.BEOORDEEL_INTAKE);
        } finally {
            identityService.clearAuthentication();
        }
        identityService.setAuthentication(aanvrager, List.of(Rollen.AANVRAGER));
        try {
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(sleutel).count())
                    .as("the requester does not see the intake task").isZero();
        } finally {
            identityService.clearAuthentication();
        }
    }

    @Test
    void whoeverMaySeeTheOpdrachtFollowsItsStepsAndOnlyTheRequesterSeesHerTask() throws Exception {
        String sleutel = sleutel(aanvragen(aanvrager, aanvraag()).andExpect(status().isCreated()));
        mvc.perform(get("/api/opdrachten/" + sleutel).with(httpBasic(aanvrager, WACHTWOORD)))
                .andExpect(jsonPath("$.geschiedenis[0].activiteit").value(LevenscyclusProces.Element.START))
                .andExpect(jsonPath("$.openTaken").isEmpty());

        Task beoordelen = taskService.createTaskQuery().processInstanceBusinessKey(sleutel).singleResult();
        taskService.complete(beoordelen.getId(), java.util.Map.of(LevenscyclusProces.Var.INTAKE_BESLUIT,
                LevenscyclusProces.Besluit.AANVULLEN, LevenscyclusProces.Var.INTAKE_TOELICHTING, "Welke school begint?"));

        mvc.perform(get("/api/opdrachten/" + sleutel).with(httpBasic(aanvrager, WACHTWOORD)))
                .andExpect(jsonPath("$.openTaken[0].taakDefinitie").value(LevenscyclusProces.Element.AANVULLEN))
                .andExpect(jsonPath("$.openTaken[1]").doesNotExist())
                .andExpect(jsonPath("$.geschiedenis[*].activiteit", hasItem(LevenscyclusProces.Element.BEOORDEEL_INTAKE)));
        String ander = gebruiker("ander" + id, Rollen.AANVRAGER);
        mvc.perform(get("/api/opdrachten/" + sleutel).with(httpBasic(ander, WACHTWOORD)))
                .andExpect(jsonPath("$.geschiedenis[0].activiteit").value(LevenscyclusProces.Element.START))
                .andExpect(jsonPath("$.openTaken").isEmpty());
    }

    @Test
    void peopleAreNamedBesideTheirIdsAndByTheirIdWhenTheyHaveNoName() throws Exception {
        String ingrid = portfolio.gebruikerMetNaam("ingrid" + id, WACHTWOORD, "Ingrid", "van Beek", Rollen.INTAKE);
        String mark = portfolio.gebruikerMetNaam("mark" + id, WACHTWOORD, "Mark", "Jansen", Rollen.MT);
        String naamloos = "naamloos" + id;
        identityService.saveUser(identityService.newUser(naamloos)); // a profile without first or last name
        String vertrokken = "vertrokken" + id; // removed from Camunda since; the portfolio keeps the id
        String sleutel = sleutel(aanvragen(aanvrager, aanvraag()).andExpect(status().isCreated()));
        Task beoordelen = taskService.createTaskQuery().processInstanceBusinessKey(sleutel).singleResult();
        taskService.claim(beoordelen.getId(), ingrid);
        taskService.complete(beoordelen.getId(), java.util.Map.of(LevenscyclusProces.Var.INTAKE_BESLUIT,
                LevenscyclusProces.Besluit.AANVULLEN, LevenscyclusProces.Var.INTAKE_TOELICHTING, "Welke school begint?"));
        int gevraagd = bijstellingen.stelVoor(sleutel, "Meer begeleiders", null, new BigDecimal("1.2"), null, null,
                vertrokken);
        bijstellingen.wijsAf(sleutel, gevraagd, mark, "Geen ruimte dit jaar");
        bijstellingen.verlengDirect(sleutel, LocalDate.of(2028, 6, 30), "Later begonnen", naamloos);

        String intakeStap = "$.geschiedenis[?(@.activiteit == '" + LevenscyclusProces.Element.BEOORDEEL_INTAKE + "')]";
        mvc.perform(get("/api/opdrachten/" + sleutel).with(httpBasic(aanvrager, WACHTWOORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.aanvrager").value(aanvrager))
                .andExpect(jsonPath("$.aanvragerNaam").value("Testgebruiker " + aanvrager))
                .andExpect(jsonPath(intakeStap + ".door", contains(ingrid)))
                .andExpect(jsonPath(intakeStap + ".doorNaam", contains("Ingrid van Beek")))
                .andExpect(jsonPath("$.bijstellingen[0].voorgesteldDoor").value(vertrokken))
                .andExpect(jsonPath("$.bijstellingen[0].voorgesteldDoorNaam").value(vertrokken))
                .andExpect(jsonPath("$.bijstellingen[0].beoordeeldDoor").value(mark))
                .andExpect(jsonPath("$.bijstellingen[0].beoordeeldDoorNaam").value("Mark Jansen"))
                .andExpect(jsonPath("$.bijstellingen[1].beoordeeldDoor").value(naamloos))
                .andExpect(jsonPath("$.bijstellingen[1].beoordeeldDoorNaam").value(naamloos))
                .andExpect(content().string(not(containsString("null null"))));
    }

    private static String sleutel(ResultActions aanvraag) {
        String locatie = aanvraag.andReturn().getResponse().getHeader("Location");
        return locatie.substring(locatie.lastIndexOf('/') + 1);
    }

    @Test
    void theSearchIgnoresAccentsOnBothSides() throws Exception {
        aanvragen(aanvrager, aanvraag().replace("Huiswerkbegeleiding", "Taalcafé " + id)).andExpect(status().isCreated());
        for (String zoek : List.of("taalcafe " + id, "TAALCAFÉ " + id, "Taalcafè " + id)) {
            mvc.perform(get("/api/opdrachten").param("zoek", zoek).with(httpBasic(intake, WACHTWOORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.totaal").value(1))
                    .andExpect(jsonPath("$.inhoud[0].titel").value("Taalcafé " + id));
        }
    }

    @Test
    void listFiltersByPhaseTeamAndDomainAndPages() throws Exception {
        aanvragen(aanvrager, aanvraag()).andExpect(status().isCreated());
        aanvragen(aanvrager, aanvraag().replace("\"onderwijs\"", "\"sociaal\"")).andExpect(status().isCreated());

        mvc.perform(get("/api/opdrachten").param("team", teamCode).param("fase", "intake")
                .with(httpBasic(intake, WACHTWOORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totaal").value(2))
                .andExpect(jsonPath("$.inhoud[0].team").value(teamCode));
        mvc.perform(get("/api/opdrachten").param("team", teamCode).param("domein", "SOCIAAL")
                .with(httpBasic(intake, WACHTWOORD)))
                .andExpect(jsonPath("$.totaal").value(1))
                .andExpect(jsonPath("$.inhoud[0].domein").value("sociaal"));
        mvc.perform(get("/api/opdrachten").param("team", teamCode).param("fase", "uitvoering")
                .with(httpBasic(intake, WACHTWOORD)))
                .andExpect(jsonPath("$.totaal").value(0));
        mvc.perform(get("/api/opdrachten").param("team", teamCode).param("grootte", "1").param("pagina", "1")
                .with(httpBasic(intake, WACHTWOORD)))
                .andExpect(jsonPath("$.inhoud.length()").value(1))
                .andExpect(jsonPath("$.aantalPaginas").value(2));
    }

    @Test
    void listSearchesTitleAndKeyAndSortsOnAnyColumn() throws Exception {
        aanvragen(aanvrager, aanvraag().replace("\"Huiswerkbegeleiding\"", "\"Taalcafé Noord\"")
                .replace("45000", "1000")).andExpect(status().isCreated());
        aanvragen(aanvrager, aanvraag().replace("\"Huiswerkbegeleiding\"", "\"Taalcafé Zuid\"")
                .replace("45000", "9000")).andExpect(status().isCreated());

        mvc.perform(get("/api/opdrachten").param("team", teamCode).param("zoek", "TAALCAFÉ")
                .param("sorteer", "budget,desc").with(httpBasic(intake, WACHTWOORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totaal").value(2))
                .andExpect(jsonPath("$.inhoud[0].titel").value("Taalcafé Zuid"))
                .andExpect(jsonPath("$.inhoud[1].titel").value("Taalcafé Noord"));
        aanvragen(aanvrager, aanvraag().replace("\"Huiswerkbegeleiding\"", "\"Taalcafé Oost\"")
                .replace("\"budget\": 45000", "\"budget\": null")).andExpect(status().isCreated());
        for (String richting : new String[] { "asc", "desc" }) {
            mvc.perform(get("/api/opdrachten").param("team", teamCode).param("zoek", "taalcafé")
                    .param("sorteer", "budget," + richting).with(httpBasic(intake, WACHTWOORD)))
                    .andExpect(jsonPath("$.totaal").value(3))
                    .andExpect(jsonPath("$.inhoud[2].titel").value("Taalcafé Oost"));
        }
        String sleutel = com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/opdrachten").param("team", teamCode)
                .param("sorteer", "titel").with(httpBasic(intake, WACHTWOORD)))
                .andExpect(jsonPath("$.inhoud[0].titel").value("Taalcafé Noord"))
                .andReturn().getResponse().getContentAsString(), "$.inhoud[0].sleutel");
        mvc.perform(get("/api/opdrachten").param("zoek", sleutel.toLowerCase()).with(httpBasic(intake, WACHTWOORD)))
                .andExpect(jsonPath("$.totaal").value(1));
    }

    @Test
    void aRequesterFiltersHerOwnRequests() throws Exception {
        String andere = gebruiker("ander" + UUID.randomUUID().toString().substring(0, 8), Rollen.AANVRAGER);
        aanvragen(aanvrager, aanvraag()).andExpect(status().isCreated());
        aanvragen(andere, aanvraag()).andExpect(status().isCreated());
        aanvragen(andere, aanvraag()).andExpect(status().isCreated());

        mvc.perform(get("/api/opdrachten").param("team", teamCode).with(httpBasic(andere, WACHTWOORD)))
                .andExpect(jsonPath("$.totaal").value(3));
        mvc.perform(get("/api/opdrachten").param("team", teamCode).param("mijnAanvragen", "true")
                .with(httpBasic(andere, WACHTWOORD)))
                .andExpect(jsonPath("$.totaal").value(2));
        mvc.perform(get("/api/opdrachten").param("team", teamCode).param("mijnAanvragen", "true")
                .with(httpBasic(aanvrager, WACHTWOORD)))
                .andExpect(jsonPath("$.totaal").value(1));
        String csv = mvc.perform(get("/api/opdrachten/export").param("formaat", "csv").param("team", teamCode)
                .param("mijnAanvragen", "true").with(httpBasic(aanvrager, WACHTWOORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.split("Huiswerkbegeleiding", -1)).as("the export takes the same filter: one row").hasSize(2);
        mvc.perform(get("/api/opdrachten").param("mijnAanvragen", "misschien").with(httpBasic(aanvrager, WACHTWOORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.mijnAanvragen", containsString("misschien")));
    }

    @Test
    void badListParametersNameTheField() throws Exception {
        mvc.perform(get("/api/opdrachten").param("sorteer", "kleurtje").with(httpBasic(intake, WACHTWOORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.sorteer", containsString("kleurtje")));
        mvc.perform(get("/api/opdrachten").param("sorteer", "titel,omhoog").with(httpBasic(intake, WACHTWOORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.sorteer", containsString("omhoog")));
        mvc.perform(get("/api/opdrachten").param("fase", "bezig").with(httpBasic(intake, WACHTWOORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.fase", containsString("bezig")));
        mvc.perform(get("/api/opdrachten").param("grootte", "5000").with(httpBasic(intake, WACHTWOORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.grootte").exists());
        mvc.perform(get("/api/opdrachten").param("pagina", "een").with(httpBasic(intake, WACHTWOORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.pagina").exists());
    }

    @Test
    void badRequestsGetAMessagePerFieldAndCreateNothing() throws Exception {
        long opdrachtenVooraf = opdrachten.count();
        long processenVooraf = runtimeService.createProcessInstanceQuery().count();

        aanvragen(aanvrager, "{\"type\": \"interventie\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.titel").value("is verplicht"))
                .andExpect(jsonPath("$.velden.domein").value("is verplicht"))
                .andExpect(jsonPath("$.velden.team").value("is verplicht"));
        aanvragen(aanvrager, aanvraag().replace("45000", "-5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.budget").value("mag niet negatief zijn"));
        aanvragen(aanvrager, aanvraag().replace(teamCode, "ONBEKEND"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.team", containsString("ONBEKEND")));
        aanvragen(aanvrager, aanvraag().replace(doelCode, "D-BESTAAT-NIET"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.doelen", containsString("D-BESTAAT-NIET")));
        aanvragen(aanvrager, aanvraag().replace("2027-12-31", "2026-12-31"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.einddatum").exists());
        aanvragen(aanvrager, aanvraag().replace("2027-01-01", "1 januari"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.startdatum").exists());
        aanvragen(aanvrager, aanvraag().replace("\"interventie\"", "\"feestje\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.type", containsString("feestje")));
        aanvragen(aanvrager, aanvraag().replace("\"titel\"", "\"kleur\": \"blauw\", \"titel\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.kleur").value("onbekend veld"));
        aanvragen(aanvrager, aanvraag().replace("\"Huiswerkbegeleiding\"", "\"" + "x".repeat(201) + "\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.titel").exists());
        aanvragen(aanvrager, "{\"titel\": ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.melding").exists());
        mvc.perform(post("/api/opdrachten").contentType(MediaType.TEXT_PLAIN).content("titel=x")
                .with(httpBasic(aanvrager, WACHTWOORD)))
                .andExpect(status().isUnsupportedMediaType());

        assertThat(opdrachten.count()).isEqualTo(opdrachtenVooraf);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(processenVooraf);
    }

    @Test
    void unknownOpdrachtIsNotFound() throws Exception {
        mvc.perform(get("/api/opdrachten/OPD-1900-0001").with(httpBasic(intake, WACHTWOORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.melding", containsString("OPD-1900-0001")));
    }

    @Test
    void anonymousAndWrongPasswordAreRefused() throws Exception {
        mvc.perform(get("/api/opdrachten")).andExpect(status().isUnauthorized());
        mvc.perform(json(post("/api/opdrachten"), aanvraag())).andExpect(status().isUnauthorized());
        String andere = gebruiker("fout" + id, Rollen.AANVRAGER);
        mvc.perform(get("/api/opdrachten").with(httpBasic(andere, "niet-het-wachtwoord")))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"));
    }

    @Test
    void userWithoutTheRightToStartTheProcessIsRefusedAndNothingIsCreated() throws Exception {
        String zonderRol = gebruiker("geenrol" + id);
        long opdrachtenVooraf = opdrachten.count();
        aanvragen(zonderRol, aanvraag()).andExpect(status().isForbidden());
        assertThat(opdrachten.count()).as("the registration is rolled back with the refused start")
                .isEqualTo(opdrachtenVooraf);
    }

    @Test
    void sessionRequestsNeedACsrfToken() throws Exception {
        mvc.perform(json(post("/api/opdrachten"), aanvraag()).with(user(aanvrager)))
                .andExpect(status().isForbidden());
    }
}
