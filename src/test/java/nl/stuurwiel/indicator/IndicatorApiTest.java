package nl.stuurwiel.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import nl.stuurwiel.StuurwielTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.doel.DoelRepository;
import nl.stuurwiel.doel.DoelSoort;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtAanvraag;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.opdracht.OpdrachtType;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.team.Team;
import nl.stuurwiel.team.TeamRepository;

/** Indicators and metingen through the API: rules per field, versions kept, realisation. */
@StuurwielTest
class IndicatorApiTest {

    private static final String WACHTWOORD = "Api-Test-Wachtwoord-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    DoelRepository doelen;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TeamRepository teams;
    @Autowired
    OpdrachtService opdrachtService;

    String id;
    String olga;
    String doelCode;

    @BeforeEach
    void gebruikerEnDoel() {
        id = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        olga = "olga" + id;
        User nieuw = identityService.newUser(olga);
        nieuw.setPassword(WACHTWOORD);
        identityService.saveUser(nieuw);
        identityService.createMembership(olga, Rollen.AANVRAGER);
        // The portfolio office manages indicators; olga is also the owner who enters metingen.
        identityService.createMembership(olga, Rollen.INTAKE);
        doelCode = "D-" + id;
        doelen.save(new Doel(doelCode, "Minder voortijdig schoolverlaters", DoelSoort.DOEL, null));
    }

    private ResultActions stuur(MockHttpServletRequestBuilder verzoek, String inhoud) throws Exception {
        return mvc.perform(verzoek.contentType(MediaType.APPLICATION_JSON).content(inhoud)
                .with(httpBasic(olga, WACHTWOORD)));
    }

    private ResultActions vraag(String pad) throws Exception {
        return mvc.perform(get(pad).with(httpBasic(olga, WACHTWOORD)));
    }

    /** Voortijdig schoolverlaters, yearly: 200 on 2026-01-01 to 100 on 2028-01-01 (lower is better). */
    private String indicator() {
        return """
                {"doel": "%s", "naam": "Voortijdig schoolverlaters", "definitie": "Nieuwe vsv'ers per schooljaar",
                 "eenheid": "leerlingen", "richting": "lager_beter", "basiswaarde": 200, "basisdatum": "2026-01-01",
                 "streefwaarde": 100, "streefdatum": "2028-01-01", "tussendoelen": {"2026": 160},
                 "meetfrequentie": "jaar", "bron": "DUO", "eigenaar": "%s"}
                """.formatted(doelCode, olga);
    }

    private long maak(String json) throws Exception {
        String locatie = stuur(post("/api/indicatoren"), json).andExpect(status().isCreated())
                .andReturn().getResponse().getHeader("Location");
        return Long.parseLong(locatie.substring(locatie.lastIndexOf('/') + 1));
    }

    private ResultActions meet(long indicator, String periode, String waarde, String rest) throws Exception {
        return stuur(post("/api/indicatoren/" + indicator + "/metingen"), """
                {"periode": "%s", "waarde": %s%s}
                """.formatted(periode, waarde, rest));
    }

