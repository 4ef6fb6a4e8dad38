package nl.stuurwiel.bijstelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.review.ReviewOpenenDelegate;
import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.LevenscyclusProces.Besluit;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.system.OngeldigeInvoerException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/**
 * A review decides to adjust: the team proposes a bijstelling, MT approves or rejects it, and an
 * approval changes the opdracht while the bijstelling keeps the version it replaced.
 */
class BijstellingProcesTest extends LevenscyclusTestBasis {

    private static final DateTimeFormatter NL_DATUM = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));

    /** Computed colours differ from what these tests report; the team says why. */
    private static final String KLEUR_REDEN = ReviewOpenenDelegate.KLEUR_TOELICHTING;
    private static final String REDEN = "Het team weegt ook wat de cijfers niet tonen";

    @Test
    void bijsturenAsksTheTeamForAProposal() {
        ProcessInstance pi = bijsturen();

        assertThat(pi).isWaitingAt(Element.UITVOEREN, Element.BIJSTELLING_OPSTELLEN);
        assertThat(taak(pi, Element.BIJSTELLING_OPSTELLEN)).hasCandidateGroup((String) variabele(pi, Var.TEAM_GROEP));
        assertThat(taskService.getVariable(taak(pi, Element.BIJSTELLING_OPSTELLEN).getId(), Var.REVIEW_TOELICHTING))
                .as("MT's instruction reaches the team's form").isEqualTo("Stel een nieuwe planning op");
        assertThat(portfolio.rapportages(pi.getBusinessKey()).get(0).getBesluit()).isEqualTo(Besluit.BIJSTUREN);
        assertThat(portfolio.bijstellingen(pi.getBusinessKey())).isEmpty();
        assertFase(pi, Fase.BIJSTELLING);
    }

    @Test
    void proposalStillOpenWhenTheEndDatePassesExpiresAndChangesNothing() {
        ProcessInstance pi = bijsturen();
        Opdracht voor = opdracht(pi);
        stelVoor(pi, voor.getEinddatum().plusMonths(2));

        voerUit(timer(pi, Element.TIMER_EINDDATUM));

        assertThat(pi).isWaitingAt(Element.EINDDATUM_VERSTREKEN);
        assertThat(taken(pi, Element.BIJSTELLING_BEOORDELEN)).isEmpty();
        Bijstelling vervallen = enige(pi);
        assertThat(vervallen.getStatus()).isEqualTo(BijstellingStatus.VERVALLEN);
        assertThat(vervallen.getBeoordeeldDoor()).isEqualTo(HuidigeGebruiker.SYSTEEM);
        Opdracht na = opdracht(pi);
        assertThat(na.getBudget()).isEqualByComparingTo(voor.getBudget());
        assertThat(na.getEinddatum()).isEqualTo(voor.getEinddatum());
        assertFase(pi, Fase.UITVOERING);
    }

    @Test
    void approvedBijstellingChangesTheOpdrachtAndKeepsThePreviousVersion() {
        ProcessInstance pi = bijsturen();
        Opdracht voor = opdracht(pi);
        Date oudEinde = timer(pi, Element.TIMER_EINDDATUM).getDuedate();
        LocalDate nieuweEinddatum = voor.getEinddatum().plusMonths(2);

        // Proposed and decided on the engine clock: the adjustment's times follow it.
        Date voorgesteldOp = new Date(ClockUtil.getCurrentTime().getTime() + 86_400_000L);
        ClockUtil.setCurrentTime(voorgesteldOp);
        stelVoor(pi, nieuweEinddatum);

        assertThat(pi).isWaitingAt(Element.UITVOEREN, Element.BIJSTELLING_BEOORDELEN);
        assertThat(taak(pi, Element.BIJSTELLING_BEOORDELEN)).hasCandidateGroup("mt");
        assertThat(taskService.getVariable(taak(pi, Element.BIJSTELLING_BEOORDELEN).getId(), Var.BIJSTELLING_OVERZICHT))
                .as("what MT weighs, now and as proposed").isEqualTo("""
                        Budget: € 40.000 → € 55.000
                        Capaciteit: %s fte → 2 fte
                        Einddatum: %s → %s""".formatted(voor.getFte().stripTrailingZeros().toPlainString().replace('.', ','),
                        NL_DATUM.format(voor.getEinddatum()), NL_DATUM.format(nieuweEinddatum)));
        Bijstelling voorgesteld = enige(pi);
        assertThat(voorgesteld.getVolgnummer()).isEqualTo(1);
        assertThat(voorgesteld.getStatus()).isEqualTo(BijstellingStatus.VOORGESTELD);
        assertThat(voorgesteld.getNieuwBudget()).isEqualByComparingTo("55000");
        assertThat(voorgesteld.getNieuweFte()).isEqualByComparingTo("2");
        assertThat(voorgesteld.getNieuweEinddatum()).isEqualTo(nieuweEinddatum);
        assertThat(voorgesteld.getOudBudget()).isNull();
        assertThat(voorgesteld.getVoorgesteldOp()).isEqualTo(voorgesteldOp.toInstant());
        Opdracht tijdensVoorstel = opdracht(pi);
        assertThat(tijdensVoorstel.getBudget()).isEqualByComparingTo("40000");
        assertThat(tijdensVoorstel.getVersie()).isEqualTo(1);
        assertThat(tijdensVoorstel.getFase()).isEqualTo(Fase.BIJSTELLING);

        Date beoordeeldOp = new Date(voorgesteldOp.getTime() + 86_400_000L);
        ClockUtil.setCurrentTime(beoordeeldOp);
        rond(pi, Element.BIJSTELLING_BEOORDELEN, Var.BIJSTELLING_BESLUIT, Besluit.GOEDKEUREN,
                Var.BIJSTELLING_TOELICHTING, "Akkoord, dekking uit het programma");

        assertThat(pi).hasPassed(Element.EIND_BIJSTELLING_VERWERKT).isWaitingAt(Element.UITVOEREN).variables()
                .doesNotContainKeys(Var.NIEUW_BUDGET, Var.NIEUWE_FTE, Var.NIEUWE_EINDDATUM, Var.BIJSTELLING_REDEN,
                        Var.BIJSTELLING_TOELICHTING);
        Opdracht na = opdracht(pi);
        assertThat(na.getFase()).isEqualTo(Fase.UITVOERING);
        assertThat(na.getBudget()).isEqualByComparingTo("55000");
        assertThat(na.getFte()).isEqualByComparingTo("2");
        assertThat(na.getEinddatum()).isEqualTo(nieuweEinddatum);
        assertThat(na.getVerwachtResultaat()).isEqualTo(voor.getVerwachtResultaat());
        assertThat(na.getVersie()).isEqualTo(2);
        Bijstelling goedgekeurd = enige(pi);
        assertThat(goedgekeurd.getStatus()).isEqualTo(BijstellingStatus.GOEDGEKEURD);
        assertThat(goedgekeurd.getOudBudget()).isEqualByComparingTo(voor.getBudget());
        assertThat(goedgekeurd.getOudeFte()).isEqualByComparingTo(voor.getFte());
        assertThat(goedgekeurd.getOudeEinddatum()).isEqualTo(voor.getEinddatum());
        assertThat(goedgekeurd.getOudeScope()).isEqualTo(voor.getVerwachtResultaat());
        assertThat(goedgekeurd.getOpdrachtVersie()).isEqualTo(2);
        assertThat(goedgekeurd.getToelichting()).isEqualTo("Akkoord, dekking uit het programma");
        assertThat(goedgekeurd.getBeoordeeldOp()).isEqualTo(beoordeeldOp.toInstant());
        Date nieuwEinde = begin(nieuweEinddatum.plusDays(1));
        assertThat(timer(pi, Element.TIMER_EINDDATUM).getDuedate()).isEqualTo(nieuwEinde).isNotEqualTo(oudEinde);
        assertThat(variabele(pi, Var.GEPLAND_EINDE)).isEqualTo(nieuwEinde);
    }

    @Test
    void everyApprovedBijstellingKeepsTheVersionItReplaced() {
        ProcessInstance pi = bijsturen();
        LocalDate einddatum = opdracht(pi).getEinddatum();
        stelVoor(pi, einddatum.plusMonths(2));
        rond(pi, Element.BIJSTELLING_BEOORDELEN, Var.BIJSTELLING_BESLUIT, Besluit.GOEDKEUREN);

        voerUit(timer(pi, Element.TIMER_REVIEWCYCLUS));
        rond(pi, Element.VOORTGANG_RAPPORTEREN, Var.STATUS_KLEUR, "rood", KLEUR_REDEN, REDEN,
                Var.VOORTGANG, "Budget is op",
                Var.VOORSTEL, "bijsturen");
        rond(pi, Element.REVIEW_BEOORDELEN, Var.REVIEW_BESLUIT, Besluit.BIJSTUREN, Var.REVIEW_TOELICHTING,
                "Stel een nieuwe planning op");
        rond(pi, Element.BIJSTELLING_OPSTELLEN, Var.NIEUW_BUDGET, 70000, Var.NIEUWE_SCOPE,
                "Verzuim daalt met een derde", Var.BIJSTELLING_REDEN, "Uitbreiding naar het voortgezet onderwijs");
        rond(pi, Element.BIJSTELLING_BEOORDELEN, Var.BIJSTELLING_BESLUIT, Besluit.GOEDKEUREN);

        assertThat(pi).isWaitingAt(Element.UITVOEREN);
        assertThat(portfolio.rapportages(pi.getBusinessKey()))
                .extracting(r -> r.getVolgnummer() + ":" + r.getBesluit())
                .containsExactly("1:bijsturen", "2:bijsturen");
        Opdracht opdracht = opdracht(pi);
        assertThat(opdracht.getVersie()).isEqualTo(3);
        assertThat(opdracht.getBudget()).isEqualByComparingTo("70000");
        assertThat(opdracht.getVerwachtResultaat()).isEqualTo("Verzuim daalt met een derde");
        assertThat(opdracht.getEinddatum()).isEqualTo(einddatum.plusMonths(2));
        List<Bijstelling> bijstellingen = portfolio.bijstellingen(pi.getBusinessKey());
        assertThat(bijstellingen).extracting(Bijstelling::getVolgnummer, Bijstelling::getOpdrachtVersie)
                .containsExactly(tuple(1, 2), tuple(2, 3));
        Bijstelling tweede = bijstellingen.get(1);
        assertThat(tweede.getOudBudget()).as("what the first bijstelling made").isEqualByComparingTo("55000");
        assertThat(tweede.getOudeScope()).isEqualTo("Verzuim daalt met een kwart");
        assertThat(tweede.getOudeEinddatum()).isEqualTo(einddatum.plusMonths(2));
        assertThat(tweede.getNieuweEinddatum()).isNull();
        assertThat(timer(pi, Element.TIMER_EINDDATUM).getDuedate())
                .isEqualTo(begin(einddatum.plusMonths(2).plusDays(1)));
        assertFase(pi, Fase.UITVOERING);
    }

    @Test
    void rejectedBijstellingLeavesTheOpdrachtAsItWas() {
        ProcessInstance pi = bijsturen();
        Opdracht voor = opdracht(pi);
        Date einde = timer(pi, Element.TIMER_EINDDATUM).getDuedate();
        stelVoor(pi, voor.getEinddatum().plusMonths(2));
        OngeldigeInvoerException zonderReden = geweigerd(() -> rond(pi, Element.BIJSTELLING_BEOORDELEN,
                Var.BIJSTELLING_BESLUIT, Besluit.AFWIJZEN));
        assertThat(zonderReden.getVelden()).as("the team hears why").containsOnlyKeys(Var.BIJSTELLING_TOELICHTING);

        rond(pi, Element.BIJSTELLING_BEOORDELEN, Var.BIJSTELLING_BESLUIT, Besluit.AFWIJZEN,
                Var.BIJSTELLING_TOELICHTING, "Eerst de resultaten van dit kwartaal");

        assertThat(pi).hasPassed(Element.EIND_BIJSTELLING_VERWERKT).isWaitingAt(Element.UITVOEREN);
        Opdracht na = opdracht(pi);
        assertThat(na.getFase()).isEqualTo(Fase.UITVOERING);
        assertThat(na.getBudget()).isEqualByComparingTo(voor.getBudget());
        assertThat(na.getFte()).isEqualByComparingTo(voor.getFte());
        assertThat(na.getEinddatum()).isEqualTo(voor.getEinddatum());
        assertThat(na.getVersie()).isEqualTo(1);
        Bijstelling afgewezen = enige(pi);
        assertThat(afgewezen.getStatus()).isEqualTo(BijstellingStatus.AFGEWEZEN);
        assertThat(afgewezen.getToelichting()).isEqualTo("Eerst de resultaten van dit kwartaal");
        assertThat(afgewezen.getOudBudget()).isNull();
        assertThat(afgewezen.getOpdrachtVersie()).isNull();
        assertThat(timer(pi, Element.TIMER_EINDDATUM).getDuedate()).isEqualTo(einde);
    }

    @Test
    void unreadableNewBudgetIsRefusedAndNothingIsStored() {
        ProcessInstance pi = bijsturen();
        Task opstellen = taak(pi, Element.BIJSTELLING_OPSTELLEN);
        var rijVoor = rij(pi);

        OngeldigeInvoerException fout = geweigerd(() -> rond(pi, Element.BIJSTELLING_OPSTELLEN,
                Var.NIEUW_BUDGET, "abc", Var.BIJSTELLING_REDEN, "Meer scholen doen mee"));

        assertThat(fout.getVelden()).containsEntry(Var.NIEUW_BUDGET, "is geen getal: 'abc'");
        assertThat(taak(pi, Element.BIJSTELLING_OPSTELLEN).getId()).isEqualTo(opstellen.getId());
        assertThat(pi).variables().doesNotContainKeys(Var.NIEUW_BUDGET, Var.BIJSTELLING_REDEN);
        assertThat(portfolio.bijstellingen(pi.getBusinessKey())).isEmpty();
        assertThat(rij(pi)).isEqualTo(rijVoor);
    }

    @Test
    void unreadableNewEndDateIsRefusedAndNothingIsStored() {
        ProcessInstance pi = bijsturen();
        var rijVoor = rij(pi);

        OngeldigeInvoerException fout = geweigerd(() -> rond(pi, Element.BIJSTELLING_OPSTELLEN,
                Var.NIEUWE_EINDDATUM, "31-12-2027", Var.BIJSTELLING_REDEN, "Later klaar"));

        assertThat(fout.getVelden()).containsOnlyKeys(Var.NIEUWE_EINDDATUM);
        assertThat(fout.getMessage()).contains("'31-12-2027'");
        assertThat(pi).isWaitingAt(Element.UITVOEREN, Element.BIJSTELLING_OPSTELLEN);
        assertThat(portfolio.bijstellingen(pi.getBusinessKey())).isEmpty();
        assertThat(rij(pi)).isEqualTo(rijVoor);
    }

    /** Execution started, first review opened and reported, MT decides to adjust. */
    private ProcessInstance bijsturen() {
        ProcessInstance pi = inUitvoering();
        voerUit(timer(pi, Element.TIMER_REVIEWCYCLUS));
        rond(pi, Element.VOORTGANG_RAPPORTEREN, Var.STATUS_KLEUR, "oranje", KLEUR_REDEN, REDEN,
                Var.VOORTGANG,
                "Meer aanmeldingen dan verwacht", Var.VOORSTEL, "bijsturen");
        rond(pi, Element.REVIEW_BEOORDELEN, Var.REVIEW_BESLUIT, Besluit.BIJSTUREN, Var.REVIEW_TOELICHTING,
                "Stel een nieuwe planning op");
        return pi;
    }

    private void stelVoor(ProcessInstance pi, LocalDate nieuweEinddatum) {
        rond(pi, Element.BIJSTELLING_OPSTELLEN, Var.NIEUW_BUDGET, "55000", Var.NIEUWE_FTE, 2,
                Var.NIEUWE_EINDDATUM, nieuweEinddatum.toString(), Var.BIJSTELLING_REDEN, "Meer scholen doen mee");
    }

    private Bijstelling enige(ProcessInstance pi) {
        List<Bijstelling> bijstellingen = portfolio.bijstellingen(pi.getBusinessKey());
        assertThat(bijstellingen).hasSize(1);
        return bijstellingen.get(0);
    }
}
