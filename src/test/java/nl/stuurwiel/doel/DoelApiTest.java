package nl.stuurwiel.doel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import nl.stuurwiel.StuurwielTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtAanvraag;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.opdracht.OpdrachtType;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.team.Team;
import nl.stuurwiel.team.TeamRepository;

/** The goal tree through the API: roots with period or law, nesting, no cycles, safe deletes, links. */
@StuurwielTest
class DoelApiTest {

    private static final String WACHTWOORD = "Api-Test-Wachtwoord-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identityService;
    @Autowired
    TeamRepository teams;
    @Autowired
    OpdrachtService opdrachtService;
    @Autowired
    JdbcTemplate jdbc;

    String id;
    String mt;

    @BeforeEach
    void gebruiker() {
        id = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        mt = "mt" + id;
        User nieuw = identityService.newUser(mt);
        nieuw.setPassword(WACHTWOORD);
        identityService.saveUser(nieuw);
        identityService.createMembership(mt, Rollen.MT);
    }

    private ResultActions stuur(MockHttpServletRequestBuilder verzoek, String inhoud) throws Exception {
        return mvc.perform(verzoek.contentType(MediaType.APPLICATION_JSON).content(inhoud).with(httpBasic(mt, WACHTWOORD)));
    }

    private ResultActions maak(String json) throws Exception {
        return stuur(post("/api/doelen"), json);
    }

    private String ambitie(String code) throws Exception {
        maak("""
                {"code": "%s", "naam": "Gelijke kansen", "soort": "ambitie", "van": "2026-01-01", "tot": "2030-12-31"}
                """.formatted(code)).andExpect(status().isCreated());
        return code;
    }

    private String doel(String code, String ouder) throws Exception {
        maak("""
                {"code": "%s", "naam": "Doel %s", "soort": "doel", "ouder": "%s"}
                """.formatted(code, code, ouder)).andExpect(status().isCreated());
        return code;
    }

