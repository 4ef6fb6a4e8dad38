package nl.stuurwiel.dashboard;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.doel.DoelRepository;
import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.indicator.IndicatorRepository;
import nl.stuurwiel.indicator.Meetfrequentie;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.opdracht.OpdrachtAanvraag;
import nl.stuurwiel.review.ReviewOpenenDelegate;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.security.StandaardAutorisaties;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.team.Team;
import nl.stuurwiel.team.TeamRepository;

/**
 * The impact view against a portfolio worked out by hand.
 *
 * <p>Doel D (under ambitie A) is followed by "Aantal thuiszitters" (lager beter, per quarter,
 * baseline 120 on 2026-01-01, target 60 on 2028-01-01: 730 days). Metingen: Q1 118, Q2 110 then
 * corrected to 108, Q3 104. The straight line at the end of Q3 (2026-10-01, day 273) is
 * 120 - 60 * 273/730 = 97.5616; 104 is 6.4384 worse, -6.60% from the norm, and 6.4384/60 = 10.7%
 * of the planned change behind: between 10% and 25%, so "achter". Trend over 118, 108, 104:
 * verbetert.
 *
 * <p>Opdracht P1 (team A, open) links D with weight 70 and doel E with 30, so D gets 70% of its
 * 40.000 / 1,5 FTE and of the 10.000 / 1,0 FTE its progress report says: 28.000, 1,05 FTE,
 * 7.000 spent, 0,70 FTE used. Opdracht P2 (team A, confidential, in intake) links D only:
 * 40.000, 1,5 FTE. Team A and MT see 68.000 and 2,55 FTE for D; a member of team B sees P1 only.
 */
class ImpactTest extends LevenscyclusTestBasis {

    private static final String WACHTWOORD = "Impact-Test-Wachtwoord-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    IndicatorRepository indicatoren;
    @Autowired
    StandaardAutorisaties autorisaties;
    @Autowired
    TeamRepository teams;
    @Autowired
    DoelRepository doelen;

    Doel doel;
    Doel ander;
    Indicator indicator;
    String p1;
    String p2;
    String mt;
    String lidA;
    String lidB;

    @BeforeEach
    void portfolioMetMetingen() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        // Camunda group ids are letters and digits only.
        Team teamA = teams.save(new Team("TA" + id, "Team A " + id, "teama" + id, new BigDecimal("5.0")));
        Team teamB = teams.save(new Team("TB" + id, "Team B " + id, "teamb" + id, new BigDecimal("5.0")));
        autorisaties.teamGroep(teamA.getGroepId(), teamA.getNaam());
        autorisaties.teamGroep(teamB.getGroepId(), teamB.getNaam());
        mt = portfolio.gebruiker("mt" + id, WACHTWOORD, Rollen.MT);
        lidA = portfolio.gebruiker("lida" + id, WACHTWOORD, teamA.getGroepId());
        lidB = portfolio.gebruiker("lidb" + id, WACHTWOORD, teamB.getGroepId());
        doel = portfolio.doel();
        ander = portfolio.doel();
        indicator = indicatoren.zoek(doel.getCode(), null).get(0);

        ProcessInstance eerste = vraagAan(portfolio.volledigeAanvraag(teamA, doel));
        p1 = eerste.getBusinessKey();
        portfolio.wijzig(p1, o -> {
            o.koppel(doelen.findByCode(doel.getCode()).orElseThrow(), "Vroeg contact met ouders", 70);
            o.koppel(doelen.findByCode(ander.getCode()).orElseThrow(), "Betere registratie", 30);
        });
        accepteer(eerste);
        start(eerste);
        voerUit(timer(eerste, Element.TIMER_REVIEWCYCLUS));
        // The computed colour may differ from the team's green; the team says why.
        rond(eerste, Element.VOORTGANG_RAPPORTEREN, Var.STATUS_KLEUR, "groen",
                ReviewOpenenDelegate.KLEUR_TOELICHTING, "Het team weegt ook wat de cijfers niet tonen",
                Var.VOORTGANG, "Op schema", Var.BESTEED_BUDGET, "10000", Var.INGEZETTE_FTE, 1.0, Var.VOORSTEL,
                "doorgaan");
        OpdrachtAanvraag a = portfolio.volledigeAanvraag(teamA, doel);
        p2 = vraagAan(new OpdrachtAanvraag("Gezin in crisis", a.vraagstuk(), a.verwachtResultaat(), a.beleidstheorie(),
                a.type(), a.domein(), a.gebied(), a.opdrachtgever(), a.team(), a.doelen(), a.budget(), a.fte(),
                a.startdatum(), a.einddatum(), a.reviewFrequentie(), true)).getBusinessKey();

