package nl.stuurwiel.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.indicator.IndicatorInvoer;
import nl.stuurwiel.indicator.IndicatorService;
import nl.stuurwiel.indicator.Meetfrequentie;
import nl.stuurwiel.indicator.Meting;
import nl.stuurwiel.indicator.MetingInvoer;
import nl.stuurwiel.indicator.Richting;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.StatusKleur;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.system.OngeldigeInvoerException;

/**
 * The progress report asks for the metingen of the opdracht's own indicators, prefilled, and
 * proposes the colour status-kleur.dmn computes; another colour needs a written reason.
 */
class ReviewMetingenTest extends LevenscyclusTestBasis {

    @Autowired
    MockMvc mvc;

    @Autowired
    IndicatorService indicatorService;
    @Autowired
    StatusKleurService statusKleurService;

    private final ObjectMapper json = new ObjectMapper();

    /** The quarter a review looks back on: the last one that is over. */
    private static LocalDate vorigKwartaal() {
        return Meetfrequentie.KWARTAAL.periodeVan(Klok.vandaag()).minusMonths(3);
    }

    private Indicator eigenIndicator(ProcessInstance pi, String naam) {
        LocalDate basis = vorigKwartaal().minusMonths(3);
        return indicatorService.maak(new IndicatorInvoer(null, pi.getBusinessKey(), naam, null, "huishoudens",
                Richting.HOGER_BETER, new BigDecimal("10"), basis, new BigDecimal("80"), basis.plusYears(1), null,
                Meetfrequentie.KWARTAAL, null, null));
    }

    /** Without baseline and target: its values do not move the computed colour. */
    private Indicator onmeetbareIndicator(ProcessInstance pi, String naam) {
        return indicatorService.maak(new IndicatorInvoer(null, pi.getBusinessKey(), naam, null, "huishoudens",
                Richting.HOGER_BETER, null, null, null, null, null, Meetfrequentie.KWARTAAL, null, null));
    }

    private void meet(Indicator indicator, LocalDate periode, String waarde) {
        indicatorService.meet(indicator.getId(), new MetingInvoer(periode.toString(), new BigDecimal(waarde), null,
                "Eerder verhaal", null));
    }

    private Task reviewOpen(ProcessInstance pi) {
        voerUit(timer(pi, Element.TIMER_REVIEWCYCLUS));
        return taak(pi, Element.VOORTGANG_RAPPORTEREN);
    }

    private JsonNode regels(Task taak) throws Exception {
        return json.readTree(taskService.getVariable(taak.getId(), ReviewOpenenDelegate.METINGEN).toString());
    }

    private String berekend(ProcessInstance pi) {
        return statusKleurService.bepaal(statusKleurService.invoer(pi.getBusinessKey(), Klok.vandaag())).name()
                .toLowerCase(Locale.ROOT);
    }

    private static String andere(String kleur) {
        return kleur.equals("rood") ? "groen" : "rood";
    }

    private void rapporteer(ProcessInstance pi, String kleur, String reden, String metingen) {
        Map<String, Object> variabelen = Variables.createVariables().putValue(Var.VOORTGANG, "Loopt")
                .putValue(Var.VOORSTEL, "doorgaan").putValue(ReviewOpenenDelegate.KLEUR_TOELICHTING, reden);
        if (kleur != null) {
            variabelen.put(Var.STATUS_KLEUR, kleur);
        }
        if (metingen != null) {
            variabelen.put(ReviewOpenenDelegate.METINGEN, SpinValues.jsonValue(metingen).create());
        }
        taskService.complete(taak(pi, Element.VOORTGANG_RAPPORTEREN).getId(), variabelen);
    }

    private List<Meting> versies(Indicator indicator, LocalDate periode) {
        return indicatorService.actueleMetingen(indicator.getId()).isEmpty() ? List.of()
                : indicatorService.actueleMetingen(indicator.getId()).stream().anyMatch(m -> m.getPeriode().equals(periode))
                        ? indicatorService.historie(indicator.getId(), periode.toString()) : List.of();
    }