    @Test
    void rootsCarryTheirPeriodOrLawAndDoelenNestToAnyDepth() throws Exception {
        maak("""
                {"code": "AMB-%s", "naam": "Coalitieakkoord: gelijke kansen", "soort": "ambitie",
                 "van": "2026-01-01", "tot": "2030-12-31", "omschrijving": "Ieder kind een goede start"}
                """.formatted(id))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/doelen/AMB-" + id))
                .andExpect(jsonPath("$.soort").value("ambitie"))
                .andExpect(jsonPath("$.van").value("2026-01-01"))
                .andExpect(jsonPath("$.tot").value("2030-12-31"));
        maak("""
                {"code": "WT-%s", "naam": "Toezicht op schoolgang", "soort": "wettelijke_taak", "wet": "Leerplichtwet 1969"}
                """.formatted(id))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.wet").value("Leerplichtwet 1969"));
        doel("D1-" + id, "AMB-" + id);
        doel("D2-" + id, "D1-" + id);
        doel("D3-" + id, "D2-" + id);

        mvc.perform(get("/api/doelen/D3-" + id).with(httpBasic(mt, WACHTWOORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ouder").value("D2-" + id))
                .andExpect(jsonPath("$.meetbaar").value(false));
        mvc.perform(get("/api/doelen/boom").with(httpBasic(mt, WACHTWOORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'AMB-%s')].kinderen[0].code".formatted(id)).value("D1-" + id))
                .andExpect(jsonPath("$[?(@.code == 'AMB-%s')].kinderen[0].kinderen[0].kinderen[0].code".formatted(id))
                        .value("D3-" + id))
                .andExpect(jsonPath("$[?(@.code == 'WT-%s')].wet".formatted(id)).value("Leerplichtwet 1969"))
                .andExpect(jsonPath("$[?(@.code == 'D3-%s')]".formatted(id)).isEmpty());
    }

    @Test
    void rootsAndDoelenAreCheckedPerField() throws Exception {
        maak("""
                {"code": "A-%s", "naam": "Zonder periode", "soort": "ambitie"}
                """.formatted(id))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.van").exists())
                .andExpect(jsonPath("$.velden.tot").exists());
        maak("""
                {"code": "A-%s", "naam": "Verkeerd om", "soort": "opgave", "van": "2027-01-01", "tot": "2026-01-01"}
                """.formatted(id))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.tot", containsString("ligt voor de begindatum 1 januari 2027")));
        maak("""
                {"code": "W-%s", "naam": "Zonder wet", "soort": "wettelijke_taak"}
                """.formatted(id))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.wet").exists());
        maak("""
                {"code": "D-%s", "naam": "Los doel", "soort": "doel"}
                """.formatted(id))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.ouder").exists());
        String wortel = ambitie("R-" + id);
        maak("""
                {"code": "A2-%s", "naam": "Ambitie onder ambitie", "soort": "ambitie", "ouder": "%s",
                 "van": "2026-01-01", "tot": "2027-01-01"}
                """.formatted(id, wortel))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.ouder").exists());
        maak("""
                {"code": "%s", "naam": "Dubbel", "soort": "ambitie", "van": "2026-01-01", "tot": "2027-01-01"}
                """.formatted(wortel))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.code").value("bestaat al"));
        maak("""
                {"code": "X-%s", "naam": "Onbekende ouder", "soort": "doel", "ouder": "BESTAAT-NIET"}
                """.formatted(id))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.ouder", containsString("BESTAAT-NIET")));
        mvc.perform(get("/api/doelen/X-" + id).with(httpBasic(mt, WACHTWOORD))).andExpect(status().isNotFound());
    }

    @Test
    void aCycleInTheTreeIsRefusedNamingOuder() throws Exception {
        String wortel = ambitie("R-" + id);
        String a = doel("A-" + id, wortel);
        String b = doel("B-" + id, a);
        String c = doel("C-" + id, b);

        stuur(put("/api/doelen/" + a), """
                {"naam": "Doel A", "soort": "doel", "ouder": "%s"}
                """.formatted(c))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.ouder", containsString("kring")));
        stuur(put("/api/doelen/" + a), """
                {"naam": "Doel A", "soort": "doel", "ouder": "%s"}
                """.formatted(a))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.ouder", containsString("zichzelf")));
        mvc.perform(get("/api/doelen/" + a).with(httpBasic(mt, WACHTWOORD)))
                .andExpect(jsonPath("$.ouder").value(wortel));

        // Moving a subtree elsewhere is fine.
        String andere = ambitie("R2-" + id);
        stuur(put("/api/doelen/" + b), """
                {"naam": "Doel B, verhuisd", "soort": "doel", "ouder": "%s"}
                """.formatted(andere))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ouder").value(andere))
                .andExpect(jsonPath("$.naam").value("Doel B, verhuisd"));
        mvc.perform(get("/api/doelen/" + c).with(httpBasic(mt, WACHTWOORD))).andExpect(jsonPath("$.ouder").value(b));
    }

    @Test
    void deleteIsRefusedWhileChildrenOrOpdrachtenDependOnIt() throws Exception {
        String wortel = ambitie("R-" + id);
        String kind = doel("K-" + id, wortel);
        Team team = teams.save(new Team("T" + id, "Team " + id, "team" + id.toLowerCase(), new BigDecimal("3")));
        Opdracht opdracht = opdrachtService.registreer(new OpdrachtAanvraag("Huiswerkklas", null, null, null,
                OpdrachtType.PROJECT, "onderwijs", null, null, team.getCode(), java.util.List.of(kind), null, null,
                null, null, null), mt);

        mvc.perform(delete("/api/doelen/" + wortel).with(httpBasic(mt, WACHTWOORD)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.melding", containsString("kan niet weg zolang er iets aan hangt: 1 doel eronder.")));
        mvc.perform(delete("/api/doelen/" + kind).with(httpBasic(mt, WACHTWOORD)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.melding", containsString("iets aan hangt: 1 opdracht.")));

        stuur(put("/api/opdrachten/" + opdracht.getSleutel() + "/doelen"), "[]").andExpect(status().isOk());
        mvc.perform(delete("/api/doelen/" + kind).with(httpBasic(mt, WACHTWOORD))).andExpect(status().isNoContent());
        mvc.perform(delete("/api/doelen/" + wortel).with(httpBasic(mt, WACHTWOORD))).andExpect(status().isNoContent());
        assertThat(jdbc.queryForObject("select count(*) from doel where code in (?, ?)", Long.class, wortel, kind))
                .isZero();
    }

    @Test
    void opdrachtLinksCarryAnExpectedContributionAndWeight() throws Exception {
        String wortel = ambitie("R-" + id);
        String eerste = doel("E-" + id, wortel);
        String tweede = doel("Z-" + id, wortel);
        Team team = teams.save(new Team("T" + id, "Team " + id, "team" + id.toLowerCase(), new BigDecimal("3")));
        Opdracht opdracht = opdrachtService.registreer(new OpdrachtAanvraag("Huiswerkklas", null, null, null,
                OpdrachtType.PROJECT, "onderwijs", null, null, team.getCode(), java.util.List.of(eerste), null,
                null, null, null, null), mt);
        String pad = "/api/opdrachten/" + opdracht.getSleutel() + "/doelen";
        mvc.perform(get("/api/opdrachten/" + opdracht.getSleutel()).with(httpBasic(mt, WACHTWOORD)))
                .andExpect(jsonPath("$.doelen[0].code").value(eerste))
                .andExpect(jsonPath("$.doelen[0].gewicht").value(1))
                .andExpect(jsonPath("$.doelen[0].bijdrage").doesNotExist());

        stuur(put(pad), """
                [{"doel": "%s", "bijdrage": "30 leerlingen minder uitval", "gewicht": 70},
                 {"doel": "%s", "bijdrage": "Ouders eerder in beeld", "gewicht": 30}]
                """.formatted(eerste, tweede))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/opdrachten/" + opdracht.getSleutel()).with(httpBasic(mt, WACHTWOORD)))
                .andExpect(jsonPath("$.doelen[0].code").value(eerste))
                .andExpect(jsonPath("$.doelen[0].bijdrage").value("30 leerlingen minder uitval"))
                .andExpect(jsonPath("$.doelen[0].gewicht").value(70))
                .andExpect(jsonPath("$.doelen[1].code").value(tweede))
                .andExpect(jsonPath("$.doelen[1].gewicht").value(30));
        mvc.perform(get("/api/doelen/boom").with(httpBasic(mt, WACHTWOORD)))
                .andExpect(jsonPath("$[?(@.code == '%s')].kinderen[0].opdrachten[0].opdracht".formatted(wortel))
                        .value(opdracht.getSleutel()))
                .andExpect(jsonPath("$[?(@.code == '%s')].kinderen[0].opdrachten[0].gewicht".formatted(wortel))
                        .value(70));

        stuur(put(pad), """
                [{"doel": "%s", "gewicht": 0}, {"doel": "%s", "gewicht": 101}, {"doel": "%s", "gewicht": 5}]
                """.formatted(eerste, tweede, tweede))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden['doelen[0].gewicht']").exists())
                .andExpect(jsonPath("$.velden['doelen[1].gewicht']").exists())
                .andExpect(jsonPath("$.velden['doelen[2].doel']", containsString("twee keer")));
        stuur(put(pad), """
                [{"doel": "ONBEKEND-%s", "gewicht": 5}]
                """.formatted(id))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.doelen", containsString("ONBEKEND-" + id)));
        assertThat(jdbc.queryForList("select gewicht from opdracht_doel where opdracht_id = ? order by gewicht",
                Integer.class, opdracht.getId())).as("refused changes leave the links as they were")
                .containsExactly(30, 70);

        // Keep one, drop the other.
        stuur(put(pad), """
                [{"doel": "%s", "bijdrage": "Alles op verzuim", "gewicht": 100}]
                """.formatted(tweede))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForList("select gewicht from opdracht_doel where opdracht_id = ?", Integer.class,
                opdracht.getId())).containsExactly(100);
    }
}
