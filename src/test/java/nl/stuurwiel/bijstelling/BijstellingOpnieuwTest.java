package nl.stuurwiel.bijstelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.LevenscyclusProces.Besluit;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * The step that records the team's proposal runs again for the same proposal, as when an
 * administrator restarts it in Cockpit after a failure: the opdracht still has one proposal.
 */
class BijstellingOpnieuwTest extends LevenscyclusTestBasis {

    private static final String VOORSTEL_VASTLEGGEN = "ServiceTask_BijstellingVoorstellen";

    @Test
    void recordingTheSameProposalAgainAddsNoSecondBijstelling() {
        ProcessInstance pi = inUitvoering();
        voerUit(timer(pi, Element.TIMER_REVIEWCYCLUS));
        rond(pi, Element.VOORTGANG_RAPPORTEREN, Var.STATUS_KLEUR, "oranje", Var.VOORTGANG, "Meer aanmeldingen",
                Var.VOORSTEL, "bijsturen");
        rond(pi, Element.REVIEW_BEOORDELEN, Var.REVIEW_BESLUIT, Besluit.BIJSTUREN, Var.REVIEW_TOELICHTING,
                "Stel een nieuwe planning op");
        rond(pi, Element.BIJSTELLING_OPSTELLEN, Var.NIEUW_BUDGET, "55000", Var.NIEUWE_FTE, 2,
                Var.BIJSTELLING_REDEN, "Meer scholen doen mee");
        assertThat(portfolio.bijstellingen(pi.getBusinessKey())).hasSize(1);

        ActivityInstance review = runtimeService.getActivityInstance(pi.getId()).getActivityInstances(Element.REVIEW)[0];
        ActivityInstance beoordelen = review.getActivityInstances(Element.BIJSTELLING_BEOORDELEN)[0];
        runtimeService.createProcessInstanceModification(pi.getId())
                .startBeforeActivity(VOORSTEL_VASTLEGGEN, review.getId())
                .cancelActivityInstance(beoordelen.getId())
                .execute();

        assertThat(pi).isWaitingAt(Element.UITVOEREN, Element.BIJSTELLING_BEOORDELEN);
        assertThat(taken(pi, Element.BIJSTELLING_BEOORDELEN)).hasSize(1);
        assertThat(portfolio.bijstellingen(pi.getBusinessKey()))
                .extracting(Bijstelling::getVolgnummer, Bijstelling::getStatus)
                .containsExactly(tuple(1, BijstellingStatus.VOORGESTELD));
        assertFase(pi, Fase.BIJSTELLING);

        rond(pi, Element.BIJSTELLING_BEOORDELEN, Var.BIJSTELLING_BESLUIT, Besluit.GOEDKEUREN);

        assertThat(portfolio.bijstellingen(pi.getBusinessKey())).extracting(Bijstelling::getStatus)
                .containsExactly(BijstellingStatus.GOEDGEKEURD);
        assertThat(opdracht(pi).getBudget()).isEqualByComparingTo("55000");
        assertFase(pi, Fase.UITVOERING);
    }
}