    @Test
    void theFormProposesTheComputedColourAndPrefillsEveryOwnIndicatorWithItsLastValue() throws Exception {
        ProcessInstance pi = inUitvoering();
        Indicator nieuw = eigenIndicator(pi, "Regelingen getroffen");
        Indicator gemeten = eigenIndicator(pi, "Huishoudens bereikt");
        meet(nieuw, vorigKwartaal().minusMonths(3), "1250.5");
        meet(gemeten, vorigKwartaal(), "7");
        Indicator vervallen = eigenIndicator(pi, "Niet meer gevolgd");
        indicatorService.laatVervallen(vervallen.getId());

        Task taak = reviewOpen(pi);

        String kleur = berekend(pi);
        assertThat(taskService.getVariable(taak.getId(), ReviewOpenenDelegate.BEREKENDE_KLEUR)).isEqualTo(kleur);
        assertThat(taskService.getVariable(taak.getId(), Var.STATUS_KLEUR)).as("preselected").isEqualTo(kleur);
        JsonNode regels = regels(taak);
        assertThat(regels).hasSize(2);
        assertThat(regels.get(0).path("naam").asText()).isEqualTo("Regelingen getroffen (huishoudens)");
        assertThat(regels.get(0).path("periode").asText()).as("named as people do")
                .isEqualTo(Meetfrequentie.KWARTAAL.naam(vorigKwartaal()));
        assertThat(regels.get(0).path("waarde").decimalValue()).as("the value before").isEqualByComparingTo("1250.5");
        assertThat(regels.get(0).path("vorigeWaarde").asText()).as("in Dutch notation").isEqualTo("1.250,5 ("
                + Meetfrequentie.KWARTAAL.naam(vorigKwartaal().minusMonths(3)) + ")");
        assertThat(regels.get(1).path("waarde").decimalValue()).as("this period's value").isEqualByComparingTo("7");
        assertThat(regels.get(1).path("verhaal").asText()).isEqualTo("Eerder verhaal");
        assertThat(variabele(pi, ReviewOpenenDelegate.METINGEN)).as("local to the review").isNull();
    }

    @Test
    void acceptingTheProposedColourNeedsNoReasonAndKeepsTheComputedColourWithTheReport() {
        ProcessInstance pi = inUitvoering();
        reviewOpen(pi);
        String kleur = berekend(pi);

        rapporteer(pi, null, null, null);

        Voortgangsrapportage rapport = portfolio.rapportages(pi.getBusinessKey()).get(0);
        assertThat(rapport.getStatusKleur().name().toLowerCase(Locale.ROOT)).isEqualTo(kleur);
        assertThat(rapport.getBerekendeStatusKleur()).isEqualTo(rapport.getStatusKleur());
        assertThat(rapport.getKleurToelichting()).isNull();
        assertThat(opdracht(pi).getBerekendeStatusKleur()).isEqualTo(rapport.getStatusKleur());
        assertThat(pi).isNotNull();
        assertThat(taak(pi, Element.REVIEW_BEOORDELEN)).isNotNull();
    }

    /**
     * The team's new metingen can change the computed colour after the form proposed one; keeping
     * the proposal needs no reason (the reason field is hidden then), and both colours are kept.
     */
    @Test
    void keepingTheProposedColourNeedsNoReasonWhenTheTeamsOwnMetingenChangeTheComputedOne() {
        ProcessInstance pi = inUitvoering();
        eigenIndicator(pi, "Huishoudens bereikt");
        reviewOpen(pi);
        String voorgesteld = berekend(pi);
        String metingen = "[{\"naam\": \"Huishoudens bereikt\", \"periode\": \"" + vorigKwartaal()
                + "\", \"waarde\": " + (voorgesteld.equals("groen") ? "0" : "80") + "}]";

        rapporteer(pi, voorgesteld, null, metingen);

        Voortgangsrapportage rapport = portfolio.rapportages(pi.getBusinessKey()).get(0);
        assertThat(rapport.getBerekendeStatusKleur().name().toLowerCase(Locale.ROOT))
                .as("the new meting moved the computed colour").isNotEqualTo(voorgesteld);
        assertThat(rapport.getStatusKleur().name().toLowerCase(Locale.ROOT)).isEqualTo(voorgesteld);
        assertThat(rapport.getKleurToelichting()).isNull();
        assertThat(taak(pi, Element.REVIEW_BEOORDELEN)).isNotNull();
    }

