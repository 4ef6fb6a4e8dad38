package nl.stuurwiel.review;

import static java.time.temporal.ChronoUnit.MONTHS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;

import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.LevenscyclusProces.Besluit;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.StatusKleur;
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.system.OngeldigeInvoerException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The periodic review inside execution: the non-interrupting cycle timer, the team's report and
 * the manager's decision to go on or to stop (adjusting has its own test in bijstelling).
 */
class ReviewcyclusProcesTest extends LevenscyclusTestBasis {

    /** Computed colours differ from what these tests report; the team says why. */
    private static final String KLEUR_REDEN = ReviewOpenenDelegate.KLEUR_TOELICHTING;
    private static final String REDEN = "Het team weegt ook wat de cijfers niet tonen";

    /** MT may start an opdracht before its start date: the first review falls a cycle after that date. */
    @Test
    void theFirstReviewOfAnOpdrachtThatStartsLaterFallsACycleAfterItsStartDate() {
        LocalDate startdatum = Klok.vandaag().plusMonths(2);
        nl.stuurwiel.opdracht.OpdrachtAanvraag volledig = portfolio.volledigeAanvraag(portfolio.team("5.0"), portfolio.doel());
        ProcessInstance pi = vraagAan(new nl.stuurwiel.opdracht.OpdrachtAanvraag(volledig.titel(), volledig.vraagstuk(),
                volledig.verwachtResultaat(), volledig.beleidstheorie(), volledig.type(), volledig.domein(),
                volledig.gebied(), volledig.opdrachtgever(), volledig.team(), volledig.doelen(), volledig.budget(),
                volledig.fte(), startdatum, startdatum.plusMonths(6), volledig.reviewFrequentie()));
        accepteer(pi);
        start(pi);

        Job eerste = timer(pi, Element.TIMER_REVIEWCYCLUS);
        assertThat(eerste.getDuedate()).isEqualTo(begin(startdatum.plusMonths(1)));
        ClockUtil.setCurrentTime(eerste.getDuedate());
        voerUit(eerste);
        assertThat(taken(pi, Element.VOORTGANG_RAPPORTEREN)).hasSize(1);
        assertThat(timer(pi, Element.TIMER_REVIEWCYCLUS).getDuedate()).as("and a cycle after that")
                .isEqualTo(begin(startdatum.plusMonths(2)));
    }

