package nl.stuurwiel.rapportage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;


import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.Postbus;
import nl.stuurwiel.Taakkaarten;
import nl.stuurwiel.rapportage.HalfjaarrapportageProces.Besluit;
import nl.stuurwiel.rapportage.HalfjaarrapportageProces.Element;
import nl.stuurwiel.rapportage.HalfjaarrapportageProces.Var;
import nl.stuurwiel.system.ConflictException;

/**
 * processes/halfjaarrapportage.bpmn through every path: the timer start on the configured dates,
 * a start by hand, sending the explanation back, and adoption up to publication.
 */
class HalfjaarrapportageProcesTest extends LevenscyclusTestBasis {

    @Autowired
    HalfjaarrapportageRepository rapportages;
    @LocalServerPort
    int poort;

    /** Started by message, past the API's check of the year: years the API tests never use. */
    private int jaar() {
        return RapportageFixture.vrijJaar(rapportages, RapportageFixture.EERSTE_VRIJ_JAAR, 2020);
    }

    private ProcessInstance startHandmatig(LocalDate van, LocalDate tot) {
        return runtimeService.startProcessInstanceByMessage(HalfjaarrapportageProces.MESSAGE_STARTEN,
                withVariables(Var.VAN, van.toString(), Var.TOT, tot.toString()));
    }

    private ProcessInstance startHalfjaar() {
        int j = jaar();
        return startHandmatig(LocalDate.of(j, 1, 1), LocalDate.of(j, 6, 30));
    }

    private Halfjaarrapportage rapportage(ProcessInstance pi) {
        Long id = (Long) historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(Var.RAPPORTAGE_ID).singleResult().getValue();
        return rapportages.findById(id).orElseThrow();
    }

    private void licht(ProcessInstance pi, String algemeen) {
        rond(pi, Element.TOELICHTING_SCHRIJVEN, Var.TOELICHTING_ALGEMEEN, algemeen, Var.TOELICHTING_TEAMS,
                "Team Wijk zat aan zijn capaciteit.");
    }

