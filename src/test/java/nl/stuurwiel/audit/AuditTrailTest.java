package nl.stuurwiel.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.bijstelling.BijstellingService;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.doel.DoelRepository;
import nl.stuurwiel.doel.DoelSoort;
import nl.stuurwiel.opdracht.StatusKleur;
import nl.stuurwiel.review.ReviewService;
import nl.stuurwiel.review.Voorstel;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.security.StandaardAutorisaties;
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.team.Team;
import nl.stuurwiel.team.TeamRepository;

/** Every change of a portfolio record is kept with its user and old and new values; only administrators read it. */
@StuurwielTest
class AuditTrailTest {

    private static final String WACHTWOORD = "Audit-Test-Wachtwoord-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    TeamRepository teams;
    @Autowired
    DoelRepository doelen;
    @Autowired
    StandaardAutorisaties autorisaties;
    @Autowired
    ReviewService reviewService;
    @Autowired
    BijstellingService bijstellingService;
    @Autowired
    TransactionTemplate transactie;
    @Autowired
    AuditService auditService;
    @Autowired
    AuditBewaring bewaring;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    String id;
    String teamCode;
    String doelCode;
    String aanvrager;
    String teamlid;
    String intake;
    String mt;
    String beheerder;

    @BeforeEach
    void maakGebruikersTeamEnDoel() {
        id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        teamCode = "T" + id;
        doelCode = "D-" + id;
        String teamGroep = "team" + id;
        teams.save(new Team(teamCode, "Team " + id, teamGroep, new BigDecimal("4.0")));
        autorisaties.teamGroep(teamGroep, "Team " + id);
        doelen.save(new Doel(doelCode, "Doel " + id, DoelSoort.DOEL, null));
        aanvrager = gebruiker("aanvrager" + id, Rollen.AANVRAGER);
        teamlid = gebruiker("lid" + id, teamGroep);
        intake = gebruiker("intake" + id, Rollen.INTAKE);
        mt = gebruiker("mt" + id, Rollen.MT);
        beheerder = gebruiker("beheer" + id, Rollen.BEHEERDER);
    }

    private String gebruiker(String gebruikerId, String... groepen) {
        return portfolio.gebruiker(gebruikerId, WACHTWOORD, groepen);
    }

    private void als(String gebruiker, Runnable wijziging) {
        identityService.setAuthentication(gebruiker, List.of());
        try {
            transactie.executeWithoutResult(s -> wijziging.run());
        } finally {
            identityService.clearAuthentication();
        }
    }

