package nl.stuurwiel.importeren;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.importeren.ImportVerslag.Melding;
import nl.stuurwiel.importeren.ImportVerslag.Rij;
import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.opdracht.LevenscyclusProces;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.security.CamundaAuthenticationProvider;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.security.StandaardAutorisaties;
import nl.stuurwiel.system.ProcesInstellingen;
import nl.stuurwiel.team.Team;
import nl.stuurwiel.team.TeamRepository;

/**
 * The portfolio import through its API and page: dry run, all-or-nothing import, messy files,
 * the lifecycle entered at the phase of each row, and who may import.
 */
class ImportTest extends LevenscyclusTestBasis {

    private static final String WACHTWOORD = "Import-Test-Wachtwoord-1";
    private static final String KOP =
            "titel;omschrijving;domein;gebied;team;opdrachtgever;doel;start;eind;budget;fte;reviewfrequentie;fase";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    TeamRepository teams;
    @Autowired
    ProcesInstellingen procesInstellingen;
    @Autowired
    StandaardAutorisaties standaardAutorisaties;

    String id;
    Team team;
    Doel doel;
    String intake;

    @BeforeEach
    void teamDoelEnPortfoliobureau() {
        id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        team = portfolio.team("10.0");
        doel = portfolio.doel();
        intake = portfolio.gebruiker("intake" + id, WACHTWOORD, Rollen.INTAKE);
    }

    // ---- good files --------------------------------------------------------------------------