    @Test
    void manualStartCompilesTheSnapshotAndWaitsForTheExplanation() {
        int j = jaar();
        ProcessInstance pi = startHandmatig(LocalDate.of(j, 1, 1), LocalDate.of(j, 3, 31));

        assertThat(pi).isWaitingAt(Element.TOELICHTING_SCHRIJVEN).hasPassed(Element.MOMENTOPNAME_SAMENSTELLEN);
        Task taak = taak(pi, Element.TOELICHTING_SCHRIJVEN);
        assertThat(taak).hasCandidateGroup("intake");
        Halfjaarrapportage rapportage = rapportage(pi);
        assertThat(rapportage.getStatus()).isEqualTo(RapportageStatus.CONCEPT);
        assertThat(rapportage.getPeriodeVan()).isEqualTo(LocalDate.of(j, 1, 1));
        assertThat(rapportage.getPeriodeTot()).isEqualTo(LocalDate.of(j, 3, 31));
        assertThat(rapportage.getTitel()).isEqualTo("Portfoliorapportage 1 januari " + j + " t/m 31 maart " + j);
        assertThat(rapportage.getMomentopname()).contains("\"perTeam\"");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getBusinessKey()).isEqualTo("HJR-" + j + "-01-01-" + j + "-03-31");
        assertThat(pi).variables().containsEntry(Var.RAPPORTAGE_TITEL, rapportage.getTitel())
                .containsEntry(Var.PERIODE_TEKST, "1 januari " + j + " t/m 31 maart " + j).containsKey(Var.KERNCIJFERS);
    }

    @Test
    void manualStartWhileADraftOfThatPeriodExistsIsRefused() {
        ProcessInstance eerste = startHalfjaar();
        Halfjaarrapportage concept = rapportage(eerste);
        long vooraf = rapportages.count();

        Throwable fout = org.assertj.core.api.Assertions.catchThrowable(
                () -> startHandmatig(concept.getPeriodeVan(), concept.getPeriodeTot()));

        boolean conflict = false;
        for (Throwable t = fout; t != null; t = t.getCause()) {
            conflict |= t instanceof ConflictException;
        }
        assertThat(conflict).as("refused as a conflict: %s", fout).isTrue();
        assertThat(rapportages.count()).isEqualTo(vooraf);
    }

    @Test
    void manualStartWithAnEndBeforeTheStartIsRefused() {
        var fout = geweigerd(() -> startHandmatig(LocalDate.of(1999, 6, 30), LocalDate.of(1999, 1, 1)));
        assertThat(fout.getVelden()).containsKey("tot");
    }

    @Test
    void explanationGoesToMtAndAdoptionPublishes() {
        String manager = portfolio.gebruiker("mtrap" + java.util.UUID.randomUUID().toString().replace("-", "")
                .substring(0, 10), "Rapportage-Test-1!", "mt");
        var profiel = processEngine.getIdentityService().createUserQuery().userId(manager).singleResult();
        profiel.setEmail(manager + "@gemeente.example");
        processEngine.getIdentityService().saveUser(profiel);
        ProcessInstance pi = startHalfjaar();
        licht(pi, "Een rustig halfjaar.");

        assertThat(pi).isWaitingAt(Element.RAPPORTAGE_VASTSTELLEN);
        assertThat(taak(pi, Element.RAPPORTAGE_VASTSTELLEN)).hasCandidateGroup("mt");
        assertThat(Postbus.aan(manager + "@gemeente.example")).as("MT hears the report waits for it")
                .extracting(Postbus.Bericht::onderwerp).containsExactly("Stuurwiel: nieuwe taak: Rapportage vaststellen"
                        + (pi.getBusinessKey() == null ? "" : " (" + pi.getBusinessKey() + ")"));
        Halfjaarrapportage terVaststelling = rapportage(pi);
        assertThat(terVaststelling.getStatus()).isEqualTo(RapportageStatus.TER_VASTSTELLING);
        assertThat(terVaststelling.toelichtingen()).containsEntry("algemeen", "Een rustig halfjaar.")
                .containsEntry("teams", "Team Wijk zat aan zijn capaciteit.").doesNotContainKey("doelen");

        rond(pi, Element.RAPPORTAGE_VASTSTELLEN, Var.VASTSTELLING_BESLUIT, Besluit.VASTSTELLEN);

        assertThat(pi).isEnded().hasPassed(Element.END_GEPUBLICEERD);
        Halfjaarrapportage gepubliceerd = rapportage(pi);
        assertThat(gepubliceerd.getStatus()).isEqualTo(RapportageStatus.GEPUBLICEERD);
        assertThat(gepubliceerd.getVastgesteldOp()).isEqualTo(nu.toInstant());
        assertThat(gepubliceerd.getMomentopname()).isEqualTo(terVaststelling.getMomentopname());

        // A correction of the published report can be compiled; its title tells the two apart.
        ProcessInstance correctie = startHandmatig(gepubliceerd.getPeriodeVan(), gepubliceerd.getPeriodeTot());
        assertThat(rapportage(correctie).getTitel()).isEqualTo(gepubliceerd.getTitel() + " (versie 2)");
    }

    @Test
    void theTasksOfTwoReportsShowTheirPeriodsInTasklist() throws Exception {
        String medewerker = portfolio.gebruiker("intakerap" + java.util.UUID.randomUUID().toString().replace("-", "")
                .substring(0, 10), "Rapportage-Test-1!", "intake");
        ProcessInstance eerste = startHalfjaar();
        ProcessInstance tweede = startHalfjaar();

        var kaarten = Taakkaarten.van(poort, medewerker, "Rapportage-Test-1!", "Taken van mijn groepen");

        for (ProcessInstance pi : List.of(eerste, tweede)) {
            Halfjaarrapportage rapportage = rapportage(pi);
            assertThat(kaarten.get(taak(pi, Element.TOELICHTING_SCHRIJVEN).getId()))
                    .containsEntry(Var.PERIODE_TEKST, "1 januari " + rapportage.getPeriodeVan().getYear() + " t/m 30 juni "
                            + rapportage.getPeriodeVan().getYear());
        }
    }

    @Test
    void sendingBackNeedsAReasonAndReturnsToTheExplanation() {
        ProcessInstance pi = startHalfjaar();
        licht(pi, "Eerste versie.");

        var fout = geweigerd(() -> rond(pi, Element.RAPPORTAGE_VASTSTELLEN, Var.VASTSTELLING_BESLUIT,
                Besluit.TERUGSTUREN));
        assertThat(fout.getVelden()).containsKey(Var.VASTSTELLING_TOELICHTING);
        assertThat(pi).isWaitingAt(Element.RAPPORTAGE_VASTSTELLEN);

        rond(pi, Element.RAPPORTAGE_VASTSTELLEN, Var.VASTSTELLING_BESLUIT, Besluit.TERUGSTUREN,
                Var.VASTSTELLING_TOELICHTING, "Licht de onderbesteding in Noord toe.");

        assertThat(pi).isWaitingAt(Element.TOELICHTING_SCHRIJVEN);
        Halfjaarrapportage teruggestuurd = rapportage(pi);
        assertThat(teruggestuurd.getStatus()).isEqualTo(RapportageStatus.CONCEPT);
        assertThat(teruggestuurd.getTerugverwijzing()).isEqualTo("Licht de onderbesteding in Noord toe.");
        assertThat(pi).variables().containsEntry(Var.TOELICHTING_ALGEMEEN, "Eerste versie.");

        licht(pi, "Tweede versie, met Noord.");
        assertThat(pi).isWaitingAt(Element.RAPPORTAGE_VASTSTELLEN);
        assertThat(pi).variables().doesNotContainKey(Var.VASTSTELLING_TOELICHTING);
        rond(pi, Element.RAPPORTAGE_VASTSTELLEN, Var.VASTSTELLING_BESLUIT, Besluit.VASTSTELLEN);

        assertThat(pi).isEnded();
        assertThat(rapportage(pi).getStatus()).isEqualTo(RapportageStatus.GEPUBLICEERD);
        assertThat(rapportage(pi).toelichtingen()).containsEntry("algemeen", "Tweede versie, met Noord.");
    }

    @Test
    void explanationWithoutSummaryIsRefused() {
        ProcessInstance pi = startHalfjaar();

        var fout = geweigerd(() -> rond(pi, Element.TOELICHTING_SCHRIJVEN, Var.TOELICHTING_DOELEN, "Alleen doelen"));

        assertThat(fout.getVelden()).containsKey(Var.TOELICHTING_ALGEMEEN);
        assertThat(pi).isWaitingAt(Element.TOELICHTING_SCHRIJVEN);
        assertThat(rapportage(pi).getStatus()).isEqualTo(RapportageStatus.CONCEPT);
    }

    @Test
    void timerStartsOnTheConfiguredDatesForTheHalfYearThatEnded() {
        Job timer = managementService.createJobQuery().processDefinitionKey(HalfjaarrapportageProces.PROCESS_ID)
                .timers().singleResult();
        assertThat(timer).as("timer start job").isNotNull();
        LocalDateTime moment = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(moment.toLocalTime()).hasHour(6).hasMinute(0);
        assertThat(moment.getDayOfMonth()).isEqualTo(1);
        assertThat(moment.getMonthValue()).isIn(1, 7);

        zetKlok(timer.getDuedate());
        voerUit(timer);

        Periode verwacht = Periode.vorigHalfjaar(moment.toLocalDate());
        ProcessInstance pi = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(HalfjaarrapportageProces.PROCESS_ID)
                .processInstanceBusinessKey(verwacht.sleutel()).orderByProcessInstanceId().desc().list().get(0);
        assertThat(pi).isWaitingAt(Element.TOELICHTING_SCHRIJVEN);
        Halfjaarrapportage rapportage = rapportage(pi);
        assertThat(rapportage.getPeriodeVan()).isEqualTo(verwacht.van());
        assertThat(rapportage.getPeriodeTot()).isEqualTo(verwacht.tot());
        assertThat(rapportage.getPeriodeTot()).isEqualTo(moment.toLocalDate().minusDays(1));

        Job volgende = managementService.createJobQuery().processDefinitionKey(HalfjaarrapportageProces.PROCESS_ID)
                .timers().singleResult();
        LocalDateTime volgendMoment = LocalDateTime.ofInstant(volgende.getDuedate().toInstant(),
                ZoneId.systemDefault());
        assertThat(volgendMoment).isEqualTo(moment.plusMonths(6));
        runtimeService.deleteProcessInstance(pi.getId(), "test");
    }

    @Test
    void previousHalfYearFollowsTheCalendar() {
        assertThat(Periode.vorigHalfjaar(LocalDate.of(2027, 1, 1))).isEqualTo(Periode.halfjaar(2026, 2));
        assertThat(Periode.vorigHalfjaar(LocalDate.of(2027, 6, 30))).isEqualTo(Periode.halfjaar(2026, 2));
        assertThat(Periode.vorigHalfjaar(LocalDate.of(2027, 7, 1))).isEqualTo(Periode.halfjaar(2027, 1));
        assertThat(Periode.halfjaar(2027, 1).titel()).isEqualTo("Halfjaarrapportage 2027, eerste halfjaar");
        assertThat(Periode.halfjaar(2027, 2).sleutel()).isEqualTo("HJR-2027-H2");
    }

    private static void zetKlok(Date moment) {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(moment);
    }

}