    @Test
    void everyReviewMomentOpensTheNextNumberedReportWhileTheTeamWorksOn() {
        ProcessInstance pi = inUitvoering();
        String teamGroep = (String) variabele(pi, Var.TEAM_GROEP);

        Job eerste = timer(pi, Element.TIMER_REVIEWCYCLUS);
        assertThat(eerste.getDuedate()).isEqualTo(nuPlus(1, MONTHS));
        ClockUtil.setCurrentTime(eerste.getDuedate());
        voerUit(eerste);

        assertThat(pi).isWaitingAt(Element.UITVOEREN, Element.VOORTGANG_RAPPORTEREN);
        Task rapporteren = taak(pi, Element.VOORTGANG_RAPPORTEREN);
        assertThat(rapporteren).hasCandidateGroup(teamGroep);
        assertThat(taskService.getVariable(rapporteren.getId(), ReviewOpenenDelegate.RAPPORTAGE_NUMMER)).isEqualTo(1);
        assertThat(variabele(pi, ReviewOpenenDelegate.RAPPORTAGE_NUMMER)).as("local to the review").isNull();
        Voortgangsrapportage open = portfolio.rapportages(pi.getBusinessKey()).get(0);
        assertThat(open.getPeildatum()).isEqualTo(Klok.vandaag());
        assertThat(open.getIngediendOp()).isNull();
        assertThat(open.getBesluit()).isNull();
        assertFase(pi, Fase.REVIEW);
        nl.stuurwiel.opdracht.Opdracht opdracht = opdracht(pi);
        nl.stuurwiel.system.Opmaak opmaak = new nl.stuurwiel.system.Opmaak();
        String gepland = "Gepland: budget " + opmaak.euro(opdracht.getBudget()) + ", " + opmaak.getal(opdracht.getFte()) + " fte.";
        assertThat(taskService.getVariable(rapporteren.getId(), ReviewOpenenDelegate.STAND))
                .isEqualTo("Dit is de eerste rapportage. " + gepland);
        LocalDate eerstePeildatum = open.getPeildatum();

        rond(pi, Element.VOORTGANG_RAPPORTEREN, Var.STATUS_KLEUR, "groen", KLEUR_REDEN, REDEN,
                Var.VOORTGANG, "Op schema", Var.BESTEED_BUDGET, 12500.5, Var.INGEZETTE_FTE, 0.8,
                Var.VOORSTEL, "doorgaan");
        rond(pi, Element.REVIEW_BEOORDELEN, Var.REVIEW_BESLUIT, "doorgaan");
        assertFase(pi, Fase.UITVOERING);

        Job tweede = timer(pi, Element.TIMER_REVIEWCYCLUS);
        assertThat(tweede.getId()).isNotEqualTo(eerste.getId());
        assertThat(tweede.getDuedate()).isEqualTo(nuPlus(2, MONTHS));
        ClockUtil.setCurrentTime(tweede.getDuedate());
        voerUit(tweede);

        assertThat(taskService.getVariable(taak(pi, Element.VOORTGANG_RAPPORTEREN).getId(),
                ReviewOpenenDelegate.RAPPORTAGE_NUMMER)).isEqualTo(2);
        assertThat(taskService.getVariable(taak(pi, Element.VOORTGANG_RAPPORTEREN).getId(), ReviewOpenenDelegate.STAND))
                .as("what the team reported last time, to enter the running total against")
                .isEqualTo("Vorige rapportage (" + opmaak.datum(eerstePeildatum) + "): € 12.500,50 besteed, 0,8 fte ingezet. "
                        + gepland);
        assertThat(portfolio.rapportages(pi.getBusinessKey())).extracting(Voortgangsrapportage::getVolgnummer)
                .containsExactly(1, 2);
        assertThat(taken(pi, Element.UITVOEREN)).hasSize(1);
        assertThat(heeftTimer(pi, Element.TIMER_REVIEWCYCLUS)).as("the cycle goes on").isTrue();
        assertFase(pi, Fase.REVIEW);
    }

    @Test
    void aReviewMomentWhileTheLastReviewIsStillOpenIsSkipped() {
        ProcessInstance pi = inUitvoering();
        voerUit(timer(pi, Element.TIMER_REVIEWCYCLUS));
        Job volgende = timer(pi, Element.TIMER_REVIEWCYCLUS);
        ClockUtil.setCurrentTime(volgende.getDuedate());
        voerUit(volgende);

        assertThat(pi).hasPassed(Element.EIND_REVIEW_OVERGESLAGEN).isWaitingAt(Element.UITVOEREN,
                Element.VOORTGANG_RAPPORTEREN);
        assertThat(taken(pi, Element.VOORTGANG_RAPPORTEREN)).hasSize(1);
        assertThat(portfolio.rapportages(pi.getBusinessKey())).hasSize(1);
        assertThat(heeftTimer(pi, Element.TIMER_REVIEWCYCLUS)).as("the cycle goes on").isTrue();
        assertFase(pi, Fase.REVIEW);

        rond(pi, Element.VOORTGANG_RAPPORTEREN, Var.STATUS_KLEUR, "oranje", KLEUR_REDEN, REDEN,
                Var.VOORTGANG, "Vertraagd",
                Var.VOORSTEL, "bijsturen");
        rond(pi, Element.REVIEW_BEOORDELEN, Var.REVIEW_BESLUIT, "bijsturen", Var.REVIEW_TOELICHTING,
                "Stel een nieuwe planning op");
        Job tijdensBijstelling = timer(pi, Element.TIMER_REVIEWCYCLUS);
        ClockUtil.setCurrentTime(tijdensBijstelling.getDuedate());
        voerUit(tijdensBijstelling);

        assertThat(pi).isWaitingAt(Element.UITVOEREN, Element.BIJSTELLING_OPSTELLEN);
        assertThat(taken(pi, Element.VOORTGANG_RAPPORTEREN)).isEmpty();
        assertThat(portfolio.rapportages(pi.getBusinessKey())).hasSize(1);
        assertFase(pi, Fase.BIJSTELLING);
    }