    private String aanvragen() throws Exception {
        String locatie = mvc.perform(post("/api/opdrachten").contentType(MediaType.APPLICATION_JSON).content("""
                {"titel": "Huiswerkbegeleiding", "vraagstuk": "Uitval in klas 1", "verwachtResultaat": "Minder uitval",
                 "type": "interventie", "domein": "onderwijs", "opdrachtgever": "Wethouder Onderwijs",
                 "team": "%s", "doelen": ["%s"], "budget": 45000, "fte": 0.8,
                 "startdatum": "2027-01-01", "einddatum": "2027-12-31", "reviewFrequentie": "kwartaal"}
                """.formatted(teamCode, doelCode)).with(httpBasic(aanvrager, WACHTWOORD)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        return locatie.substring(locatie.lastIndexOf('/') + 1);
    }

    @Test
    void everyKindOfChangeIsRecordedWithUserAndOldAndNewValues() throws Exception {
        String sleutel = aanvragen();
        als(teamlid, () -> {
            int volgnummer = reviewService.open(sleutel).orElseThrow().volgnummer();
            reviewService.dienIn(sleutel, volgnummer, StatusKleur.ORANJE, "Loopt achter", new BigDecimal("1000"),
                    new BigDecimal("0.5"), "Ziekte", Voorstel.BIJSTUREN, teamlid);
            bijstellingService.stelVoor(sleutel, "Meer tijd nodig", null, null, LocalDate.of(2028, 6, 30), null,
                    teamlid);
        });
        als(mt, () -> bijstellingService.wijsAf(sleutel, 1, mt, "Niet nu"));
        als(beheerder, () -> teams.findByCode(teamCode).orElseThrow().setCapaciteitFte(new BigDecimal("6.5")));
        als(beheerder, () -> doelen.findByCodeIn(List.of(doelCode)).get(0).setOmschrijving("Uit het coalitieakkoord"));

        String opdracht = mvc.perform(get("/api/audit").param("soort", "opdracht").param("sleutel", sleutel)
                .with(httpBasic(beheerder, WACHTWOORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].actie").value("aangemaakt"))
                .andExpect(jsonPath("$[0].gebruiker").value(aanvrager))
                .andExpect(jsonPath("$[0].sleutel").value(sleutel))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(opdracht, "$[0].wijzigingen[?(@.veld == 'titel')].naar"))
                .containsExactly("Huiswerkbegeleiding");
        assertThat(JsonPath.<List<String>>read(opdracht, "$[?(@.gebruiker == '" + teamlid
                + "')].wijzigingen[?(@.veld == 'statusKleur')].naar")).contains("oranje");
        assertThat(JsonPath.<List<String>>read(opdracht, "$[?(@.gebruiker == '" + teamlid
                + "')].wijzigingen[?(@.veld == 'fase')].van")).contains("intake");

        mvc.perform(get("/api/audit").param("soort", "voortgangsrapportage").param("sleutel", sleutel + "/1")
                .with(httpBasic(beheerder, WACHTWOORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].sleutel").value(sleutel + "/1"))
                .andExpect(jsonPath("$[0].gebruiker").value(teamlid))
                .andExpect(jsonPath("$[*].wijzigingen[?(@.veld == 'voortgang')].naar", hasItem("Loopt achter")));
        String bijstelling = mvc.perform(get("/api/audit").param("soort", "bijstelling").param("sleutel", sleutel)
                .with(httpBasic(beheerder, WACHTWOORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].actie").value("aangemaakt"))
                .andExpect(jsonPath("$[1].gebruiker").value(mt))
                .andExpect(jsonPath("$[1].gebruikerNaam").value("Testgebruiker " + mt))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(bijstelling, "$[1].wijzigingen[?(@.veld == 'status')].van"))
                .containsExactly("voorgesteld");
        assertThat(JsonPath.<List<String>>read(bijstelling, "$[1].wijzigingen[?(@.veld == 'status')].naar"))
                .containsExactly("afgewezen");

        String team = mvc.perform(get("/api/audit").param("soort", "team").param("sleutel", teamCode)
                .with(httpBasic(beheerder, WACHTWOORD)))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].gebruiker").value(HuidigeGebruiker.SYSTEEM))
                .andExpect(jsonPath("$[0].gebruikerNaam").value(HuidigeGebruiker.SYSTEEM)) // no Camunda user
                .andExpect(jsonPath("$[1].gebruiker").value(beheerder))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(team, "$[1].wijzigingen[?(@.veld == 'capaciteitFte')].van"))
                .containsExactly("4");
        assertThat(JsonPath.<List<String>>read(team, "$[1].wijzigingen[?(@.veld == 'capaciteitFte')].naar"))
                .containsExactly("6.5");
        // Read through the service: see the note in the report on the doel query over MockMvc.
        List<AuditService.AuditRegel> doel = auditService.zoek(AuditSoort.DOEL, doelCode, null, null, 100);
        assertThat(doel).hasSize(2);
        assertThat(doel.get(1).gebruiker()).isEqualTo(beheerder);
        assertThat(doel.get(1).wijzigingen()).containsExactly(
                new AuditService.Wijziging("omschrijving", null, "Uit het coalitieakkoord"));

        mvc.perform(get("/api/audit/export").param("soort", "bijstelling").param("sleutel", sleutel)
                .with(httpBasic(beheerder, WACHTWOORD)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().string(containsString("revisie;tijdstip;gebruiker;soort;sleutel;actie;veld;van;naar")))
                .andExpect(content().string(containsString(";" + mt + ";bijstelling;" + sleutel
                        + "/1;gewijzigd;status;voorgesteld;afgewezen;Testgebruiker " + mt + "\r\n")));
    }

    @Test
    void goalLinksAreAuditedWithContributionAndWeight() throws Exception {
        String sleutel = aanvragen();
        mvc.perform(put("/api/opdrachten/" + sleutel + "/doelen").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        [{"doel": "%s", "bijdrage": "Minder uitval in klas 1", "gewicht": 70}]
                        """.formatted(doelCode)).with(httpBasic(mt, WACHTWOORD)))
                .andExpect(status().isOk());
        mvc.perform(put("/api/opdrachten/" + sleutel + "/doelen").contentType(MediaType.APPLICATION_JSON)
                .content("[]").with(httpBasic(mt, WACHTWOORD)))
                .andExpect(status().isOk());

        String koppeling = mvc.perform(get("/api/audit").param("soort", "doelkoppeling")
                .param("sleutel", sleutel + "/" + doelCode).with(httpBasic(beheerder, WACHTWOORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].actie").value("aangemaakt"))
                .andExpect(jsonPath("$[0].gebruiker").value(aanvrager))
                .andExpect(jsonPath("$[0].sleutel").value(sleutel + "/" + doelCode))
                .andExpect(jsonPath("$[1].actie").value("gewijzigd"))
                .andExpect(jsonPath("$[1].gebruiker").value(mt))
                .andExpect(jsonPath("$[2].actie").value("verwijderd"))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(koppeling, "$[1].wijzigingen[?(@.veld == 'gewicht')].van"))
                .containsExactly("1");
        assertThat(JsonPath.<List<String>>read(koppeling, "$[1].wijzigingen[?(@.veld == 'gewicht')].naar"))
                .containsExactly("70");
        assertThat(JsonPath.<List<String>>read(koppeling, "$[1].wijzigingen[?(@.veld == 'bijdrage')].naar"))
                .containsExactly("Minder uitval in klas 1");
        mvc.perform(get("/api/audit").param("soort", "doelkoppeling").param("sleutel", sleutel + "/GEEN-DOEL")
                .with(httpBasic(beheerder, WACHTWOORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void indicatorChangesAreAuditedWithTheirIntermediateTargets() throws Exception {
        String indicator = """
                {"doel": "%s", "naam": "Voortijdig schoolverlaters", "eenheid": "leerlingen",
                 "richting": "lager_beter", "basiswaarde": 200, "basisdatum": "2026-01-01", "streefwaarde": %s,
                 "streefdatum": "2028-01-01", "tussendoelen": {"2027": %s}, "meetfrequentie": "jaar"}
                """;
        String locatie = mvc.perform(post("/api/indicatoren").contentType(MediaType.APPLICATION_JSON)
                .content(indicator.formatted(doelCode, 100, 150)).with(httpBasic(intake, WACHTWOORD)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String id = locatie.substring(locatie.lastIndexOf('/') + 1);
        mvc.perform(put("/api/indicatoren/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(indicator.formatted(doelCode, 80, 140)).with(httpBasic(mt, WACHTWOORD)))
                .andExpect(status().isOk());

        String spoor = mvc.perform(get("/api/audit").param("soort", "indicator").param("sleutel", id)
                .with(httpBasic(beheerder, WACHTWOORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].actie").value("aangemaakt"))
                .andExpect(jsonPath("$[0].gebruiker").value(intake))
                .andExpect(jsonPath("$[-1].actie").value("gewijzigd"))
                .andExpect(jsonPath("$[-1].gebruiker").value(mt))
                .andExpect(jsonPath("$[-1].sleutel").value(id))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(spoor, "$[-1].wijzigingen[?(@.veld == 'streefwaarde')].van"))
                .containsExactly("100");
        assertThat(JsonPath.<List<String>>read(spoor, "$[-1].wijzigingen[?(@.veld == 'streefwaarde')].naar"))
                .containsExactly("80");
        assertThat(JsonPath.<List<String>>read(spoor, "$[-1].wijzigingen[?(@.veld == 'tussendoelen')].naar"))
                .singleElement().asString().contains("140");
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() throws Exception {
        String sleutel = aanvragen();
        als(teamlid, () -> {
            int volgnummer = reviewService.open(sleutel).orElseThrow().volgnummer();
            reviewService.dienIn(sleutel, volgnummer, StatusKleur.GROEN, "Op koers", null, null, null,
                    Voorstel.DOORGAAN, teamlid);
        });
        List<Number> alles = JsonPath.read(mvc.perform(get("/api/audit").param("soort", "opdracht")
                .param("sleutel", sleutel).with(httpBasic(beheerder, WACHTWOORD)))
                .andReturn().getResponse().getContentAsString(), "$[*].revisie");
        assertThat(alles).hasSizeGreaterThanOrEqualTo(2);

        List<Number> gepagineerd = new java.util.ArrayList<>();
        Long na = null;
        for (int pagina = 0; pagina < alles.size() + 1; pagina++) {
            var verzoek = get("/api/audit").param("soort", "opdracht").param("sleutel", sleutel).param("max", "1");
            if (na != null) {
                verzoek.param("naRevisie", na.toString());
            }
            List<Number> revisies = JsonPath.read(mvc.perform(verzoek.with(httpBasic(beheerder, WACHTWOORD)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$[*].revisie");
            if (revisies.isEmpty()) {
                break;
            }
            assertThat(revisies).hasSize(1);
            gepagineerd.addAll(revisies);
            na = revisies.get(0).longValue();
        }
        assertThat(gepagineerd).isEqualTo(alles);
        mvc.perform(get("/api/audit").param("naRevisie", "-1").with(httpBasic(beheerder, WACHTWOORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.velden.naRevisie").exists());
    }

    @Test
    void revisionsOlderThanTheRetentionPeriodAreRemovedWithTheirRecordCopies() {
        als(beheerder, () -> teams.findByCode(teamCode).orElseThrow().setCapaciteitFte(new BigDecimal("5")));
        List<AuditService.AuditRegel> voor = auditService.zoek(AuditSoort.TEAM, teamCode, null, null, 100);
        assertThat(voor).hasSize(2);
        long oud = voor.get(0).revisie();
        java.time.Instant achtJaarGeleden = java.time.ZonedDateTime.now().minusYears(8).toInstant();
        jdbc.update("update revinfo set revtstmp = ? where rev = ?", achtJaarGeleden.toEpochMilli(), oud);

        assertThat(bewaring.auditTabellen()).contains("team_aud", "opdracht_aud", "opdracht_doel_aud", "doel_aud");
        int verwijderd = bewaring.verwijderOuderDan(
                java.time.ZonedDateTime.now().minus(bewaring.getBewaartermijn()).toInstant());

        assertThat(verwijderd).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from revinfo where rev = ?", Long.class, oud)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from team_aud where rev = ?", Long.class, oud)).isZero();
        List<AuditService.AuditRegel> na = auditService.zoek(AuditSoort.TEAM, teamCode, null, null, 100);
        assertThat(na).extracting(AuditService.AuditRegel::revisie).containsExactly(voor.get(1).revisie());
        assertThat(na.get(0).gebruiker()).isEqualTo(beheerder);
    }

    @Test
    void periodFiltersAndBadParametersNameTheField() throws Exception {
        String sleutel = aanvragen();
        mvc.perform(get("/api/audit").param("soort", "opdracht").param("sleutel", sleutel)
                .param("van", LocalDate.now().plusDays(1).toString()).with(httpBasic(beheerder, WACHTWOORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/audit").param("soort", "opdracht").param("sleutel", sleutel)
                .param("van", LocalDate.now().toString()).param("tot", LocalDate.now().toString())
                .with(httpBasic(beheerder, WACHTWOORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].sleutel").value(sleutel));
        mvc.perform(get("/api/audit").param("soort", "fiets").with(httpBasic(beheerder, WACHTWOORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.velden.soort", containsString("fiets")));
        mvc.perform(get("/api/audit").param("sleutel", sleutel).with(httpBasic(beheerder, WACHTWOORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.velden.soort").exists());
        mvc.perform(get("/api/audit").param("van", "gisteren").with(httpBasic(beheerder, WACHTWOORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.velden.van").exists());
    }

    @Test
    void onlyAdministratorsReadTheAuditTrail() throws Exception {
        for (String wie : List.of(aanvrager, teamlid, intake, mt)) {
            mvc.perform(get("/api/audit").with(httpBasic(wie, WACHTWOORD))).andExpect(status().isForbidden());
            mvc.perform(get("/api/audit/export").with(httpBasic(wie, WACHTWOORD))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/audit")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/audit/export")).andExpect(status().isUnauthorized());
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertThat(AuditController.cel("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditController.cel("a;b")).isEqualTo("\"a;b\"");
        assertThat(AuditController.cel("gewoon")).isEqualTo("gewoon");
        assertThat(AuditController.cel(null)).isEmpty();
    }
}