        meet("2026-01-01", "118", null);
        meet("2026-04-01", "110", null);
        meet("2026-04-01", "108", "Dubbeltelling in de bron hersteld");
        meet("2026-07-01", "104", null);
    }

    private void meet(String periode, String waarde, String toelichting) throws Exception {
        mvc.perform(post("/api/indicatoren/{id}/metingen", indicator.getId()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"periode": "%s", "waarde": %s, "toelichting": %s}
                        """.formatted(periode, waarde, toelichting == null ? "null" : "\"" + toelichting + "\""))
                .with(httpBasic(mt, WACHTWOORD))).andExpect(status().isCreated());
    }

    private ResultActions impact(String gebruiker, String parameter, String waarde) throws Exception {
        return mvc.perform(get("/api/dashboard/impact").param(parameter, waarde).with(httpBasic(gebruiker, WACHTWOORD)));
    }

    @Test
    void indicatorSeriesTargetLineAndRealisationEqualTheHandComputedFigures() throws Exception {
        String i = "$.doelen[0].indicatoren[0]";
        impact(mt, "doel", doel.getCode()).andExpect(status().isOk())
                .andExpect(jsonPath("$.doelen.length()").value(1))
                .andExpect(jsonPath("$.doelen[0].code").value(doel.getCode()))
                .andExpect(jsonPath(i + ".naam").value("Aantal thuiszitters"))
                .andExpect(jsonPath(i + ".traject[0].datum").value("2026-01-01"))
                .andExpect(jsonPath(i + ".traject[0].waarde").value(120))
                .andExpect(jsonPath(i + ".traject[1].datum").value("2028-01-01"))
                .andExpect(jsonPath(i + ".traject[1].waarde").value(60))
                .andExpect(jsonPath(i + ".metingen[*].periode", contains("2026-01-01", "2026-04-01", "2026-07-01")))
                .andExpect(jsonPath(i + ".metingen[*].peildatum", contains("2026-04-01", "2026-07-01", "2026-10-01")))
                .andExpect(jsonPath(i + ".metingen[*].waarde", contains(118.0, 108.0, 104.0)))
                .andExpect(jsonPath(i + ".metingen[*].versie", contains(1, 2, 1)))
                .andExpect(jsonPath(i + ".metingen[1].toelichting").value("Dubbeltelling in de bron hersteld"))
                .andExpect(jsonPath(i + ".metingen[*].norm", contains(112.6027, 105.1233, 97.5616)))
                .andExpect(jsonPath(i + ".realisatie.huidigePeriode").value("2026-07-01"))
                .andExpect(jsonPath(i + ".realisatie.huidigeWaarde").value(104))
                .andExpect(jsonPath(i + ".realisatie.vorigeWaarde").value(108))
                .andExpect(jsonPath(i + ".realisatie.huidigeNorm").value(97.5616))
                .andExpect(jsonPath(i + ".realisatie.normBron").value("traject"))
                .andExpect(jsonPath(i + ".realisatie.afwijkingVanNorm").value(-0.0660))
                .andExpect(jsonPath(i + ".realisatie.volgendeNorm").value(90.0))
                .andExpect(jsonPath(i + ".realisatie.veranderingSindsBasis").value(-16.0))
                .andExpect(jsonPath(i + ".realisatie.trend").value("verbetert"))
                .andExpect(jsonPath(i + ".realisatie.status").value("achter"));
    }

    @Test
    void moneyAndPeoplePerDoelAreSharedOutByWeight() throws Exception {
        String d = "$.doelen[0]";
        impact(mt, "doel", doel.getCode()).andExpect(status().isOk())
                .andExpect(jsonPath(d + ".opdrachten[*].sleutel", contains(p1, p2)))
                .andExpect(jsonPath(d + ".opdrachten[0].gewicht").value(70))
                .andExpect(jsonPath(d + ".opdrachten[0].aandeel").value(0.7))
                .andExpect(jsonPath(d + ".opdrachten[0].bijdrage").value("Vroeg contact met ouders"))
                .andExpect(jsonPath(d + ".opdrachten[0].fase").value("review"))
                .andExpect(jsonPath(d + ".middelen.aantal").value(2))
                .andExpect(jsonPath(d + ".middelen.budget").value(68000.00))
                .andExpect(jsonPath(d + ".middelen.fte").value(2.55))
                .andExpect(jsonPath(d + ".middelen.besteed").value(7000.00))
                .andExpect(jsonPath(d + ".middelen.ingezetteFte").value(0.70));

        // The ambitie above D has nothing linked itself; with what hangs under it, it has D's figures.
        impact(mt, "doel", doel.getOuder().getCode()).andExpect(status().isOk())
                .andExpect(jsonPath("$.doelen[*].code", contains(doel.getOuder().getCode(), doel.getCode())))
                .andExpect(jsonPath("$.doelen[*].niveau", contains(0, 1)))
                .andExpect(jsonPath("$.doelen[0].middelen.aantal").value(0))
                .andExpect(jsonPath("$.doelen[0].middelenInclusiefOnderliggend.aantal").value(2))
                .andExpect(jsonPath("$.doelen[0].middelenInclusiefOnderliggend.budget").value(68000.00));

        // The overview shares out the same way; for team B without the confidential opdracht.
        String ander = "$.perDoel[?(@.groep == '" + this.ander.getCode() + "')]";
        String eigen = "$.perDoel[?(@.groep == '" + doel.getCode() + "')]";
        mvc.perform(get("/api/dashboard").with(httpBasic(mt, WACHTWOORD))).andExpect(status().isOk())
                .andExpect(jsonPath(ander + ".naam", contains(this.ander.getNaam())))
                .andExpect(jsonPath(ander + ".aantal", contains(1)))
                .andExpect(jsonPath(ander + ".budget", contains(12000.00)))
                .andExpect(jsonPath(ander + ".fte", contains(0.45)))
                .andExpect(jsonPath(ander + ".besteed", contains(3000.00)))
                .andExpect(jsonPath(ander + ".ingezetteFte", contains(0.30)))
                .andExpect(jsonPath(eigen + ".budget", contains(68000.00)));
        mvc.perform(get("/api/dashboard").with(httpBasic(lidB, WACHTWOORD))).andExpect(status().isOk())
                .andExpect(jsonPath(eigen + ".aantal", contains(1)))
                .andExpect(jsonPath(eigen + ".budget", contains(28000.00)));
    }

    @Test
    void aConfidentialOpdrachtCountsOnlyForThoseWhoMaySeeIt() throws Exception {
        String d = "$.doelen[0]";
        impact(lidA, "doel", doel.getCode()).andExpect(status().isOk())
                .andExpect(jsonPath(d + ".opdrachten[*].sleutel", containsInAnyOrder(p1, p2)));
        impact(lidB, "doel", doel.getCode()).andExpect(status().isOk())
                .andExpect(jsonPath(d + ".opdrachten[*].sleutel", contains(p1)))
                .andExpect(jsonPath(d + ".middelen.aantal").value(1))
                .andExpect(jsonPath(d + ".middelen.budget").value(28000.00))
                .andExpect(jsonPath(d + ".middelen.fte").value(1.05));
        impact(lidB, "opdracht", p2).andExpect(status().isNotFound());
        impact(lidB, "opdracht", "OPD-0000-BESTAATNIET").andExpect(status().isNotFound());
        impact(lidA, "opdracht", p2).andExpect(status().isOk())
                .andExpect(jsonPath("$.opdracht").value(p2))
                .andExpect(jsonPath("$.doelen[*].code", contains(doel.getCode())));
        impact(lidB, "opdracht", p1).andExpect(status().isOk())
                .andExpect(jsonPath("$.doelen[*].code", containsInAnyOrder(doel.getCode(), ander.getCode())))
                .andExpect(jsonPath("$.doelen[?(@.code == '" + doel.getCode() + "')].opdrachten[*].sleutel",
                        contains(p1)));
    }

    @Test
    void theGoalTreeLeavesOutConfidentialOpdrachtenToo() throws Exception {
        String opdrachten = "$..[?(@.code == '" + doel.getCode() + "')].opdrachten[*].opdracht";
        mvc.perform(get("/api/doelen/boom").with(httpBasic(lidB, WACHTWOORD))).andExpect(status().isOk())
                .andExpect(jsonPath(opdrachten, contains(p1)));
        mvc.perform(get("/api/doelen/boom").with(httpBasic(lidA, WACHTWOORD))).andExpect(status().isOk())
                .andExpect(jsonPath(opdrachten, containsInAnyOrder(p1, p2)));
    }

    @Test
    void whoMayMeasureIsToldWithThePeriodsToChoose() throws Exception {
        // The periods that have begun, newest first, back to the baseline's quarter (2026 K1), at most eight.
        List<String> perioden = new ArrayList<>();
        for (LocalDate p = Meetfrequentie.KWARTAAL.periodeVan(Klok.vandaag());
                perioden.size() < 8 && !p.isBefore(LocalDate.of(2026, 1, 1)); p = p.minusMonths(3)) {
            perioden.add(p.toString());
        }
        String i = "$.doelen[0].indicatoren[0]";
        impact(mt, "doel", doel.getCode()).andExpect(status().isOk())
                .andExpect(jsonPath(i + ".magMeten").value(true))
                .andExpect(jsonPath(i + ".invoerPerioden[*].periode").value(contains(perioden.toArray())))
                .andExpect(jsonPath(i + ".invoerPerioden[0].naam")
                        .value(Meetfrequentie.KWARTAAL.naam(LocalDate.parse(perioden.get(0)))));
        impact(lidB, "doel", doel.getCode()).andExpect(status().isOk())
                .andExpect(jsonPath(i + ".magMeten").value(false))
                .andExpect(jsonPath(i + ".invoerPerioden").isEmpty());

        // The owner may measure the indicator, whatever team they are in.
        indicator.setEigenaar(lidB);
        indicatoren.save(indicator);
        impact(lidB, "doel", doel.getCode()).andExpect(jsonPath(i + ".magMeten").value(true));

        // A retired indicator takes no metingen, from anyone.
        mvc.perform(post("/api/indicatoren/{id}/vervallen", indicator.getId()).with(httpBasic(mt, WACHTWOORD)))
                .andExpect(status().isOk());
        impact(mt, "doel", doel.getCode()).andExpect(jsonPath(i + ".magMeten").value(false))
                .andExpect(jsonPath(i + ".invoerPerioden").isEmpty());
    }

    @Test
    void unknownDoelIsNotFoundAndTheViewNeedsALogin() throws Exception {
        impact(mt, "doel", "BESTAAT-NIET").andExpect(status().isNotFound());
        mvc.perform(get("/api/dashboard/impact")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/dashboard/impact").param("doel", doel.getCode()).param("opdracht", p1)
                .with(httpBasic(mt, WACHTWOORD))).andExpect(status().isBadRequest());
    }
}