    @Test
    void doorgaanRecordsReportAndDecisionAndExecutionGoesOn() {
        ProcessInstance pi = inUitvoering();
        voerUit(timer(pi, Element.TIMER_REVIEWCYCLUS));
        // Handed in and decided days later on the engine clock: the report's times follow it.
        java.util.Date ingediendOp = new java.util.Date(ClockUtil.getCurrentTime().getTime() + 3 * 86_400_000L);
        ClockUtil.setCurrentTime(ingediendOp);

        rond(pi, Element.VOORTGANG_RAPPORTEREN, Var.STATUS_KLEUR, "oranje", KLEUR_REDEN, REDEN,
                Var.VOORTGANG,
                "Vier van de zes scholen doen mee", Var.BESTEED_BUDGET, "12500.50", Var.INGEZETTE_FTE, 1.2,
                Var.RISICOS, "Twee scholen twijfelen", Var.VOORSTEL, "doorgaan");

        assertThat(pi).isWaitingAt(Element.UITVOEREN, Element.REVIEW_BEOORDELEN);
        assertThat(taak(pi, Element.REVIEW_BEOORDELEN)).hasCandidateGroup("mt");
        assertThat(pi).as("MT's form writes money and people the Dutch way").variables()
                .containsEntry(Var.BESTEED_BUDGET_TEKST, "€ 12.500,50 van € 40.000").containsEntry(Var.INGEZETTE_FTE_TEKST, "1,2 van 1,5");
        Voortgangsrapportage ingediend = portfolio.rapportages(pi.getBusinessKey()).get(0);
        assertThat(ingediend.getStatusKleur()).isEqualTo(StatusKleur.ORANJE);
        assertThat(ingediend.getVoortgang()).isEqualTo("Vier van de zes scholen doen mee");
        assertThat(ingediend.getBesteedBudget()).isEqualByComparingTo("12500.50");
        assertThat(ingediend.getIngezetteFte()).isEqualByComparingTo("1.2");
        assertThat(ingediend.getRisicos()).isEqualTo("Twee scholen twijfelen");
        assertThat(ingediend.getVoorstel()).isEqualTo(Voorstel.DOORGAAN);
        assertThat(ingediend.getIngediendDoor()).as("no one logged in").isEqualTo(HuidigeGebruiker.SYSTEEM);
        assertThat(ingediend.getBesluit()).isNull();
        assertThat(ingediend.getIngediendOp()).isEqualTo(ingediendOp.toInstant());
        Opdracht gerapporteerd = opdracht(pi);
        assertThat(gerapporteerd.getStatusKleur()).isEqualTo(StatusKleur.ORANJE);
        assertThat(gerapporteerd.getFase()).isEqualTo(Fase.REVIEW);

        java.util.Date beoordeeldOp = new java.util.Date(ingediendOp.getTime() + 2 * 86_400_000L);
        ClockUtil.setCurrentTime(beoordeeldOp);
        rond(pi, Element.REVIEW_BEOORDELEN, Var.REVIEW_BESLUIT, Besluit.DOORGAAN, Var.REVIEW_TOELICHTING,
                "Op koers; volgende keer de twijfelende scholen bespreken");

        assertThat(pi).hasPassed(Element.EIND_REVIEW_DOORGAAN).isWaitingAt(Element.UITVOEREN).variables()
                .doesNotContainKeys(Var.STATUS_KLEUR, Var.VOORTGANG, Var.BESTEED_BUDGET, Var.INGEZETTE_FTE,
                        Var.RISICOS, Var.VOORSTEL, Var.REVIEW_TOELICHTING);
        assertThat(taken(pi, Element.VOORTGANG_RAPPORTEREN)).isEmpty();
        Voortgangsrapportage beoordeeld = portfolio.rapportages(pi.getBusinessKey()).get(0);
        assertThat(beoordeeld.getBesluit()).isEqualTo(Besluit.DOORGAAN);
        assertThat(beoordeeld.getBesluitToelichting()).startsWith("Op koers");
        assertThat(beoordeeld.getBeoordeeldDoor()).isEqualTo(HuidigeGebruiker.SYSTEEM);
        assertThat(beoordeeld.getBeoordeeldOp()).isEqualTo(beoordeeldOp.toInstant());
        assertFase(pi, Fase.UITVOERING);
    }