    @Test
    void dryRunShowsEveryRowAndImportsNothingThenTheImportStartsEachLifecycleAtItsPhase() throws Exception {
        byte[] bestand = csv(KOP,
                id + " huiswerk;Uitval in klas 1;onderwijs;Noord;" + team.getCode() + ";Wethouder;" + doel.getCode()
                        + ";1 juni 2026;juni 2027;€ 12.500,00;0,8;kwartaal;",
                id + " buurtkamer;Ontmoeting;Sociaal;Zuid;" + team.getNaam().toUpperCase() + ";;;2026;2027;12500;1.5;maand;intake",
                id + " pleinen;Hitte;fysiek;;" + team.getCode() + ";;" + doel.getCode()
                        + ";1-3-2026;31-12-2028;12.500;2;halfjaar;Prioritering",
                id + " park;;fysiek;;" + team.getCode() + ";;;;;;;jaar;geparkeerd");

        ImportVerslag proef = verslag(mvc.perform(upload("/api/import/proefrun", "portfolio.csv", bestand, intake))
                .andExpect(status().isOk()).andReturn());

        assertThat(proef.geldig()).as("errors: %s", proef.fouten()).isTrue();
        assertThat(proef.geimporteerd()).isFalse();
        assertThat(proef.codering()).isEqualTo("UTF-8");
        assertThat(proef.scheidingsteken()).isEqualTo(";");
        assertThat(proef.rijen()).extracting(Rij::rij, Rij::fase, Rij::team, Rij::domein).containsExactly(
                tuple(2, "uitvoering", team.getCode(), "onderwijs"), tuple(3, "intake", team.getCode(), "sociaal"),
                tuple(4, "prioritering", team.getCode(), "fysiek"), tuple(5, "geparkeerd", team.getCode(), "fysiek"));
        Rij eerste = proef.rijen().get(0);
        assertThat(eerste.startdatum()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(eerste.einddatum()).as("a month as end date is its last day").isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(eerste.budget()).isEqualByComparingTo("12500");
        assertThat(eerste.fte()).isEqualByComparingTo("0.8");
        assertThat(eerste.type()).isEqualTo("interventie");
        assertThat(eerste.doelen()).containsExactly(doel.getCode());
        assertThat(proef.rijen().get(1).einddatum()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(geimporteerdeTitels()).as("a dry run imports nothing").isEmpty();

        ImportVerslag verslag = verslag(mvc.perform(upload("/api/import", "portfolio.csv", bestand, intake))
                .andExpect(status().isOk()).andReturn());

        assertThat(verslag.geimporteerd()).isTrue();
        assertThat(verslag.rijen()).allSatisfy(r -> assertThat(r.sleutel()).startsWith("OPD-"));
        assertThat(geimporteerdeTitels()).hasSize(4);

        ProcessInstance uitvoering = instantie(verslag.rijen().get(0).sleutel());
        assertThat(uitvoering).isWaitingAt(Element.UITVOEREN);
        assertFase(uitvoering, Fase.UITVOERING);
        assertThat(timer(uitvoering, Element.TIMER_EINDDATUM).getDuedate()).isEqualTo(begin(LocalDate.of(2027, 7, 1)));
        LocalDate review = LocalDate.of(2026, 6, 1);
        while (!begin(review).after(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime())) {
            review = review.plusMonths(3);
        }
        assertThat(timer(uitvoering, Element.TIMER_REVIEWCYCLUS).getDuedate())
                .as("quarterly from its start date at the start of the day, not a quarter after the import")
                .isEqualTo(begin(review));
        assertThat(variabele(uitvoering, Var.TEAM_GROEP)).isEqualTo(team.getGroepId());
        assertThat(variabele(uitvoering, Var.AANVRAGER)).isEqualTo(intake);
        assertThat(taak(uitvoering, Element.UITVOEREN).getName()).isEqualTo("Opdracht uitvoeren");
        assertThat(taskService.getIdentityLinksForTask(taak(uitvoering, Element.UITVOEREN).getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo(team.getGroepId()));
        Opdracht opdracht = opdracht(uitvoering);
        assertThat(opdracht.getTitel()).isEqualTo(id + " huiswerk");
        assertThat(opdracht.getVraagstuk()).isEqualTo("Uitval in klas 1");
        assertThat(opdracht.getAanvrager()).isEqualTo(intake);
        assertThat(opdracht.getBudget()).isEqualByComparingTo("12500.00");
        assertThat(rij(uitvoering)).containsEntry("prioriteit_rang", null);
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn(Rollen.PROCESONTWERPER)
                .resourceId(uitvoering.getId()).count()).as("same instance authorizations as a normal start")
                .isEqualTo(2);
        mvc.perform(get("/api/opdrachten/" + opdracht.getSleutel()).with(httpBasic(intake, WACHTWOORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.geschiedenis[0].naam").value("Geïmporteerd"))
                .andExpect(jsonPath("$.geschiedenis[0].door").value(intake))
                .andExpect(jsonPath("$.geschiedenis[1].activiteit").value(Element.UITVOERING_STARTEN));
        // The review cycle runs as for any opdracht in execution.
        voerUit(timer(uitvoering, Element.TIMER_REVIEWCYCLUS));
        assertThat(uitvoering).isWaitingAt(Element.UITVOEREN, Element.VOORTGANG_RAPPORTEREN);

        ProcessInstance intakeFase = instantie(verslag.rijen().get(1).sleutel());
        assertThat(intakeFase).isWaitingAt(Element.BEOORDEEL_INTAKE);
        assertFase(intakeFase, Fase.INTAKE);
        assertThat(opdracht(intakeFase).getTeam().getCode()).as("team found by its name").isEqualTo(team.getCode());

        ProcessInstance prioritering = instantie(verslag.rijen().get(2).sleutel());
        assertThat(prioritering).isWaitingAt(Element.MT_BESLUIT);
        assertFase(prioritering, Fase.PRIORITERING);
        assertThat(opdracht(prioritering).getPrioriteitScore()).as("scored by prioritering.dmn").isNotNull();

        ProcessInstance geparkeerd = instantie(verslag.rijen().get(3).sleutel());
        assertThat(geparkeerd).isWaitingAt(Element.TIMER_PORTFOLIOOVERLEG);
        assertFase(geparkeerd, Fase.GEPARKEERD);
    }

    @Test
    void onlyTitleIsNeededWhenTheImporterChoosesADefaultTeamAndDomain() throws Exception {
        byte[] bestand = csv("titel;fase", id + " idee;intake");

        ImportVerslag zonder = verslag(mvc.perform(upload("/api/import/proefrun", "ideeen.csv", bestand, intake))
                .andReturn());
        assertThat(zonder.fouten()).extracting(Melding::rij, Melding::kolom)
                .containsExactlyInAnyOrder(tuple(2, "team"), tuple(2, "domein"));
        assertThat(zonder.fouten()).extracting(Melding::melding).anySatisfy(m -> assertThat(m)
                .contains("is verplicht").contains("standaardteam"));

        ImportVerslag met = verslag(mvc.perform(upload("/api/import", "ideeen.csv", bestand, intake)
                .param("team", team.getCode()).param("domein", "sociaal")).andExpect(status().isOk()).andReturn());
        assertThat(met.rijen()).extracting(Rij::team, Rij::domein, Rij::type)
                .containsExactly(tuple(team.getCode(), "sociaal", "interventie"));
        assertThat(instantie(met.rijen().get(0).sleutel())).isWaitingAt(Element.BEOORDEEL_INTAKE);
    }

    /**
     * Running and parked opdrachten skip prioritisation when they are imported: with urgency and risk
     * they are scored with its decision table all the same, and a parked one takes its place in MT's queue.
     */
    @Test
    void urgencyAndRiskScoreImportedRunningAndParkedOpdrachtenAsPrioritisationWould() throws Exception {
        String eind = Klok.vandaag().plusMonths(6).toString();
        String kop = "titel;team;domein;fase;eind;reviewfrequentie;budget;urgentie;risico";
        String hoog = id + " spoed;" + team.getCode() + ";sociaal;uitvoering;" + eind + ";kwartaal;50000;Hoog;hoog";
        String laag = id + " rustig;" + team.getCode() + ";sociaal;uitvoering;" + eind + ";kwartaal;50000;laag;laag";
        String geparkeerd = id + " later;" + team.getCode() + ";sociaal;geparkeerd;;;50000;hoog;midden";
        String half = id + " half;" + team.getCode() + ";sociaal;uitvoering;" + eind + ";kwartaal;;hoog;";
        String intakeRij = id + " nieuw;" + team.getCode() + ";sociaal;intake;;;;midden;midden";

        ImportVerslag proef = verslag(mvc.perform(upload("/api/import/proefrun", "scores.csv",
                csv(kop, hoog, laag, geparkeerd, half, intakeRij), intake)).andReturn());
        assertThat(proef.fouten()).extracting(Melding::rij, Melding::kolom).containsExactly(tuple(5, "risico"));
        assertThat(proef.fouten().get(0).melding()).startsWith("is verplicht als de urgentie is ingevuld");
        assertThat(proef.rijen()).filteredOn(r -> r.rij() == 2).extracting(Rij::urgentie, Rij::risico)
                .as("shown before the import").containsExactly(tuple("hoog", "hoog"));
        assertThat(proef.waarschuwingen()).filteredOn(m -> m.rij() == 6).extracting(Melding::melding)
                .anySatisfy(m -> assertThat(m).startsWith("intake bepaalt urgentie en risico"));

        ImportVerslag verslag = verslag(mvc.perform(upload("/api/import", "scores.csv",
                csv(kop, hoog, laag, geparkeerd, intakeRij), intake)).andExpect(status().isOk()).andReturn());
        java.util.function.Function<Integer, nl.stuurwiel.opdracht.Opdracht> rij = n -> portfolio.opdracht(
                verslag.rijen().stream().filter(r -> r.rij() == n).findFirst().orElseThrow().sleutel());
        // The decision table itself, asked with what the row says: no goal, no statutory task.
        java.util.function.BiFunction<String, String, Integer> tabel = (urgentie, risico) -> ((Number) processEngine
                .getDecisionService().evaluateDecisionTableByKey("prioritering", java.util.Map.of("wettelijkeTaak", false,
                        "aantalDoelen", 0, "urgentie", urgentie, "risico", risico, "budget", 50000.0))
                .getSingleResult().getSingleEntry()).intValue();

        assertThat(rij.apply(2).getPrioriteitScore()).isEqualTo(tabel.apply("hoog", "hoog"))
                .isGreaterThan(rij.apply(3).getPrioriteitScore());
        assertThat(rij.apply(3).getPrioriteitScore()).isEqualTo(tabel.apply("laag", "laag"));
        nl.stuurwiel.opdracht.Opdracht later = rij.apply(4);
        assertThat(later.getFase()).isEqualTo(Fase.GEPARKEERD);
        assertThat(later.getPrioriteitScore()).isEqualTo(tabel.apply("hoog", "midden"));
        assertThat(later.getPrioriteitRang()).as("in MT's queue").isNotNull();
        assertThat(portfolio.wachtrij()).contains(later.getSleutel());
        assertThat(rij.apply(5).getUrgentie()).as("intake decides").isNull();
        assertThat(rij.apply(5).getPrioriteitScore()).isNull();
    }

    @Test
    void requestsInIntakeCarryTheirExpectedResultAndRequesterSoIntakeCanAcceptThem() throws Exception {
        String aanvrager = portfolio.gebruikerMetNaam("ria" + id, WACHTWOORD, "Ria", "Aanvraag" + id, Rollen.AANVRAGER);
        var profiel = processEngine.getIdentityService().createUserQuery().userId(aanvrager).singleResult();
        profiel.setEmail(aanvrager + "@gemeente.example");
        processEngine.getIdentityService().saveUser(profiel);
        String kop = "titel;omschrijving;verwacht resultaat;beleidstheorie;domein;team;opdrachtgever;doel;start;eind;"
                + "budget;fte;reviewfrequentie;fase;aanvrager";
        String compleet = id + " compleet;Eenzaamheid;Vijftig ouderen per week;Ontmoeting helpt;sociaal;"
                + team.getCode() + ";Wethouder;" + doel.getCode() + ";2026;2027;12500;1;kwartaal;intake;"
                + aanvrager.toUpperCase() + "@GEMEENTE.EXAMPLE";
        String onvolledig = id + " onvolledig;Eenzaamheid;;;sociaal;" + team.getCode() + ";Wethouder;" + doel.getCode()
                + ";2026;2027;;1;kwartaal;intake;Ria Aanvraag" + id;
        String onbekend = id + " onbekend;;;;sociaal;" + team.getCode() + ";;;;;;;;intake;niemand" + id;

        ImportVerslag proef = verslag(mvc.perform(upload("/api/import/proefrun", "aanvragen.csv",
                csv(kop, compleet, onvolledig, onbekend), intake)).andReturn());

        assertThat(proef.fouten()).extracting(Melding::rij, Melding::kolom).containsExactly(tuple(4, "aanvrager"));
        assertThat(melding(proef, 4, "aanvrager")).contains("onbekende gebruiker 'niemand" + id + "'");
        assertThat(proef.waarschuwingen()).filteredOn(m -> m.rij() == 3).extracting(Melding::melding)
                .containsExactly("intake kan deze aanvraag pas accepteren als verwacht resultaat, budget ingevuld zijn;"
                        + " vraag dat bij intake aan de aanvrager");
        assertThat(proef.waarschuwingen()).filteredOn(m -> m.rij() == 2).isEmpty();
        assertThat(proef.rijen()).extracting(Rij::aanvrager, Rij::aanvragerNaam).startsWith(
                tuple(aanvrager, "Ria Aanvraag" + id), tuple(aanvrager, "Ria Aanvraag" + id));

        ImportVerslag verslag = verslag(mvc.perform(upload("/api/import", "aanvragen.csv", csv(kop, compleet, onvolledig),
                intake)).andExpect(status().isOk()).andReturn());

        ProcessInstance pi = instantie(verslag.rijen().get(0).sleutel());
        Opdracht opdracht = opdracht(pi);
        assertThat(opdracht.getVerwachtResultaat()).isEqualTo("Vijftig ouderen per week");
        assertThat(opdracht.getBeleidstheorie()).isEqualTo("Ontmoeting helpt");
        assertThat(opdracht.getAanvrager()).isEqualTo(aanvrager);
        assertThat(variabele(pi, Var.AANVRAGER)).isEqualTo(aanvrager);
        mvc.perform(get("/api/opdrachten/" + opdracht.getSleutel()).with(httpBasic(aanvrager, WACHTWOORD)))
                .andExpect(status().isOk());
        accepteer(pi);
        assertThat(pi).isWaitingAt(Element.MT_BESLUIT);
    }

    // ---- bad files ---------------------------------------------------------------------------

    @Test
    void aBadFileReportsEveryErrorWithRowAndColumnAndImportsNothing() throws Exception {
        byte[] bestand = csv(KOP,
                id + " goed;;onderwijs;;" + team.getCode() + ";;;2026;2027;100;1;kwartaal;",
                id + " datum;;onderwijs;;" + team.getCode() + ";;;morgen;2027;100;1;kwartaal;",
                id + " team;;onderwijs;;Team Onbekend;;D-BESTAAT-NIET;2026;2027;twaalf;1;kwartaal;",
                ";;Onderwijs;;" + team.getCode() + ";;;;;;;;intake",
                id + " periode;;cultuur;;" + team.getCode() + ";;;2027;2026;-5;1;wekelijks;",
                id + " zonder eind;;onderwijs;;" + team.getCode() + ";;;2026;;;;;",
                id + " klaar;;onderwijs;;" + team.getCode() + ";;;2026;2027;;;kwartaal;afgerond");

        ImportVerslag proef = verslag(mvc.perform(upload("/api/import/proefrun", "fout.csv", bestand, intake))
                .andExpect(status().isOk()).andReturn());

        assertThat(proef.geldig()).isFalse();
        assertThat(proef.fouten()).extracting(Melding::rij, Melding::kolom).containsExactly(
                tuple(3, "start"),
                tuple(4, "team"), tuple(4, "doel"), tuple(4, "budget"),
                tuple(5, "titel"),
                tuple(6, "domein"), tuple(6, "reviewfrequentie"), tuple(6, "budget"), tuple(6, "eind"),
                tuple(7, "eind"), tuple(7, "reviewfrequentie"),
                tuple(8, "fase"));
        assertThat(melding(proef, 3, "start")).contains("'morgen' is geen datum");
        assertThat(melding(proef, 4, "team")).contains("onbekend team 'Team Onbekend'");
        assertThat(melding(proef, 5, "titel")).isEqualTo("is verplicht");
        assertThat(melding(proef, 6, "domein")).contains("onbekend domein 'cultuur'; kies uit: ").contains("sociaal");
        assertThat(melding(proef, 6, "reviewfrequentie")).contains("kies uit: maand, kwartaal, halfjaar, jaar");
        assertThat(melding(proef, 6, "budget")).isEqualTo("mag niet negatief zijn");
        assertThat(melding(proef, 6, "eind")).contains("ligt voor de startdatum");
        assertThat(melding(proef, 7, "eind")).contains("verplicht voor een opdracht in uitvoering");
        assertThat(melding(proef, 8, "fase")).contains("kies uit: intake, prioritering, geparkeerd, uitvoering");
        assertThat(proef.rijen()).extracting(Rij::geldig).containsExactly(true, false, false, false, false, false,
                false);

        ImportVerslag geweigerd = verslag(mvc.perform(upload("/api/import", "fout.csv", bestand, intake))
                .andExpect(status().isBadRequest()).andReturn());

        assertThat(geweigerd.fouten()).isEqualTo(proef.fouten());
        assertThat(geweigerd.geimporteerd()).isFalse();
        assertThat(geimporteerdeTitels()).as("not even the good row").isEmpty();
    }

    @Test
    void unknownColumnsAreWarningsAndAFileWithoutTitleColumnIsRefused() throws Exception {
        byte[] bestand = csv(" Titel ;Kleur;Notities;Review Frequentie;FASE;Team;Domein",
                id + " a;groen;iets;Kwartaal;intake;" + team.getCode() + ";sociaal");

        ImportVerslag verslag = verslag(mvc.perform(upload("/api/import/proefrun", "x.csv", bestand, intake))
                .andReturn());

        assertThat(verslag.geldig()).isTrue();
        assertThat(verslag.waarschuwingen()).extracting(Melding::rij, Melding::kolom)
                .containsExactly(tuple(1, "Kleur"), tuple(1, "Notities"), tuple(2, null));
        assertThat(verslag.waarschuwingen().get(0).melding()).contains("onbekende kolom");
        assertThat(verslag.waarschuwingen().get(2).melding()).as("a bare request in intake")
                .startsWith("intake kan deze aanvraag pas accepteren als vraagstuk, verwacht resultaat");
        assertThat(verslag.rijen().get(0).reviewfrequentie()).isEqualTo("kwartaal");

        ImportVerslag zonderTitel = verslag(mvc.perform(upload("/api/import/proefrun", "y.csv",
                csv("naam;team", "iets;" + team.getCode()), intake)).andReturn());
        assertThat(zonderTitel.fouten()).extracting(Melding::rij, Melding::kolom).containsExactly(tuple(1, "titel"));
    }

    // ---- messy files -------------------------------------------------------------------------

    @Test
    void aWindows1252FileWithEmptyLinesAndQuotedSemicolonsIsImportedAsWritten() throws Exception {
        String tekst = String.join("\r\n", KOP, "",
                id + " Café;\"Koffie; thee\r\nen gesprek\";sociaal;Zuid;" + team.getCode()
                        + ";Wethouder;;1 mrt 2026;maart 2027;€ 1.250,50;0,5;kwartaal;",
                ";;;;;;;;;;;;", "",
                id + " Brug;\"Twee; drie\";fysiek;;" + team.getCode() + ";;;2026-03-01;31-12-2026;€ 12.500,-;1;jaar;")
                + "\r\n";
        byte[] bestand = tekst.getBytes(Charset.forName("windows-1252"));

        ImportVerslag verslag = verslag(mvc.perform(upload("/api/import", "ansi.csv", bestand, intake))
                .andExpect(status().isOk()).andReturn());

        assertThat(verslag.codering()).isEqualTo("windows-1252");
        assertThat(verslag.rijen()).extracting(Rij::rij).as("row numbers as the spreadsheet shows them")
                .containsExactly(3, 6);
        Opdracht cafe = portfolio.opdracht(verslag.rijen().get(0).sleutel());
        assertThat(cafe.getTitel()).isEqualTo(id + " Café");
        assertThat(cafe.getVraagstuk()).isEqualTo("Koffie; thee\r\nen gesprek");
        assertThat(cafe.getBudget()).isEqualByComparingTo("1250.50");
        assertThat(cafe.getFte()).isEqualByComparingTo("0.5");
        assertThat(cafe.getStartdatum()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(cafe.getEinddatum()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(portfolio.opdracht(verslag.rijen().get(1).sleutel()).getBudget()).isEqualByComparingTo("12500");
    }

    @Test
    void aCommaSeparatedUtf8FileWithBomIsRead() throws Exception {
        String tekst = "titel,domein,team,start,eind,budget,fte,reviewfrequentie\n"
                + id + " één,onderwijs," + team.getCode() + ",1-6-2018,2030,\"€ 12.500,00\",\"1,5\",maand\n";
        byte[] utf8 = tekst.getBytes(StandardCharsets.UTF_8);
        byte[] bestand = new byte[utf8.length + 3];
        bestand[0] = (byte) 0xEF;
        bestand[1] = (byte) 0xBB;
        bestand[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bestand, 3, utf8.length);

        ImportVerslag verslag = verslag(mvc.perform(upload("/api/import/proefrun", "komma.csv", bestand, intake))
                .andReturn());

        assertThat(verslag.geldig()).as("errors: %s", verslag.fouten()).isTrue();
        assertThat(verslag.scheidingsteken()).isEqualTo(",");
        assertThat(verslag.waarschuwingen()).isEmpty();
        Rij rij = verslag.rijen().get(0);
        assertThat(rij.titel()).isEqualTo(id + " één");
        assertThat(rij.startdatum()).isEqualTo(LocalDate.of(2018, 6, 1));
        assertThat(rij.einddatum()).isEqualTo(LocalDate.of(2030, 12, 31));
        assertThat(rij.budget()).isEqualByComparingTo("12500");
        assertThat(rij.fte()).isEqualByComparingTo("1.5");
    }

    @Test
    void anXlsxWithDateAndNumberCellsIsImported() throws Exception {
        byte[] bestand;
        try (XSSFWorkbook werkmap = new XSSFWorkbook(); ByteArrayOutputStream uit = new ByteArrayOutputStream()) {
            Sheet blad = werkmap.createSheet("Portfolio");
            String[] kop = { "titel", "domein", "team", "doel", "start", "eind", "budget", "fte", "reviewfrequentie" };
            Row kopregel = blad.createRow(0);
            for (int i = 0; i < kop.length; i++) {
                kopregel.createCell(i).setCellValue(kop[i]);
            }
            CellStyle datum = werkmap.createCellStyle();
            datum.setDataFormat(werkmap.getCreationHelper().createDataFormat().getFormat("d mmmm yyyy"));
            Row rij = blad.createRow(1);
            rij.createCell(0).setCellValue(id + " xlsx");
            rij.createCell(1).setCellValue("Economie");
            rij.createCell(2).setCellValue(team.getCode());
            rij.createCell(3).setCellValue(doel.getCode());
            rij.createCell(4).setCellValue(LocalDate.of(2026, 2, 1));
            rij.getCell(4).setCellStyle(datum);
            rij.createCell(5).setCellValue(LocalDate.of(2026, 11, 30));
            rij.getCell(5).setCellStyle(datum);
            rij.createCell(6).setCellValue(12500.5);
            rij.createCell(7).setCellValue(0.8);
            rij.createCell(8).setCellValue("halfjaar");
            werkmap.write(uit);
            bestand = uit.toByteArray();
        }

        ImportVerslag verslag = verslag(mvc.perform(upload("/api/import", "portfolio.xlsx", bestand, intake))
                .andExpect(status().isOk()).andReturn());

        assertThat(verslag.soort()).isEqualTo("xlsx");
        Opdracht opdracht = portfolio.opdracht(verslag.rijen().get(0).sleutel());
        assertThat(opdracht.getStartdatum()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(opdracht.getEinddatum()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(opdracht.getBudget()).isEqualByComparingTo("12500.50");
        assertThat(opdracht.getFte()).isEqualByComparingTo("0.80");
        assertThat(opdracht.getFase()).isEqualTo(Fase.UITVOERING);
    }

    // ---- all or nothing ----------------------------------------------------------------------

    @Test
    void anImportThatFailsWhileStartingALifecycleLeavesNoTrace() throws Exception {
        // Valid data, but a designer removed the yearly review cycle from the configuration: the
        // third row's execution cannot start after the first two rows have been registered and started.
        byte[] bestand = csv(KOP,
                id + " eerste;;onderwijs;;" + team.getCode() + ";;" + doel.getCode() + ";2026;2027;100;1;kwartaal;",
                id + " tweede;;onderwijs;;" + team.getCode() + ";;;2026;2027;100;1;maand;intake",
                id + " derde;;onderwijs;;" + team.getCode() + ";;;2026;2027;100;1;jaar;");
        long instanties = runtimeService.createProcessInstanceQuery().count();
        long historie = historyService.createHistoricProcessInstanceQuery().count();
        long autorisaties = authorizationService.createAuthorizationQuery().count();
        long revisies = aantal("select count(*) from revinfo");

        assertThat(verslag(mvc.perform(upload("/api/import/proefrun", "p.csv", bestand, intake)).andReturn())
                .geldig()).as("the data itself is valid").isTrue();
        String jaarcyclus = procesInstellingen.getReviewCyclus().remove("jaar");
        ImportVerslag verslag;
        try {
            verslag = verslag(mvc.perform(upload("/api/import", "p.csv", bestand, intake))
                    .andExpect(status().isBadRequest()).andReturn());
        } finally {
            procesInstellingen.getReviewCyclus().put("jaar", jaarcyclus);
        }

        assertThat(jaarcyclus).isNotNull();
        assertThat(verslag.fouten()).extracting(Melding::rij).containsExactly(4);
        assertThat(verslag.fouten().get(0).melding()).contains("Geen reviewcyclus ingesteld voor frequentie");
        assertThat(verslag.fouten().get(0).melding()).contains("niets geïmporteerd");
        assertThat(geimporteerdeTitels()).isEmpty();
        assertThat(aantal("select count(*) from opdracht_aud where titel like '" + id + "%'")).isZero();
        assertThat(aantal("select count(*) from revinfo")).isEqualTo(revisies);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instanties);
        assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(historie);
        assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(autorisaties);
        assertThat(managementService.createJobQuery().processDefinitionKey(LevenscyclusProces.PROCESS_ID).list())
                .noneMatch(j -> runtimeService.createProcessInstanceQuery().processInstanceId(j.getProcessInstanceId())
                        .count() == 0);
    }

    // ---- who may import ----------------------------------------------------------------------

    @Test
    void onlyThePortfolioOfficeAndAdministratorsImport() throws Exception {
        String aanvrager = portfolio.gebruiker("aanvr" + id, WACHTWOORD, Rollen.AANVRAGER);
        String mt = portfolio.gebruiker("mt" + id, WACHTWOORD, Rollen.MT);
        Team eigenTeam = teams.save(new Team("TR" + id, "Team " + id, "team" + id, new BigDecimal("2.0")));
        standaardAutorisaties.teamGroep(eigenTeam.getGroepId(), eigenTeam.getNaam());
        String teamlid = portfolio.gebruiker("lid" + id, WACHTWOORD, eigenTeam.getGroepId());
        String beheerder = portfolio.gebruiker("beh" + id, WACHTWOORD, Rollen.BEHEERDER);
        byte[] bestand = csv("titel;team;domein;fase", id + " rol;" + team.getCode() + ";sociaal;intake");

        for (String geweigerd : List.of(aanvrager, mt, teamlid)) {
            mvc.perform(upload("/api/import/proefrun", "r.csv", bestand, geweigerd)).andExpect(status().isForbidden());
            mvc.perform(upload("/api/import", "r.csv", bestand, geweigerd)).andExpect(status().isForbidden());
            mvc.perform(get("/dashboard/import").with(httpBasic(geweigerd, WACHTWOORD)))
                    .andExpect(status().isForbidden());
        }
        assertThat(geimporteerdeTitels()).isEmpty();
        mvc.perform(upload("/api/import", "r.csv", bestand, "onbekend" + id)).andExpect(status().isUnauthorized());

        mvc.perform(upload("/api/import/proefrun", "r.csv", bestand, beheerder)).andExpect(status().isOk());
        mvc.perform(upload("/api/import", "r.csv", bestand, beheerder)).andExpect(status().isOk());
        assertThat(geimporteerdeTitels()).containsExactly(id + " rol");
    }

    // ---- the page ----------------------------------------------------------------------------

    @Test
    void thePageShowsTheDryRunAndImportsOnConfirmationWithTheCsrfToken() throws Exception {
        var wie = user(intake).authorities(new SimpleGrantedAuthority(CamundaAuthenticationProvider.GROEP + Rollen.INTAKE));
        MockHttpSession sessie = new MockHttpSession();
        byte[] bestand = csv("titel;team;domein;fase;kleur", id + " pagina;" + team.getCode() + ";sociaal;intake;rood");
        MockMultipartFile deel = new MockMultipartFile("bestand", "pagina.csv", "text/csv", bestand);

        Team opgeheven = portfolio.team("1.0");
        opgeheven.hefOp(LocalDate.of(2026, 1, 1));
        teams.save(opgeheven);

        mvc.perform(get("/dashboard/import").with(wie)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Portfolio importeren")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"" + team.getCode() + "\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                        "value=\"" + opgeheven.getCode() + "\""))))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"/dashboard/import\"")));
        mvc.perform(multipart("/dashboard/import").file(deel).session(sessie).with(wie))
                .andExpect(status().isForbidden());

        MvcResult proef = mvc.perform(multipart("/dashboard/import").file(deel).session(sessie).with(wie).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("onbekende kolom")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(id + " pagina")))
                .andReturn();
        String token = (String) proef.getModelAndView().getModel().get("token");
        assertThat(token).isNotBlank();
        assertThat(geimporteerdeTitels()).isEmpty();

        mvc.perform(post("/dashboard/import/bevestigen").param("token", "ander").session(sessie).with(wie).with(csrf()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("kies het bestand opnieuw")));
        mvc.perform(post("/dashboard/import/bevestigen").param("token", token).session(sessie).with(wie).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("1 opdracht geïmporteerd")));
        assertThat(geimporteerdeTitels()).containsExactly(id + " pagina");
    }