    @Test
    void anotherColourWithoutAReasonIsRefusedAndNothingIsStoredWithAReasonBothAreKept() throws Exception {
        ProcessInstance pi = inUitvoering();
        Indicator indicator = onmeetbareIndicator(pi, "Regelingen getroffen");
        Task taak = reviewOpen(pi);
        String kleur = berekend(pi);
        String metingen = "[{\"naam\": \"Regelingen getroffen\", \"periode\": \"" + vorigKwartaal()
                + "\", \"waarde\": 25, \"verhaal\": \"Meer aanmeldingen via de huisarts\"}]";

        OngeldigeInvoerException fout = geweigerd(() -> rapporteer(pi, andere(kleur), " ", metingen));

        assertThat(fout.getVelden()).containsKey(ReviewOpenenDelegate.KLEUR_TOELICHTING);
        assertThat(taak(pi, Element.VOORTGANG_RAPPORTEREN).getId()).isEqualTo(taak.getId());
        assertThat(portfolio.rapportages(pi.getBusinessKey()).get(0).getIngediendOp()).isNull();
        assertThat(opdracht(pi).getStatusKleur()).isNull();
        assertThat(indicatorService.actueleMetingen(indicator.getId())).as("no meting stored").isEmpty();

        rapporteer(pi, andere(kleur), "De cijfers lopen een kwartaal achter", metingen);

        Voortgangsrapportage rapport = portfolio.rapportages(pi.getBusinessKey()).get(0);
        assertThat(rapport.getStatusKleur().name().toLowerCase(Locale.ROOT)).isEqualTo(andere(kleur));
        assertThat(rapport.getBerekendeStatusKleur()).isNotNull().isNotEqualTo(rapport.getStatusKleur());
        assertThat(rapport.getKleurToelichting()).isEqualTo("De cijfers lopen een kwartaal achter");
        Opdracht opdracht = opdracht(pi);
        assertThat(opdracht.getStatusKleur()).isEqualTo(rapport.getStatusKleur());
        assertThat(opdracht.getBerekendeStatusKleur()).isEqualTo(rapport.getBerekendeStatusKleur());
        String mt = portfolio.gebruiker("kleurmt" + System.nanoTime(), "Kleur-Test-Wachtwoord-1", Rollen.MT);
        mvc.perform(get("/api/opdrachten").param("zoek", pi.getBusinessKey())
                .with(httpBasic(mt, "Kleur-Test-Wachtwoord-1")))
                .andExpect(jsonPath("$.inhoud[0].statusKleur").value(andere(kleur)))
                .andExpect(jsonPath("$.inhoud[0].berekendeStatusKleur")
                        .value(rapport.getBerekendeStatusKleur().name().toLowerCase(Locale.ROOT)));
        List<Meting> opgeslagen = versies(indicator, vorigKwartaal());
        assertThat(opgeslagen).singleElement().satisfies(m -> {
            assertThat(m.getWaarde()).isEqualByComparingTo("25");
            assertThat(m.getVerhaal()).isEqualTo("Meer aanmeldingen via de huisarts");
        });
    }

    @Test
    void submittedRowsStoreChangedValuesOnceAndRefuseBadOnesByRow() {
        ProcessInstance pi = inUitvoering();
        Indicator eerste = eigenIndicator(pi, "Regelingen getroffen");
        Indicator tweede = eigenIndicator(pi, "Huishoudens bereikt");
        meet(tweede, vorigKwartaal(), "7");
        reviewOpen(pi);
        String kleur = berekend(pi);

        OngeldigeInvoerException fout = geweigerd(() -> rapporteer(pi, kleur, "Reden",
                "[{\"waarde\": \"veel\"}, {\"waarde\": 8}]"));
        assertThat(fout.getVelden()).containsKeys("metingen[0].waarde", "metingen[1].toelichting");
        assertThat(versies(tweede, vorigKwartaal())).hasSize(1);

        rapporteer(pi, kleur, "Reden", "[{\"waarde\": null}, {\"waarde\": 7.0}]");

        assertThat(indicatorService.actueleMetingen(eerste.getId())).as("empty row skipped").isEmpty();
        assertThat(versies(tweede, vorigKwartaal())).as("same value: no new version").hasSize(1);
    }
}