    @Test
    void stoppenEscalatesToClosureAndTheOpdrachtEndsGestopt() {
        ProcessInstance pi = inUitvoering();
        voerUit(timer(pi, Element.TIMER_REVIEWCYCLUS));
        rapporteer(pi, "rood", "stoppen");

        rond(pi, Element.REVIEW_BEOORDELEN, Var.REVIEW_BESLUIT, Besluit.STOPPEN, Var.REVIEW_TOELICHTING,
                "Geen scholen meer bereid mee te doen");

        assertThat(pi).hasPassed(Element.EIND_OPDRACHT_STOPPEN, Element.ESCALATIE_STOPPEN)
                .isWaitingAt(Element.EINDEVALUATIE);
        assertThat(taken(pi, Element.UITVOEREN)).as("execution is interrupted").isEmpty();
        assertThat(heeftTimer(pi, Element.TIMER_EINDDATUM)).isFalse();
        assertThat(heeftTimer(pi, Element.TIMER_REVIEWCYCLUS)).isFalse();
        assertThat(portfolio.rapportages(pi.getBusinessKey()).get(0).getBesluit()).isEqualTo(Besluit.STOPPEN);
        assertFase(pi, Fase.AFSLUITING);

        rond(pi, Element.EINDEVALUATIE, Var.DOELEN_BEREIKT, "nee", Var.LESSEN, "Eerst draagvlak bij scholen");

        assertThat(pi).isEnded().hasPassed(Element.EIND_AFGESLOTEN);
        Opdracht opdracht = opdracht(pi);
        assertThat(opdracht.getFase()).isEqualTo(Fase.GESTOPT);
        assertThat(opdracht.getDoelenBereikt()).isEqualTo("nee");
        assertThat(opdracht.getAfgeslotenOp()).isEqualTo(LocalDate.now());
    }

    @Test
    void passedEndDateInterruptsAnOpenReviewAndMtDecidesOnTheOpdracht() {
        ProcessInstance pi = inUitvoering();
        voerUit(timer(pi, Element.TIMER_REVIEWCYCLUS));
        rapporteer(pi, "groen", "doorgaan");
        assertFase(pi, Fase.REVIEW);

        voerUit(timer(pi, Element.TIMER_EINDDATUM));

        assertThat(pi).isWaitingAt(Element.EINDDATUM_VERSTREKEN);
        assertThat(taken(pi, Element.REVIEW_BEOORDELEN)).isEmpty();
        assertThat(taken(pi, Element.UITVOEREN)).isEmpty();
        assertFase(pi, Fase.UITVOERING);
        Voortgangsrapportage afgebroken = portfolio.rapportages(pi.getBusinessKey()).get(0);
        assertThat(afgebroken.getBesluit()).isEqualTo("vervallen");
        assertThat(afgebroken.getBesluitToelichting()).contains("einddatum");
        assertThat(afgebroken.getBeoordeeldDoor()).isEqualTo(HuidigeGebruiker.SYSTEEM);
    }

    /** Stopping or steering tells the team why and what: without an explanation MT's decision is refused. */
    @Test
    void stoppingOrSteeringWithoutAnExplanationIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = inUitvoering();
        voerUit(timer(pi, Element.TIMER_REVIEWCYCLUS));
        rapporteer(pi, "rood", "stoppen");