    @Test
    void aMeasurableIndicatorOnADoelMakesTheDoelMeasurable() throws Exception {
        vraag("/api/doelen/" + doelCode).andExpect(jsonPath("$.meetbaar").value(false));
        stuur(post("/api/indicatoren"), indicator().replace("{\"2026\": 160}", "{\"2026\": 160, \"2027\": 130}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/indicatoren/")))
                .andExpect(jsonPath("$.doel").value(doelCode))
                .andExpect(jsonPath("$.richting").value("lager_beter"))
                .andExpect(jsonPath("$.meetfrequentie").value("jaar"))
                .andExpect(jsonPath("$.tussendoelen['2026']").value(160))
                .andExpect(jsonPath("$.status").value("actief"))
                .andExpect(jsonPath("$.eigenaar").value(olga))
                .andExpect(jsonPath("$.eigenaarNaam").value(olga)) // her profile has no names
                .andExpect(jsonPath("$.meetbaar").value(true));
        vraag("/api/doelen/" + doelCode).andExpect(jsonPath("$.meetbaar").value(true));
        // Once, with all its yearly targets (the list fetches them in the same query).
        vraag("/api/indicatoren?doel=" + doelCode).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].tussendoelen.length()").value(2))
                .andExpect(jsonPath("$[0].tussendoelen['2027']").value(130));
    }

    @Test
    void badIndicatorsAreRefusedPerFieldAndCreateNothing() throws Exception {
        long vooraf = jdbc.queryForObject("select count(*) from indicator", Long.class);
        stuur(post("/api/indicatoren"), indicator().replace("\"eenheid\": \"leerlingen\",", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.eenheid", containsString("streefwaarde zonder eenheid")));
        stuur(post("/api/indicatoren"), indicator().replace("\"doel\": \"" + doelCode + "\"",
                "\"doel\": \"" + doelCode + "\", \"opdracht\": \"OPD-2026-0001\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.opdracht", containsString("niet bij allebei")));
        stuur(post("/api/indicatoren"), indicator().replace("\"doel\": \"" + doelCode + "\",", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.doel", containsString("is verplicht: kies het doel")));
        stuur(post("/api/indicatoren"), indicator().replace("\"streefdatum\": \"2028-01-01\",", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.streefdatum").exists());
        stuur(post("/api/indicatoren"), indicator().replace("\"2028-01-01\"", "\"1990-01-01\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.streefdatum").value("ligt niet tussen 2000 en 2100"));
        stuur(post("/api/indicatoren"), indicator().replace("\"2028-01-01\"", "\"2025-06-01\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.streefdatum", containsString("basisdatum")));
        stuur(post("/api/indicatoren"), indicator().replace("\"2026\": 160", "\"2031\": 160"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden['tussendoelen.2031']").exists());
        stuur(post("/api/indicatoren"), indicator().replace("\"eigenaar\": \"" + olga, "\"eigenaar\": \"niemand" + id))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.eigenaar", containsString("niemand")));
        stuur(post("/api/indicatoren"), indicator().replace("\"lager_beter\"", "\"zijwaarts\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.richting", containsString("zijwaarts")));
        stuur(post("/api/indicatoren"), indicator().replace("\"jaar\"", "\"week\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.meetfrequentie").exists());
        assertThat(jdbc.queryForObject("select count(*) from indicator", Long.class)).isEqualTo(vooraf);

        // Without a target no unit is needed; such an indicator is not measurable.
        stuur(post("/api/indicatoren"), """
                {"doel": "%s", "naam": "Tevredenheid ouders", "richting": "hoger_beter", "meetfrequentie": "halfjaar"}
                """.formatted(doelCode))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.meetbaar").value(false));
    }

    @Test
    void aCorrectionKeepsEveryEarlierVersionAndTheListShowsTheNewest() throws Exception {
        long indicator = maak(indicator());

        meet(indicator, "2026-01-01", "170", ", \"toelichting\": \"Eerste telling\", \"verhaal\": \"Minder uitval"
                + " door de aanpak thuiszitters\", \"voorstel\": \"Doorgaan en uitbreiden naar het mbo\"")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.versie").value(1))
                .andExpect(jsonPath("$.ingevoerdDoor").value(olga))
                .andExpect(jsonPath("$.ingevoerdDoorNaam").value(olga)) // her profile has no names yet
                .andExpect(jsonPath("$.verhaal", containsString("thuiszitters")));
        User profiel = identityService.createUserQuery().userId(olga).singleResult();
        profiel.setFirstName("Olga");
        profiel.setLastName("Smit");
        identityService.saveUser(profiel);
        meet(indicator, "2026-01-01", "165", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.toelichting", containsString("correctie")));
        meet(indicator, "2026-01-01", "165", ", \"toelichting\": \"DUO leverde een correctie\"")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.versie").value(2));

        vraag("/api/indicatoren/" + indicator)
                .andExpect(jsonPath("$.eigenaar").value(olga))
                .andExpect(jsonPath("$.eigenaarNaam").value("Olga Smit"));
        vraag("/api/indicatoren/" + indicator + "/metingen")
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].waarde").value(165))
                .andExpect(jsonPath("$[0].versie").value(2));
        vraag("/api/indicatoren/" + indicator + "/metingen/2026-01-01/historie")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].waarde").value(170))
                .andExpect(jsonPath("$[0].ingevoerdDoor").value(olga))
                .andExpect(jsonPath("$[0].ingevoerdDoorNaam").value("Olga Smit"))
                .andExpect(jsonPath("$[0].verhaal", containsString("thuiszitters")))
                .andExpect(jsonPath("$[1].waarde").value(165))
                .andExpect(jsonPath("$[1].toelichting").value("DUO leverde een correctie"));
        vraag("/api/indicatoren/" + indicator + "/metingen/2025-01-01/historie").andExpect(status().isNotFound());
    }

    @Test
    void periodsMustBeThePeriodStartAndAlreadyBegun() throws Exception {
        long indicator = maak(indicator());
        meet(indicator, "2026-07-01", "150", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.periode", containsString("2026-01-01")));
        meet(indicator, "2026-Q3", "150", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.periode", containsString("jjjj-mm-dd")));
        String volgendJaar = LocalDate.now().plusYears(1).withDayOfYear(1).toString();
        meet(indicator, volgendJaar, "150", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.periode", containsString("niet begonnen")));
        meet(indicator, "2026-01-01", "null", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.waarde").value("is verplicht"));
        assertThat(jdbc.queryForObject("select count(*) from meting where indicator_id = ?", Long.class, indicator))
                .isZero();
    }

    @Test
    void aLapsedIndicatorTakesNoMetingenButKeepsItsHistory() throws Exception {
        long indicator = maak(indicator());
        meet(indicator, "2026-01-01", "170", "").andExpect(status().isCreated());

        stuur(post("/api/indicatoren/" + indicator + "/vervallen"), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("vervallen"));

        meet(indicator, "2026-01-01", "160", ", \"toelichting\": \"Correctie\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.indicator", containsString("vervallen")));
        stuur(put("/api/indicatoren/" + indicator), indicator())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.status").exists());
        vraag("/api/indicatoren/" + indicator + "/metingen").andExpect(jsonPath("$[0].waarde").value(170));
        vraag("/api/doelen/" + doelCode).andExpect(jsonPath("$.meetbaar").value(false));
    }

    @Test
    void changingAnIndicatorReplacesItsDefinition() throws Exception {
        long indicator = maak(indicator());
        stuur(put("/api/indicatoren/" + indicator), indicator().replace("\"streefwaarde\": 100", "\"streefwaarde\": 120")
                .replace("\"tussendoelen\": {\"2026\": 160}", "\"tussendoelen\": {\"2027\": 140}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.streefwaarde").value(120))
                .andExpect(jsonPath("$.tussendoelen['2027']").value(140))
                .andExpect(jsonPath("$.tussendoelen['2026']").doesNotExist());
        vraag("/api/indicatoren/" + indicator).andExpect(jsonPath("$.streefwaarde").value(120));
        vraag("/api/indicatoren/999999999").andExpect(status().isNotFound());
    }

    @Test
    void statusColourOfAnOpdrachtFollowsItsWorstIndicator() throws Exception {
        Team team = teams.save(new Team("T" + id, "Team " + id, "team" + id.toLowerCase(), new BigDecimal("3")));
        Opdracht opdracht = opdrachtService.registreer(new OpdrachtAanvraag("Huiswerkklas", null, null, null,
                OpdrachtType.PROJECT, "onderwijs", null, null, team.getCode(), List.of(doelCode), null, null,
                null, null, null), olga);
        String pad = "/api/opdrachten/" + opdracht.getSleutel() + "/statuskleur";
        vraag(pad).andExpect(status().isOk())
                .andExpect(jsonPath("$.kleur").value("oranje"))
                .andExpect(jsonPath("$.slechtsteIndicatorStatus").doesNotExist());

        // 200 -> 100 yearly; 2026 judged on 2027-01-01 against the trajectory 150: 190 is 40% behind.
        long indicator = maak(indicator());
        meet(indicator, "2026-01-01", "190", "").andExpect(status().isCreated());

        vraag(pad).andExpect(jsonPath("$.slechtsteIndicatorStatus").value("uit_koers"))
                .andExpect(jsonPath("$.kleur").value("rood"));
        vraag("/api/opdrachten/OPD-1900-0001/statuskleur").andExpect(status().isNotFound());
    }

    /** The colour the API shows is the one a review's timer would compute: on the engine's clock. */
    @Test
    void statusColourCountsDaysPastTheEndDateOnTheEngineClock() throws Exception {
        Team team = teams.save(new Team("K" + id, "Team " + id, "teamk" + id.toLowerCase(), new BigDecimal("3")));
        LocalDate einde = LocalDate.of(2025, 3, 31);
        Opdracht opdracht = opdrachtService.registreer(new OpdrachtAanvraag("Zomerschool", null, null, null,
                OpdrachtType.PROJECT, "onderwijs", null, null, team.getCode(), List.of(doelCode), null, null,
                LocalDate.of(2025, 1, 1), einde, null, null), olga);
        String pad = "/api/opdrachten/" + opdracht.getSleutel() + "/statuskleur";
        try {
            ClockUtil.setCurrentTime(Date.from(einde.plusDays(12).atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant()));
            vraag(pad).andExpect(status().isOk()).andExpect(jsonPath("$.dagenNaEinddatum").value(12));
            ClockUtil.setCurrentTime(Date.from(einde.minusDays(5).atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant()));
            vraag(pad).andExpect(jsonPath("$.dagenNaEinddatum").value(0));
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void realisationShowsNormVarianceTrendAndStatus() throws Exception {
        long indicator = maak(indicator().replace("\"jaar\"", "\"kwartaal\""));
        vraag("/api/indicatoren/" + indicator + "/realisatie")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.melding").value("nog geen meting"));
        meet(indicator, "2026-01-01", "190", "").andExpect(status().isCreated());
        meet(indicator, "2026-04-01", "185", "").andExpect(status().isCreated());

        // Q2 2026 judged on 2026-07-01, 181 of 730 days: trajectory 200 - 100 * 181/730 = 175.2055.
        // The norm is the 2026 tussendoel 160: variance (185-160)/160 flipped = -0.1563. Against the
        // trajectory (185-175.2055)/(100-200) = -0.098: within 10%, op koers. 190 -> 185 is a fall: verbetert.
        vraag("/api/indicatoren/" + indicator + "/realisatie")
                .andExpect(jsonPath("$.huidigePeriode").value("2026-04-01"))
                .andExpect(jsonPath("$.huidigeWaarde").value(185))
                .andExpect(jsonPath("$.vorigePeriode").value("2026-01-01"))
                .andExpect(jsonPath("$.vorigeWaarde").value(190))
                .andExpect(jsonPath("$.huidigeNorm").value(160))
                .andExpect(jsonPath("$.normBron").value("tussendoel"))
                .andExpect(jsonPath("$.trajectwaarde").value(175.2055))
                .andExpect(jsonPath("$.volgendePeriode").value("2026-07-01"))
                .andExpect(jsonPath("$.volgendeNorm").value(160))
                .andExpect(jsonPath("$.afwijkingVanNorm").value(-0.1563))
                .andExpect(jsonPath("$.trend").value("verbetert"))
                .andExpect(jsonPath("$.veranderingSindsBasis").value(-15))
                .andExpect(jsonPath("$.status").value("op_koers"));
    }

    @Test
    void whoeverKeepsThePortfolioChoosesAnOwnerFromEveryoneByNameAndATeamMemberMayNot() throws Exception {
        String ingrid = "ingrid" + id;
        User metNaam = identityService.newUser(ingrid);
        metNaam.setFirstName("Ingrid");
        metNaam.setLastName("van Beek " + id);
        metNaam.setPassword(WACHTWOORD);
        identityService.saveUser(metNaam);
        String lid = "lid" + id;
        User teamlid = identityService.newUser(lid);
        teamlid.setPassword(WACHTWOORD);
        identityService.saveUser(teamlid);
        identityService.createMembership(lid, Rollen.AANVRAGER);

        vraag("/api/gebruikers").andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + ingrid + "')].naam").value("Ingrid van Beek " + id))
                .andExpect(jsonPath("$[?(@.id == '" + olga + "')].naam").value(""));
        mvc.perform(get("/api/gebruikers").with(httpBasic(lid, WACHTWOORD)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.melding", containsString("gebruikers")));
    }
}
