package nl.stuurwiel.rapportage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.bijstelling.BijstellingRepository;
import nl.stuurwiel.rapportage.HalfjaarrapportageProces.Var;
import nl.stuurwiel.review.VoortgangsrapportageRepository;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.system.HuidigeGebruiker;

/** The report over HTTP: roles, bad input, and the PDF, XLSX and CSV a reader downloads. */
@StuurwielTest
class RapportageApiTest {

    private static final String WACHTWOORD = "Rapportage-Test-2026!";

    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    VoortgangsrapportageRepository rapportages;
    @Autowired
    BijstellingRepository bijstellingen;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RapportageService rapportageService;
    @Autowired
    HalfjaarrapportageRepository halfjaarrapportages;
    @Autowired
    RuntimeService runtimeService;

    String lezer;
    String intake;
    String mt;

    private String gebruiker(String voorvoegsel, String... groepen) {
        return portfolio.gebruiker(voorvoegsel + UUID.randomUUID().toString().replace("-", "").substring(0, 10),
                WACHTWOORD, groepen);
    }

    @BeforeEach
    void gebruikers() {
        lezer = gebruiker("lezer", Rollen.AANVRAGER);
        intake = gebruiker("intake", Rollen.INTAKE);
        mt = gebruiker("mt", Rollen.MT);
    }

    /** The fixture's half year, explained and published. */
    private Halfjaarrapportage gepubliceerd(RapportageFixture fixture) {
        Halfjaarrapportage r = rapportageService.stelSamen(RapportageFixture.periode(), false, "intake", null);
        Map<String, String> toelichting = new HashMap<>();
        toelichting.put(Var.TOELICHTING_ALGEMEEN, "Het eerste halfjaar in het kort.");
        toelichting.put(Var.TOELICHTING_TEAMS, "Het team zat tegen zijn capaciteit aan.");
        rapportageService.licht(r.getId(), toelichting, "intake");
        rapportageService.publiceer(r.getId(), "mt");
        return r;
    }

    private RapportageFixture fixture() {
        return RapportageFixture.bouw(context);
    }