        for (String besluit : List.of(Besluit.STOPPEN, Besluit.BIJSTUREN)) {
            OngeldigeInvoerException fout = geweigerd(() -> rond(pi, Element.REVIEW_BEOORDELEN,
                    Var.REVIEW_BESLUIT, besluit, Var.REVIEW_TOELICHTING, " "));
            assertThat(fout.getVelden()).as(besluit).containsOnlyKeys(Var.REVIEW_TOELICHTING);
        }
        assertThat(pi).isWaitingAt(Element.UITVOEREN, Element.REVIEW_BEOORDELEN);
        assertThat(portfolio.rapportages(pi.getBusinessKey()).get(0).getBesluit()).isNull();
    }

    @Test
    void unknownReviewDecisionIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = inUitvoering();
        voerUit(timer(pi, Element.TIMER_REVIEWCYCLUS));
        rapporteer(pi, "groen", "doorgaan");
        var rijVoor = rij(pi);

        OngeldigeInvoerException fout = geweigerd(() -> rond(pi, Element.REVIEW_BEOORDELEN,
                Var.REVIEW_BESLUIT, "opschalen"));

        assertThat(fout.getVelden()).containsOnlyKeys(Var.REVIEW_BESLUIT);
        assertThat(fout.getMessage()).contains("'opschalen'").contains("doorgaan, bijsturen, stoppen");
        assertThat(pi).isWaitingAt(Element.UITVOEREN, Element.REVIEW_BEOORDELEN);
        assertThat(portfolio.rapportages(pi.getBusinessKey()).get(0).getBesluit()).isNull();
        assertThat(rij(pi)).isEqualTo(rijVoor);
    }

    @Test
    void unreadableSpentBudgetIsRefusedAndTheReportStaysOpen() {
        ProcessInstance pi = inUitvoering();
        voerUit(timer(pi, Element.TIMER_REVIEWCYCLUS));

        OngeldigeInvoerException fout = rapportageGeweigerd(pi, Var.BESTEED_BUDGET, "abc");

        assertThat(fout.getVelden()).containsEntry(Var.BESTEED_BUDGET, "is geen getal: 'abc'");
        assertThat(pi).variables().doesNotContainKeys(Var.STATUS_KLEUR, Var.BESTEED_BUDGET);
    }

    @Test
    void amountsThePortfolioCannotHoldAreRefusedAtTheirFieldsInsteadOfFailingAtTheCommit() {
        ProcessInstance pi = inUitvoering();
        voerUit(timer(pi, Element.TIMER_REVIEWCYCLUS));

        OngeldigeInvoerException fout = rapportageGeweigerd(pi, Var.BESTEED_BUDGET, "12345678901234567",
                Var.INGEZETTE_FTE, "1.234");

        assertThat(fout.getVelden())
                .containsEntry(Var.BESTEED_BUDGET, "is te groot; hoogstens 9.999.999.999.999,99")
                .containsEntry(Var.INGEZETTE_FTE, "heeft hoogstens twee decimalen");

        rond(pi, Element.VOORTGANG_RAPPORTEREN, Var.STATUS_KLEUR, "groen", KLEUR_REDEN, REDEN,
                Var.VOORTGANG, "Loopt", Var.BESTEED_BUDGET, "9999999999999.99", Var.INGEZETTE_FTE, "999999.99",
                Var.VOORSTEL, "doorgaan");

        var rapportage = portfolio.rapportages(pi.getBusinessKey()).get(0);
        assertThat(rapportage.getBesteedBudget()).isEqualByComparingTo("9999999999999.99");
        assertThat(rapportage.getIngezetteFte()).isEqualByComparingTo("999999.99");
    }

    /**
     * A green report that goes on, with these fields as well, refused: the report stays open and
     * neither the portfolio nor the task changed.
     */
    private OngeldigeInvoerException rapportageGeweigerd(ProcessInstance pi, Object... velden) {
        Task rapporteren = taak(pi, Element.VOORTGANG_RAPPORTEREN);
        var rijVoor = rij(pi);
        List<Object> alle = new java.util.ArrayList<>(List.of(Var.STATUS_KLEUR, "groen", KLEUR_REDEN, REDEN,
                Var.VOORTGANG, "Loopt", Var.VOORSTEL, "doorgaan"));
        alle.addAll(List.of(velden));

        OngeldigeInvoerException fout = geweigerd(() -> rond(pi, Element.VOORTGANG_RAPPORTEREN, alle.toArray()));

        assertThat(taak(pi, Element.VOORTGANG_RAPPORTEREN).getId()).isEqualTo(rapporteren.getId());
        assertThat(portfolio.rapportages(pi.getBusinessKey()).get(0).getIngediendOp()).isNull();
        assertThat(rij(pi)).isEqualTo(rijVoor);
        return fout;
    }

    private void rapporteer(ProcessInstance pi, String kleur, String voorstel) {
        rond(pi, Element.VOORTGANG_RAPPORTEREN, Var.STATUS_KLEUR, kleur, KLEUR_REDEN, REDEN,
                Var.VOORTGANG, "Stand van zaken",
                Var.VOORSTEL, voorstel);
    }
}