    @Test
    void aDryRunConfirmedTwiceAtOnceImportsOnce() throws Exception {
        var wie = user(intake).authorities(new SimpleGrantedAuthority(CamundaAuthenticationProvider.GROEP + Rollen.INTAKE));
        MockHttpSession sessie = new MockHttpSession();
        byte[] bestand = csv("titel;team;domein;fase", id + " dubbel;" + team.getCode() + ";sociaal;intake");
        MockMultipartFile deel = new MockMultipartFile("bestand", "dubbel.csv", "text/csv", bestand);
        String token = (String) mvc.perform(multipart("/dashboard/import").file(deel).session(sessie).with(wie)
                .with(csrf())).andReturn().getModelAndView().getModel().get("token");

        var klaar = new java.util.concurrent.CountDownLatch(1);
        var bevestigingen = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var antwoorden = new ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 2; i++) {
                antwoorden.add(bevestigingen.submit(() -> {
                    klaar.await();
                    return mvc.perform(post("/dashboard/import/bevestigen").param("token", token).session(sessie)
                            .with(wie).with(csrf())).andReturn().getResponse().getContentAsString();
                }));
            }
            klaar.countDown();
            List<String> paginas = new ArrayList<>();
            for (var antwoord : antwoorden) {
                paginas.add(antwoord.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(paginas).filteredOn(p -> p.contains("1 opdracht geïmporteerd")).hasSize(1);
            assertThat(paginas).filteredOn(p -> p.contains("al geïmporteerd; kies het bestand opnieuw")).hasSize(1);
        } finally {
            bevestigingen.shutdownNow();
        }
        assertThat(geimporteerdeTitels()).containsExactly(id + " dubbel");
    }

    // ---- helpers -----------------------------------------------------------------------------

    private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder upload(String pad,
            String naam, byte[] inhoud, String gebruiker) {
        var verzoek = multipart(pad).file(new MockMultipartFile("bestand", naam, "text/csv", inhoud));
        verzoek.with(httpBasic(gebruiker, WACHTWOORD));
        return verzoek;
    }

    private ImportVerslag verslag(MvcResult resultaat) throws IOException {
        return json.readValue(resultaat.getResponse().getContentAsByteArray(), ImportVerslag.class);
    }

    private static byte[] csv(String... regels) {
        return (String.join("\r\n", regels) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String melding(ImportVerslag verslag, int rij, String kolom) {
        return verslag.fouten().stream().filter(m -> m.rij() == rij && kolom.equals(m.kolom())).findFirst()
                .orElseThrow().melding();
    }

    private List<String> geimporteerdeTitels() {
        return jdbc.queryForList("select titel from opdracht where titel like ? order by titel", String.class,
                id + "%");
    }

    private long aantal(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private ProcessInstance instantie(String sleutel) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(LevenscyclusProces.PROCESS_ID)
                .processInstanceBusinessKey(sleutel).singleResult();
    }
}