    private byte[] download(String pad, String gebruiker, String soort) throws Exception {
        return mvc.perform(get(pad).with(httpBasic(gebruiker, WACHTWOORD))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith(soort)))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(
                        "hjr-2026-h1."))).andReturn().getResponse().getContentAsByteArray();
    }

    private static String tekst(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void thePdfOpensAndHoldsEverySectionWithTheFiguresAndExplanations() throws Exception {
        RapportageFixture fixture = fixture();
        // A domain whose name is not its code: the council reads the name.
        String id = java.util.UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("insert into domein (code, naam) values (?, ?)", "zorg" + id, "Welzijn " + id);
        jdbc.update("update opdracht set domein = ? where sleutel = ?", "zorg" + id, fixture.a.getSleutel());
        Halfjaarrapportage r = gepubliceerd(fixture);

        String tekst = tekst(download("/api/rapportages/" + r.getId() + "/pdf", lezer, "application/pdf"));
        assertThat(tekst.lines()).anyMatch(l -> l.startsWith("Welzijn " + id + " 1 "));
        assertThat(tekst).doesNotContain("zorg" + id);

        assertThat(tekst).contains("Halfjaarrapportage 2026, eerste halfjaar", "Samenvatting",
                "Geld en mensen per doel", "Geld en mensen per domein", "Geld en mensen per gebied",
                "Geld en mensen per team", "Indicatoren: realisatie tegen streefwaarde",
                "Besluiten uit reviews en bijstellingen", "Het eerste halfjaar in het kort.",
                "Het team zat tegen zijn capaciteit aan.", fixture.team.getCode(), fixture.gebied,
                fixture.doel.getCode(), "Aantal thuiszitters", "105,12", "op koers", "verbetert",
                "budget € 100.000 naar € 120.000", fixture.a.getSleutel(), "Meer inzet op preventie");
        // dates as the council reads them: the indicator's quarter and the adjustment's decision
        assertThat(tekst).contains("1 april 2026", "20 juni 2026").doesNotContain("2026-04-01", "2026-06-20");
        String teamRegel = tekst.lines().filter(l -> l.startsWith(fixture.team.getCode())).findFirst().orElseThrow();
        assertThat(teamRegel).contains("€ 200.000", "€ 65.000", "32,5%", "3,5", "2,6", "74,3%", "4");
        // the summary's total and the team's row share one row template; only the team's has the capacity
        List<String> regels = tekst.lines().toList();
        String totaal = regels.get(regels.indexOf("Opdrachten Budget Besteed Besteed % FTE gepland FTE ingezet "
                + "Ingezet % Groen Oranje Rood Geen rapportage") + 1);
        // other tests' reports of the same half year count in the total: its shape, not its values
        assertThat(totaal).matches("\\d+ € [\\d.]+ € [\\d.]+ \\S+ [\\d,]+ [\\d,]+ \\S+ \\d+ \\d+ \\d+ \\d+");
        assertThat(teamRegel).endsWith(" 3 € 200.000 € 65.000 32,5% 3,5 2,6 74,3% 4 0 1 1 1");
        assertThat(tekst).doesNotContain("CONCEPT");
        // a reader outside the team: the confidential opdracht counts, but is not named
        assertThat(tekst).contains(Momentopname.VERTROUWELIJK).doesNotContain(fixture.b.getSleutel(),
                "Pilot achter de voordeur", "Geheime toelichting");

        String voorIntake = tekst(download("/api/rapportages/" + r.getId() + "/pdf", intake, "application/pdf"));
        assertThat(voorIntake).contains(fixture.b.getSleutel(), "Pilot achter de voordeur", "Geheime toelichting");
    }

    @Test
    void theReportNamesWhoCompiledExplainedReferredBackAndAdoptedIt() throws Exception {
        fixture();
        String uniek = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String ingrid = portfolio.gebruikerMetNaam("ingrid" + uniek, WACHTWOORD, "Ingrid", "Bakker", Rollen.INTAKE);
        String mark = portfolio.gebruikerMetNaam("mark" + uniek, WACHTWOORD, "Mark", "Jansen", Rollen.MT);
        Halfjaarrapportage r = rapportageService.stelSamen(RapportageFixture.periode(), false,
                HuidigeGebruiker.SYSTEEM, null);
        Map<String, String> toelichting = Map.of(Var.TOELICHTING_ALGEMEEN, "Het eerste halfjaar in het kort.");
        rapportageService.licht(r.getId(), toelichting, ingrid);
        rapportageService.stuurTerug(r.getId(), "Meer over de teams graag", mark);
        rapportageService.licht(r.getId(), toelichting, ingrid);
        rapportageService.publiceer(r.getId(), mark);

        mvc.perform(get("/api/rapportages/" + r.getId()).with(httpBasic(lezer, WACHTWOORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.samengesteldDoor").value(HuidigeGebruiker.SYSTEEM))
                .andExpect(jsonPath("$.samengesteldDoorNaam").value(HuidigeGebruiker.SYSTEEM)) // no Camunda user
                .andExpect(jsonPath("$.toegelichtDoor").value(ingrid))
                .andExpect(jsonPath("$.toegelichtDoorNaam").value("Ingrid Bakker"))
                .andExpect(jsonPath("$.terugverwezenDoor").value(mark))
                .andExpect(jsonPath("$.terugverwezenDoorNaam").value("Mark Jansen"))
                .andExpect(jsonPath("$.vastgesteldDoor").value(mark))
                .andExpect(jsonPath("$.vastgesteldDoorNaam").value("Mark Jansen"));
    }

    @Test
    void theXlsxOpensWithPoiAndHoldsTheFiguresAsNumbers() throws Exception {
        RapportageFixture fixture = fixture();
        Halfjaarrapportage r = gepubliceerd(fixture);

        byte[] xlsx = download("/api/rapportages/" + r.getId() + "/xlsx", lezer,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        try (XSSFWorkbook boek = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(boek.getSheetName(0)).isEqualTo("Samenvatting");
            for (String blad : new String[] { "Doelen", "Domeinen", "Gebieden", "Teams", "Indicatoren", "Besluiten",
                    "Toelichting" }) {
                assertThat(boek.getSheet(blad)).as(blad).isNotNull();
            }
            Row team = rij(boek.getSheet("Teams"), fixture.team.getCode());
            assertThat(team.getCell(2).getNumericCellValue()).isEqualTo(3);
            assertThat(team.getCell(3).getNumericCellValue()).isEqualTo(200000);
            assertThat(team.getCell(4).getNumericCellValue()).isEqualTo(65000);
            assertThat(team.getCell(5).getNumericCellValue()).isEqualTo(0.325);
            assertThat(team.getCell(6).getNumericCellValue()).isEqualTo(3.5);
            assertThat(team.getCell(7).getNumericCellValue()).isEqualTo(2.6);
            assertThat(team.getCell(9).getNumericCellValue()).isEqualTo(4.0);
            assertThat(team.getCell(11).getNumericCellValue()).isEqualTo(1); // oranje
            Row gebied = rij(boek.getSheet("Gebieden"), fixture.gebied);
            assertThat(gebied.getCell(3).getNumericCellValue()).isEqualTo(200000);
            assertThat(rij(boek.getSheet("Toelichting"), "teams").getCell(1).getStringCellValue())
                    .isEqualTo("Het team zat tegen zijn capaciteit aan.");
            Sheet besluiten = boek.getSheet("Besluiten");
            assertThat(rij(besluiten, "2026-06-20").getCell(6).getStringCellValue())
                    .isEqualTo("budget € 100.000 naar € 120.000");
        }
    }

    private static Row rij(Sheet blad, String eersteCel) {
        for (Row rij : blad) {
            if (rij.getCell(0) != null && eersteCel.equals(rij.getCell(0).toString())) {
                return rij;
            }
        }
        throw new AssertionError("no row " + eersteCel + " in sheet " + blad.getSheetName());
    }

    @Test
    void theCsvHasOneLinePerGroupForTheFinanceDepartment() throws Exception {
        RapportageFixture fixture = fixture();
        Halfjaarrapportage r = gepubliceerd(fixture);

        String csv = new String(download("/api/rapportages/" + r.getId() + "/csv", lezer, "text/csv"),
                StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFFOnderdeel;Code;Naam;Opdrachten;Budget;Besteed;");
        String code = fixture.team.getCode();
        assertThat(csv).contains("\r\nteam;" + code + ";Team " + code
                + ";3;200000.00;65000.00;0.3250;3.50;2.60;0.7429;4.00;0;1;1;1\r\n".replace('.', ','));
        assertThat(csv).contains("\r\ngebied;" + fixture.gebied + ";" + fixture.gebied + ";3;200000,00;");
        assertThat(csv).contains("\r\ndoel;" + fixture.doel.getCode() + ";");
        assertThat(csv).contains("\r\ntotaal;totaal;Totaal;");
    }

    @Test
    void startingByHandIsForThePortfolioOfficeMtAndAdministrators() throws Exception {
        long vooraf = halfjaarrapportages.count();
        String periode = "{\"jaar\": " + RapportageFixture.vrijJaar(halfjaarrapportages, RapportageFixture.EERSTE_VRIJ_JAAR, 2020) + ", \"half\": "
                + ThreadLocalRandom.current().nextInt(1, 3) + "}";

        for (String wie : new String[] { lezer, gebruiker("ontwerper", Rollen.PROCESONTWERPER), gebruiker("geen") }) {
            mvc.perform(post("/api/rapportages").contentType(MediaType.APPLICATION_JSON).content(periode)
                    .with(httpBasic(wie, WACHTWOORD))).andExpect(status().isForbidden());
        }
        assertThat(halfjaarrapportages.count()).isEqualTo(vooraf);

        String locatie = mvc.perform(post("/api/rapportages").contentType(MediaType.APPLICATION_JSON).content(periode)
                .with(httpBasic(intake, WACHTWOORD))).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CONCEPT"))
                .andExpect(jsonPath("$.momentopname.totaal").exists())
                .andReturn().getResponse().getHeader("Location");
        Long id = Long.valueOf(locatie.substring(locatie.lastIndexOf('/') + 1));
        Halfjaarrapportage r = halfjaarrapportages.findById(id).orElseThrow();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(r.getProcesInstantieId())
                .activityIdIn(HalfjaarrapportageProces.Element.TOELICHTING_SCHRIJVEN).count()).isEqualTo(1);

        // the same period again while its draft is in the making
        mvc.perform(post("/api/rapportages").contentType(MediaType.APPLICATION_JSON).content(periode)
                .with(httpBasic(mt, WACHTWOORD))).andExpect(status().isConflict());
        // a draft: not for other readers
        mvc.perform(get("/api/rapportages/" + id).with(httpBasic(lezer, WACHTWOORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/rapportages/" + id + "/pdf").with(httpBasic(lezer, WACHTWOORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/rapportages/" + id).with(httpBasic(mt, WACHTWOORD))).andExpect(status().isOk());
        assertThat(halfjaarrapportages.count()).isEqualTo(vooraf + 1);
    }

    @Test
    void badPeriodsAreRefusedPerFieldAndCreateNothing() throws Exception {
        long vooraf = halfjaarrapportages.count();

        mvc.perform(post("/api/rapportages").contentType(MediaType.APPLICATION_JSON)
                .content("{\"van\": \"2020-06-30\", \"tot\": \"2020-01-01\"}").with(httpBasic(intake, WACHTWOORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.velden.tot").exists());
        mvc.perform(post("/api/rapportages").contentType(MediaType.APPLICATION_JSON).content("{\"jaar\": 2020}")
                .with(httpBasic(intake, WACHTWOORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.velden.half").exists());
        mvc.perform(post("/api/rapportages").contentType(MediaType.APPLICATION_JSON)
                .content("{\"van\": \"2999-01-01\", \"tot\": \"2999-06-30\"}").with(httpBasic(intake, WACHTWOORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.velden.van").exists());
        mvc.perform(post("/api/rapportages").contentType(MediaType.APPLICATION_JSON)
                .content("{\"jaar\": 2020, \"half\": 1, \"van\": \"2020-01-01\"}").with(httpBasic(intake, WACHTWOORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.velden.periode").exists());

        assertThat(halfjaarrapportages.count()).isEqualTo(vooraf);
    }

    @Test
    void theDashboardListsPublishedReportsWithTheirDownloads() throws Exception {
        Halfjaarrapportage r = gepubliceerd(fixture());

        mvc.perform(get("/dashboard/rapportages").with(httpBasic(lezer, WACHTWOORD))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "/api/rapportages/" + r.getId() + "/pdf")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "/api/rapportages/" + r.getId() + "/xlsx")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Halfjaarrapportage 2026, eerste halfjaar")));
        mvc.perform(get("/api/rapportages").with(httpBasic(lezer, WACHTWOORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + r.getId() + ")].status").value("GEPUBLICEERD"));
    }

    @Test
    void thePortfolioOfficeStartsAHalfYearFromTheDashboard() throws Exception {
        long vooraf = halfjaarrapportages.count();
        String jaar = String.valueOf(RapportageFixture.vrijJaar(halfjaarrapportages, RapportageFixture.EERSTE_VRIJ_JAAR, 2020));

        mvc.perform(post("/dashboard/rapportages").param("jaar", jaar).param("half", "2")
                .with(httpBasic(lezer, WACHTWOORD)).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Niet gestart")));
        mvc.perform(post("/dashboard/rapportages").param("jaar", jaar).param("half", "3")
                .with(httpBasic(intake, WACHTWOORD)).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Niet gestart: Halfjaar")));
        mvc.perform(post("/dashboard/rapportages").param("jaar", "twintig").param("half", "1")
                .with(httpBasic(intake, WACHTWOORD)).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Niet gestart: Jaar is geen jaartal: &#39;twintig&#39;")));
        mvc.perform(post("/dashboard/rapportages").param("jaar", "2100").param("half", "1")
                .with(httpBasic(intake, WACHTWOORD)).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Niet gestart: Het halfjaar ligt in de toekomst")));
        assertThat(halfjaarrapportages.count()).isEqualTo(vooraf);

        mvc.perform(post("/dashboard/rapportages").param("jaar", jaar).param("half", "2")
                .with(httpBasic(intake, WACHTWOORD)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/dashboard/rapportages").param("jaar", jaar).param("half", "2")
                .with(httpBasic(intake, WACHTWOORD)).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Voor 1 juli " + jaar + " t/m 31 december " + jaar + " is al een rapportage in de maak")));

        assertThat(halfjaarrapportages.count()).isEqualTo(vooraf + 1);
        assertThat(halfjaarrapportages.findAll()).extracting(Halfjaarrapportage::getPeriodeVan)
                .contains(java.time.LocalDate.of(Integer.parseInt(jaar), 7, 1));
    }
}
