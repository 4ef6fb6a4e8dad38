package nl.stuurwiel.opdracht;

import static java.time.temporal.ChronoUnit.DAYS;
import static java.time.temporal.ChronoUnit.MINUTES;
import static java.time.temporal.ChronoUnit.MONTHS;
import static nl.stuurwiel.PortfolioFixture.AANVRAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;

import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.Postbus;
import nl.stuurwiel.bijstelling.Bijstelling;
import nl.stuurwiel.bijstelling.BijstellingStatus;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.indicator.IndicatorInvoer;
import nl.stuurwiel.indicator.IndicatorRepository;
import nl.stuurwiel.indicator.IndicatorService;
import nl.stuurwiel.indicator.Meetfrequentie;
import nl.stuurwiel.indicator.Richting;
import nl.stuurwiel.meetronde.MeetrondeProces;
import nl.stuurwiel.opdracht.LevenscyclusProces.Besluit;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.opdracht.LevenscyclusProces.Var;
import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.system.Opmaak;
import nl.stuurwiel.team.Team;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path through the gateways and timers of opdracht-levenscyclus.bpmn from request to
 * closure; after each step the opdracht's phase must say where the process is. Reviews and
 * bijstellingen have their own tests beside their packages.
 */
class LevenscyclusProcesTest extends LevenscyclusTestBasis {

    @Autowired
    IndicatorRepository indicatoren;
    @Autowired
    IndicatorService indicatorService;

    /** DMN score of a volledigeAanvraag accepted as hoog/midden: 25 + 8 + 8 (one doel) + 5 (small budget). */
    private static final int SCORE = 46;

    // ---- start and intake ------------------------------------------------------------------

    /** Deleting the lifecycle of an opdracht that runs would leave it in its phase for good. */
    @Test
    void theLifecycleOfAnOpdrachtThatRunsCannotBeDeleted() {
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(portfolio.team("3.0"), portfolio.doel()));

        assertThat(geweigerd(() -> runtimeService.deleteProcessInstance(pi.getId(), "opruimen")).getVelden().get("proces"))
                .startsWith("opdracht " + pi.getBusinessKey() + " (intake) heeft dit proces nodig");
        assertThat(geweigerd(() -> runtimeService.deleteProcessInstance(pi.getId(), "opruimen", true, true))
                .getMessage()).as("also when the model's own listeners are skipped").contains("heeft dit proces nodig");
        assertThat(geweigerd(() -> runtimeService.createProcessInstanceModification(pi.getId())
                .cancelAllForActivity(Element.BEOORDEEL_INTAKE).execute()).getMessage()).contains("heeft dit proces nodig");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        assertFase(pi, Fase.INTAKE);
    }

    @Test
    void requestIsRegisteredAndWaitsForIntake() {
        Team team = portfolio.team("3.0");
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));

        assertThat(pi.getBusinessKey()).matches("OPD-\\d{4}-\\d{4}");
        assertThat(pi).isStarted().hasPassed(Element.REGISTREREN).isWaitingAt(Element.BEOORDEEL_INTAKE)
                .variables()
                .containsEntry(Var.OPDRACHT_KEY, pi.getBusinessKey())
                .containsEntry(Var.AANVRAGER, AANVRAGER)
                .containsEntry(Var.TEAM_GROEP, team.getGroepId())
                .containsEntry(Var.OPDRACHT_TITEL, "Schoolverzuim terugdringen")
                .containsEntry(Var.ONTBREKENDE_GEGEVENS, "");
        assertThat(taak(pi, Element.BEOORDEEL_INTAKE)).hasCandidateGroup("intake").isNotAssigned()
                .hasDueDate(nuPlus(5, DAYS));
        Opdracht opdracht = opdracht(pi);
        assertThat(opdracht.getFase()).isEqualTo(Fase.INTAKE);
        assertThat(opdracht.getAanvrager()).isEqualTo(AANVRAGER);
        assertThat(opdracht.getTeam().getCode()).isEqualTo(team.getCode());
        assertThat(opdracht.getVersie()).isEqualTo(1);
    }

    @Test
    void startFormRegistersTheOpdrachtAndKeepsOnlyItsKeyInTheProcess() {
        Team team = portfolio.team("3.0");
        Doel doel = portfolio.doel();
        Doel tweede = portfolio.doel();
        LocalDate start = LocalDate.now();

        ProcessInstance pi = runtimeService.startProcessInstanceByKey(LevenscyclusProces.PROCESS_ID,
                withVariables("titel", "Huiswerkklas Oost", "vraagstuk", "Leerlingen missen steun thuis",
                        "verwachtResultaat", "Meer leerlingen halen hun diploma", "type", "project",
                        "domein", "onderwijs", "opdrachtgever", "Wethouder onderwijs", "team", team.getCode(),
                        "doelen", doel.getCode() + ", " + tweede.getCode(), "budget", "40000", "fte", 1.5,
                        "startdatum", start.toString(), "einddatum", start.plusMonths(6).toString(),
                        "reviewFrequentie", "maand"));

        assertThat(pi).isWaitingAt(Element.BEOORDEEL_INTAKE);
        ProcessInstance gestart = runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId())
                .singleResult();
        String sleutel = gestart.getBusinessKey();
        assertThat(sleutel).matches("OPD-\\d{4}-\\d{4}");
        assertThat(pi).variables().containsEntry(Var.OPDRACHT_KEY, sleutel)
                .containsEntry(Var.TEAM_GROEP, team.getGroepId())
                .containsEntry(Var.ONTBREKENDE_GEGEVENS, "")
                .doesNotContainKeys("titel", "vraagstuk", "type", "domein", "team", "doelen", "budget", "fte",
                        "startdatum", "einddatum", "reviewFrequentie");
        Opdracht opdracht = portfolio.opdracht(sleutel);
        assertThat(opdracht.getFase()).isEqualTo(Fase.INTAKE);
        assertThat(opdracht.getTitel()).isEqualTo("Huiswerkklas Oost");
        assertThat(opdracht.getType()).isEqualTo(OpdrachtType.PROJECT);
        assertThat(opdracht.getBudget()).isEqualByComparingTo("40000");
        assertThat(opdracht.getFte()).isEqualByComparingTo("1.5");
        assertThat(opdracht.getEinddatum()).isEqualTo(start.plusMonths(6));
        assertThat(opdracht.getReviewFrequentie()).isEqualTo(ReviewFrequentie.MAAND);
        assertThat(opdracht.getDoelen()).extracting(Doel::getCode)
                .containsExactlyInAnyOrder(doel.getCode(), tweede.getCode());
    }

    @Test
    void unreadableBudgetOnTheStartFormStartsNothingAndRegistersNothing() {
        Team team = portfolio.team("3.0");
        long opdrachtenVoor = jdbc.queryForObject("select count(*) from opdracht", Long.class);
        long instantiesVoor = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(LevenscyclusProces.PROCESS_ID).count();

        OngeldigeInvoerException fout = geweigerd(() -> runtimeService.startProcessInstanceByKey(
                LevenscyclusProces.PROCESS_ID, withVariables("titel", "Huiswerkklas West", "type", "project",
                        "domein", "onderwijs", "team", team.getCode(), "budget", "abc")));

        assertThat(fout.getVelden()).containsEntry("budget", "is geen getal: 'abc'");
        assertThat(jdbc.queryForObject("select count(*) from opdracht", Long.class)).isEqualTo(opdrachtenVoor);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(LevenscyclusProces.PROCESS_ID)
                .count()).isEqualTo(instantiesVoor);
    }

    @Test
    void acceptedIntakeIsScoredAndCheckedForCapacityBeforeMtDecides() {
        Team team = portfolio.team("3.0");
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));

        accepteer(pi);

        assertThat(pi).hasPassed(Element.PRIORITERING_VOORBEREIDEN, Element.PRIORITEREN, Element.CAPACITEIT)
                .isWaitingAt(Element.MT_BESLUIT)
                .variables()
                .containsEntry(Var.WETTELIJKE_TAAK, false)
                .containsEntry(Var.AANTAL_DOELEN, 1)
                .containsEntry(Var.BUDGET, 40000.0)
                .containsEntry(Var.PRIORITEIT_SCORE, SCORE)
                .containsEntry(Var.CAPACITEIT_VRIJ, 3.0)
                .containsEntry(Var.CAPACITEIT_TOEREIKEND, true);
        assertThat(taak(pi, Element.MT_BESLUIT)).hasCandidateGroup("mt").hasDueDate(nuPlus(10, DAYS));
        Opdracht opdracht = opdracht(pi);
        assertThat(opdracht.getFase()).isEqualTo(Fase.PRIORITERING);
        assertThat(opdracht.getUrgentie()).isEqualTo(Niveau.HOOG);
        assertThat(opdracht.getRisico()).isEqualTo(Niveau.MIDDEN);
        assertThat(opdracht.getPrioriteitScore()).isEqualTo(SCORE);
        int rang = portfolio.wachtrij().indexOf(pi.getBusinessKey()) + 1;
        assertThat(opdracht.getPrioriteitRang()).isPositive().isEqualTo(rang);
        assertThat(variabele(pi, Var.PRIORITEIT_RANG)).isEqualTo(rang);
        assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(pi.getId())
                .decisionDefinitionKey(LevenscyclusProces.DECISION_PRIORITERING).count()).isEqualTo(1);
    }

    @Test
    void capacityCheckSubtractsWhatRunningOpdrachtenOfTheTeamTake() {
        Team team = portfolio.team("2.0");
        Doel doel = portfolio.doel();
        ProcessInstance lopend = vraagAan(portfolio.volledigeAanvraag(team, doel));
        accepteer(lopend);
        start(lopend);

        ProcessInstance nieuw = vraagAan(portfolio.volledigeAanvraag(team, doel));
        accepteer(nieuw);

        assertThat(nieuw).isWaitingAt(Element.MT_BESLUIT).variables()
                .containsEntry(Var.CAPACITEIT_VRIJ, 0.5)
                .containsEntry(Var.CAPACITEIT_VRIJ_TEKST, "0,5")
                .containsEntry(Var.CAPACITEIT_TOEREIKEND, false)
                .containsEntry(Var.GEVRAAGD_TEKST, "€ 40.000 en 1,5 fte, " + new Opmaak().datum(LocalDate.now())
                        + " t/m " + new Opmaak().datum(LocalDate.now().plusMonths(6)));
    }

    @Test
    void doelUnderAStatutoryTaskScoresAsStatutoryWork() {
        Team team = portfolio.team("3.0");
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doelOnderWettelijkeTaak(),
                portfolio.doel()));

        accepteer(pi);

        // 40 (wettelijke taak) + 25 + 8 + 15 (two doelen) + 5
        assertThat(pi).variables().containsEntry(Var.WETTELIJKE_TAAK, true).containsEntry(Var.AANTAL_DOELEN, 2)
                .containsEntry(Var.PRIORITEIT_SCORE, 93);
        assertThat(opdracht(pi).getPrioriteitScore()).isEqualTo(93);
    }

    @Test
    void intakeRejectedEndsWithReason() {
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(portfolio.team("3.0"), portfolio.doel()));

        rond(pi, Element.BEOORDEEL_INTAKE, Var.INTAKE_BESLUIT, Besluit.AFWIJZEN, Var.INTAKE_TOELICHTING,
                "Valt onder het programma Jeugd");

        assertThat(pi).isEnded().hasPassed(Element.EIND_AFGEWEZEN).hasNotPassed(Element.PRIORITEREN);
        Opdracht opdracht = opdracht(pi);
        assertThat(opdracht.getFase()).isEqualTo(Fase.AFGEWEZEN);
        assertThat(opdracht.getBesluitReden()).isEqualTo("Valt onder het programma Jeugd");
        assertThat(opdracht.getAfgeslotenOp()).isEqualTo(LocalDate.now());
    }

    private ProcessInstance meetronde(Indicator indicator) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(MeetrondeProces.PROCESS_ID)
                .processInstanceBusinessKey(MeetrondeProces.sleutel(indicator.getId())).singleResult();
    }

    @Test
    void intakeRejectionWithoutReasonIsRefused() {
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(portfolio.team("3.0"), portfolio.doel()));
        var rijVoor = rij(pi);

        OngeldigeInvoerException fout = geweigerd(() -> rond(pi, Element.BEOORDEEL_INTAKE,
                Var.INTAKE_BESLUIT, Besluit.AFWIJZEN));

        assertThat(fout.getVelden()).containsEntry(Var.INTAKE_TOELICHTING, "is verplicht bij afwijzen");
        assertThat(pi).isWaitingAt(Element.BEOORDEEL_INTAKE);
        assertThat(rij(pi)).isEqualTo(rijVoor);
    }

    @Test
    void mtRejectionWithoutReasonIsRefused() {
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(portfolio.team("3.0"), portfolio.doel()));
        accepteer(pi);
        var rijVoor = rij(pi);

        OngeldigeInvoerException fout = geweigerd(() -> rond(pi, Element.MT_BESLUIT,
                Var.MT_BESLUIT, Besluit.AFWIJZEN, Var.MT_TOELICHTING, " "));

        assertThat(fout.getVelden()).containsEntry(Var.MT_TOELICHTING, "is verplicht bij afwijzen");
        assertThat(pi).isWaitingAt(Element.MT_BESLUIT);
        assertThat(rij(pi)).isEqualTo(rijVoor);
    }

    @Test
    void intakeAsksTheRequesterForMoreUntilTheRequestIsComplete() {
        Team team = portfolio.team("3.0");
        Doel doel = portfolio.doel();
        ProcessInstance pi = vraagAan(portfolio.onvolledigeAanvraag(team));
        assertThat(pi).variables().containsEntry(Var.ONTBREKENDE_GEGEVENS, "vraagstuk, verwacht resultaat, "
                + "opdrachtgever, doel, budget, capaciteit (fte), startdatum, einddatum, reviewfrequentie");

        OngeldigeInvoerException onvolledig = geweigerd(() -> accepteer(pi));
        assertThat(onvolledig.getVelden()).containsKey(Var.INTAKE_BESLUIT);
        assertThat(onvolledig.getMessage()).contains("ontbreekt: vraagstuk");
        assertThat(pi).isWaitingAt(Element.BEOORDEEL_INTAKE);
        assertFase(pi, Fase.INTAKE);

        rond(pi, Element.BEOORDEEL_INTAKE, Var.INTAKE_BESLUIT, Besluit.AANVULLEN, Var.INTAKE_TOELICHTING,
                "Vul het vraagstuk en het budget aan");

        assertThat(pi).isWaitingAt(Element.AANVULLEN);
        assertThat(taak(pi, Element.AANVULLEN)).isAssignedTo(AANVRAGER).hasCandidateGroupAssociated("intake")
                .hasDueDate(nuPlus(14, DAYS));
        assertFase(pi, Fase.AANVULLEN);

        rond(pi, Element.AANVULLEN, "vraagstuk", "Jongeren weten de buurtkamer niet te vinden",
                "verwachtResultaat", "Honderd bezoekers per week", "doelen", doel.getCode(), "budget", "25000");

        assertThat(pi).hasPassed(Element.AANVULLING_VERWERKEN).isWaitingAt(Element.BEOORDEEL_INTAKE)
                .variables().containsEntry(Var.ONTBREKENDE_GEGEVENS,
                        "opdrachtgever, capaciteit (fte), startdatum, einddatum, reviewfrequentie")
                .doesNotContainKeys("vraagstuk", "verwachtResultaat", "doelen", "budget");
        assertThat(heeftTimer(pi, Element.TIMER_AANVULLING_HERINNERING)).isFalse();
        assertThat(heeftTimer(pi, Element.TIMER_AANVULLING_VERLOPEN)).isFalse();
        Opdracht aangevuld = opdracht(pi);
        assertThat(aangevuld.getFase()).isEqualTo(Fase.INTAKE);
        assertThat(aangevuld.getVraagstuk()).isEqualTo("Jongeren weten de buurtkamer niet te vinden");
        assertThat(aangevuld.getBudget()).isEqualByComparingTo("25000");
        assertThat(aangevuld.getDoelen()).extracting(Doel::getCode).containsExactly(doel.getCode());

        rond(pi, Element.BEOORDEEL_INTAKE, Var.INTAKE_BESLUIT, Besluit.AANVULLEN);
        LocalDate start = LocalDate.now().plusMonths(1);
        rond(pi, Element.AANVULLEN, "opdrachtgever", "Stadsdeelvoorzitter", "fte", 0.8, "startdatum",
                start.toString(), "einddatum", start.plusYears(1) + "T00:00:00.000Z", "reviewFrequentie", "kwartaal");

        assertThat(pi).isWaitingAt(Element.BEOORDEEL_INTAKE).variables()
                .containsEntry(Var.ONTBREKENDE_GEGEVENS, "");
        Opdracht compleet = opdracht(pi);
        assertThat(compleet.getOpdrachtgever()).isEqualTo("Stadsdeelvoorzitter");
        assertThat(compleet.getFte()).isEqualByComparingTo("0.8");
        assertThat(compleet.getStartdatum()).isEqualTo(start);
        assertThat(compleet.getEinddatum()).isEqualTo(start.plusYears(1));
        assertThat(compleet.getReviewFrequentie()).isEqualTo(ReviewFrequentie.KWARTAAL);
        assertThat(compleet.getVraagstuk()).as("kept from the first round")
                .isEqualTo("Jongeren weten de buurtkamer niet te vinden");

        accepteer(pi);

        assertThat(pi).isWaitingAt(Element.MT_BESLUIT);
        assertFase(pi, Fase.PRIORITERING);
    }

    @Test
    void intakeRefusesAnOpdrachtWhoseDoelenNobodyMeasures() {
        Team team = portfolio.team("3.0");
        Doel ongemeten = portfolio.doelZonderIndicator();
        Doel zonderStreefwaarde = portfolio.doelZonderIndicator();
        Indicator onvolledig = new Indicator("Tevredenheid ouders", Richting.HOGER_BETER, Meetfrequentie.JAAR);
        onvolledig.hangAan(zonderStreefwaarde, null);
        onvolledig.zetBasis(new BigDecimal("7"), LocalDate.of(2026, 1, 1));
        indicatoren.save(onvolledig);
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(team, ongemeten, zonderStreefwaarde));
        assertThat(pi).variables().containsEntry(Var.ONTBREKENDE_GEGEVENS, Opdracht.GEEN_MEETBARE_INDICATOR);

        OngeldigeInvoerException fout = geweigerd(() -> accepteer(pi));

        assertThat(fout.getMessage()).contains("ontbreekt: meetbare indicator bij een van de doelen");
        assertThat(pi).isWaitingAt(Element.BEOORDEEL_INTAKE);
        assertFase(pi, Fase.INTAKE);
        assertThat(opdracht(pi).getUrgentie()).isNull();

        // Once one doel is measured, the next intake round sees a complete request.
        portfolio.meetbareIndicator(ongemeten);
        rond(pi, Element.BEOORDEEL_INTAKE, Var.INTAKE_BESLUIT, Besluit.AANVULLEN, Var.INTAKE_TOELICHTING,
                "Welke indicator volgt dit doel?");
        rond(pi, Element.AANVULLEN);
        assertThat(pi).isWaitingAt(Element.BEOORDEEL_INTAKE).variables().containsEntry(Var.ONTBREKENDE_GEGEVENS, "");

        accepteer(pi);

        assertThat(pi).isWaitingAt(Element.MT_BESLUIT);
        assertFase(pi, Fase.PRIORITERING);
    }

    @Test
    void aLapsedIndicatorNoLongerCountsAsMeasurable() {
        Doel doel = portfolio.doelZonderIndicator();
        Indicator indicator = portfolio.meetbareIndicator(doel);
        transactie.executeWithoutResult(s -> indicatoren.findById(indicator.getId()).orElseThrow().vervalt());
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(portfolio.team("3.0"), doel));

        assertThat(pi).variables().containsEntry(Var.ONTBREKENDE_GEGEVENS, Opdracht.GEEN_MEETBARE_INDICATOR);
        geweigerd(() -> accepteer(pi));
        assertThat(pi).isWaitingAt(Element.BEOORDEEL_INTAKE);
    }

    @Test
    void reminderRaisesPriorityAndLeavesTheRequestOpen() {
        if (processEngine.getIdentityService().createUserQuery().userId(AANVRAGER).count() == 0) {
            User aanvrager = processEngine.getIdentityService().newUser(AANVRAGER);
            aanvrager.setEmail(AANVRAGER + "@gemeente.example");
            processEngine.getIdentityService().saveUser(aanvrager);
        }
        ProcessInstance pi = vraagAan(portfolio.onvolledigeAanvraag(portfolio.team("3.0")));
        rond(pi, Element.BEOORDEEL_INTAKE, Var.INTAKE_BESLUIT, Besluit.AANVULLEN);
        Task voor = taak(pi, Element.AANVULLEN);
        assertThat(timer(pi, Element.TIMER_AANVULLING_HERINNERING).getDuedate()).isEqualTo(nuPlus(5, DAYS));
        assertThat(timer(pi, Element.TIMER_AANVULLING_VERLOPEN).getDuedate()).isEqualTo(nuPlus(30, DAYS));

        ClockUtil.setCurrentTime(Date.from(nuPlus(5, DAYS).toInstant().plus(1, MINUTES)));
        List<Job> rijp = managementService.createJobQuery().processInstanceId(pi.getId()).executable().list();
        assertThat(rijp).extracting(Job::getId)
                .containsExactly(timer(pi, Element.TIMER_AANVULLING_HERINNERING).getId());
        voerUit(rijp.get(0));

        assertThat(pi).hasPassed(Element.EIND_HERINNERING_VERSTUURD).isWaitingAt(Element.AANVULLEN);
        Task na = taak(pi, Element.AANVULLEN);
        assertThat(na.getId()).isEqualTo(voor.getId());
        assertThat(voor.getPriority()).isLessThan(80);
        assertThat(na.getPriority()).isEqualTo(80);
        assertThat(na.getAssignee()).isEqualTo(AANVRAGER);
        assertThat(taskService.getTaskComments(na.getId())).extracting(Comment::getFullMessage)
                .containsExactly("Herinnering: de intake wacht op uw aanvulling.");
        assertThat(Postbus.aan(AANVRAGER + "@gemeente.example")).as("told of the task when it was made")
                .filteredOn(m -> m.tekst().contains("?task=" + na.getId()))
                .filteredOn(m -> m.onderwerp().startsWith("Stuurwiel: nieuwe taak")).singleElement()
                .satisfies(m -> assertThat(m.onderwerp())
                        .isEqualTo("Stuurwiel: nieuwe taak: Aanvraag aanvullen (" + pi.getBusinessKey() + ")"));
        assertThat(Postbus.aan(AANVRAGER + "@gemeente.example")).as("and reminded by mail, with a link to the task")
                .filteredOn(m -> m.tekst().contains("?task=" + na.getId()))
                .filteredOn(m -> m.onderwerp().contains("herinnering")).singleElement().satisfies(m -> {
                    assertThat(m.onderwerp()).isEqualTo("Stuurwiel: herinnering aanvulling " + pi.getBusinessKey());
                    assertThat(m.tekst()).startsWith("Herinnering: de intake van opdracht " + pi.getBusinessKey()
                            + " wacht op uw aanvulling.").contains("/camunda/app/tasklist/default/#/?task=" + na.getId());
                });
        assertThat(heeftTimer(pi, Element.TIMER_AANVULLING_HERINNERING)).isFalse();
        assertThat(heeftTimer(pi, Element.TIMER_AANVULLING_VERLOPEN)).isTrue();
        assertFase(pi, Fase.AANVULLEN);
    }

    @Test
    void unansweredRequestExpiresAndIsRejected() {
        ProcessInstance pi = vraagAan(portfolio.onvolledigeAanvraag(portfolio.team("3.0")));
        rond(pi, Element.BEOORDEEL_INTAKE, Var.INTAKE_BESLUIT, Besluit.AANVULLEN);

        ClockUtil.setCurrentTime(Date.from(nuPlus(30, DAYS).toInstant().plus(1, MINUTES)));
        voerUit(timer(pi, Element.TIMER_AANVULLING_VERLOPEN));

        assertThat(pi).isEnded().hasPassed(Element.EIND_VERLOPEN).hasNotPassed(Element.AANVULLING_VERWERKEN);
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        Opdracht opdracht = opdracht(pi);
        assertThat(opdracht.getFase()).isEqualTo(Fase.AFGEWEZEN);
        assertThat(opdracht.getBesluitReden()).isEqualTo("Gevraagde aanvulling niet binnen de termijn ontvangen");
    }

    // ---- MT decision -----------------------------------------------------------------------

    @Test
    void mtStartsExecutionForTheOwningTeamWithEndDateAndReviewTimers() {
        Team team = portfolio.team("3.0");
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));
        accepteer(pi);

        start(pi);

        assertThat(pi).isWaitingAt(Element.UITVOEREN).variables()
                .containsEntry(Var.REVIEW_CYCLUS, "R/P1M");
        assertThat(taak(pi, Element.UITVOEREN)).hasCandidateGroup(team.getGroepId());
        Opdracht opdracht = opdracht(pi);
        assertThat(opdracht.getFase()).isEqualTo(Fase.UITVOERING);
        assertThat(opdracht.getPrioriteitRang()).isNull();
        assertThat(portfolio.wachtrij()).doesNotContain(pi.getBusinessKey());
        Date einde = begin(opdracht.getEinddatum().plusDays(1));
        assertThat(timer(pi, Element.TIMER_EINDDATUM).getDuedate()).isEqualTo(einde);
        assertThat(variabele(pi, Var.GEPLAND_EINDE)).isEqualTo(einde);
        assertThat(timer(pi, Element.TIMER_REVIEWCYCLUS).getDuedate()).isEqualTo(nuPlus(1, MONTHS));
    }

    @Test
    void parkedOpdrachtReturnsToMtAtThePortfolioMeetingWithAFreshScore() {
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(portfolio.team("3.0"), portfolio.doel()));
        accepteer(pi);

        rond(pi, Element.MT_BESLUIT, Var.MT_BESLUIT, Besluit.PARKEREN);

        assertThat(pi).isWaitingAt(Element.TIMER_PORTFOLIOOVERLEG);
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertFase(pi, Fase.GEPARKEERD);
        assertThat(portfolio.wachtrij()).contains(pi.getBusinessKey());
        Job overleg = timer(pi, Element.TIMER_PORTFOLIOOVERLEG);
        assertThat(overleg.getDuedate()).isEqualTo(eersteMaandagOmNegenNa(nu));

        // While parked the budget grows past 50.000, which costs the small-budget bonus.
        portfolio.wijzig(pi.getBusinessKey(), o -> o.setBudget(new BigDecimal("75000")));
        ClockUtil.setCurrentTime(overleg.getDuedate());
        voerUit(overleg);

        assertThat(pi).isWaitingAt(Element.MT_BESLUIT).variables()
                .containsEntry(Var.BUDGET, 75000.0)
                .containsEntry(Var.PRIORITEIT_SCORE, SCORE - 5);
        assertFase(pi, Fase.PRIORITERING);
        assertThat(opdracht(pi).getPrioriteitScore()).isEqualTo(SCORE - 5);
        assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(pi.getId()).count())
                .isEqualTo(2);
    }

    @Test
    void mtRejectsWithReason() {
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(portfolio.team("3.0"), portfolio.doel()));
        accepteer(pi);

        rond(pi, Element.MT_BESLUIT, Var.MT_BESLUIT, Besluit.AFWIJZEN, Var.MT_TOELICHTING,
                "Past niet in de begroting van dit jaar");

        assertThat(pi).isEnded().hasPassed(Element.EIND_AFGEWEZEN_DOOR_MT).hasNotPassed(Element.UITVOEREN);
        Opdracht opdracht = opdracht(pi);
        assertThat(opdracht.getFase()).isEqualTo(Fase.AFGEWEZEN);
        assertThat(opdracht.getBesluitReden()).isEqualTo("Past niet in de begroting van dit jaar");
        assertThat(portfolio.wachtrij()).doesNotContain(pi.getBusinessKey());
    }

    @Test
    void startingOrRejectingAWaitingOpdrachtClosesTheGapItLeavesInTheQueue() {
        Team team = portfolio.team("3.0");
        ProcessInstance gestart = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));
        ProcessInstance afgewezen = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));
        ProcessInstance wachtend = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));
        List.of(gestart, afgewezen, wachtend).forEach(this::accepteer);
        int voor = opdracht(wachtend).getPrioriteitRang();

        start(gestart);
        rond(afgewezen, Element.MT_BESLUIT, Var.MT_BESLUIT, Besluit.AFWIJZEN, Var.MT_TOELICHTING, "Geen budget");

        assertThat(opdracht(gestart).getPrioriteitRang()).isNull();
        assertThat(opdracht(afgewezen).getPrioriteitRang()).isNull();
        assertThat(opdracht(wachtend).getPrioriteitRang()).as("moved up past the two that left").isEqualTo(voor - 2);
        List<String> wachtrij = portfolio.wachtrij();
        assertThat(wachtrij.stream().map(sleutel -> portfolio.opdracht(sleutel).getPrioriteitRang()))
                .as("ranks 1..n in queue order").containsExactlyElementsOf(
                        IntStream.rangeClosed(1, wachtrij.size()).boxed().toList());
    }

    // ---- execution and closure -------------------------------------------------------------

    @Test
    void executionIsOnlyFinishedWhenTheTeamConfirmsTheWorkIsDone() {
        ProcessInstance pi = inUitvoering();

        OngeldigeInvoerException fout = geweigerd(() -> rond(pi, Element.UITVOEREN, "uitvoeringGereed", false));

        assertThat(fout.getVelden()).containsOnlyKeys("uitvoeringGereed");
        assertThat(pi).isWaitingAt(Element.UITVOEREN);
        assertFase(pi, Fase.UITVOERING);
    }

    @Test
    void aDecisionTaskCreatedAgainOpensWithoutThePreviousAnswers() {
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(portfolio.team("5.0"), portfolio.doel()));
        accepteer(pi);
        rond(pi, Element.MT_BESLUIT, Var.MT_BESLUIT, "parkeren", Var.MT_TOELICHTING, "Volgend overleg");
        assertThat(variabele(pi, Var.MT_BESLUIT)).isEqualTo("parkeren");

        voerUit(timer(pi, Element.TIMER_PORTFOLIOOVERLEG));

        assertThat(pi).isWaitingAt(Element.MT_BESLUIT);
        assertThat(variabele(pi, Var.MT_BESLUIT)).isNull();
        assertThat(variabele(pi, Var.MT_TOELICHTING)).isNull();
    }

    @Test
    void finishedExecutionIsEvaluatedAndTheOpdrachtAfgerond() {
        ProcessInstance pi = inUitvoering();
        String teamGroep = (String) variabele(pi, Var.TEAM_GROEP);
        LocalDate basis = LocalDate.now().withDayOfMonth(1).minusMonths(6);
        Indicator eigen = indicatorService.maak(new IndicatorInvoer(null, pi.getBusinessKey(), "Ouders bereikt", null,
                "ouders", Richting.HOGER_BETER, new BigDecimal("10"), basis, new BigDecimal("80"), basis.plusYears(1),
                null, Meetfrequentie.KWARTAAL, null, null));
        assertThat(meetronde(eigen)).as("measured while the opdracht runs").isNotNull();

        rond(pi, Element.UITVOEREN, "uitvoeringGereed", true);

        assertThat(pi).hasPassed(Element.EIND_UITVOERING_GEREED).isWaitingAt(Element.EINDEVALUATIE);
        assertThat(taak(pi, Element.EINDEVALUATIE)).hasCandidateGroup(teamGroep).hasDueDate(nuPlus(30, DAYS));
        assertThat(heeftTimer(pi, Element.TIMER_EINDDATUM)).isFalse();
        assertThat(heeftTimer(pi, Element.TIMER_REVIEWCYCLUS)).isFalse();
        assertFase(pi, Fase.AFSLUITING);

        rond(pi, Element.EINDEVALUATIE, Var.DOELEN_BEREIKT, "ja", Var.IMPACT, "Verzuim daalde met 30%",
                Var.LESSEN, "Scholen vroeg betrekken");

        assertThat(pi).isEnded().hasPassed(Element.EIND_AFGESLOTEN);
        Opdracht opdracht = opdracht(pi);
        assertThat(opdracht.getFase()).isEqualTo(Fase.AFGEROND);
        assertThat(opdracht.getDoelenBereikt()).isEqualTo("ja");
        assertThat(opdracht.getImpact()).isEqualTo("Verzuim daalde met 30%");
        assertThat(opdracht.getLessen()).isEqualTo("Scholen vroeg betrekken");
        assertThat(opdracht.getAfgeslotenOp()).isEqualTo(LocalDate.now());
        assertThat(indicatorService.indicator(eigen.getId()).isActief()).as("its own indicator ends with it").isFalse();
        assertThat(meetronde(eigen)).as("and nobody is asked to measure it").isNull();
    }

    @Test
    void passedEndDateLetsMtExtendAndExecutionGoesOnUntilTheNewDate() {
        ProcessInstance pi = inUitvoering();
        LocalDate oudeEinddatum = opdracht(pi).getEinddatum();

        voerUit(timer(pi, Element.TIMER_EINDDATUM));

        assertThat(pi).isWaitingAt(Element.EINDDATUM_VERSTREKEN);
        assertThat(taken(pi, Element.UITVOEREN)).isEmpty();
        assertThat(heeftTimer(pi, Element.TIMER_REVIEWCYCLUS)).isFalse();
        assertThat(taak(pi, Element.EINDDATUM_VERSTREKEN)).hasCandidateGroup("mt");
        assertThat(taskService.getVariable(taak(pi, Element.EINDDATUM_VERSTREKEN).getId(), Var.EINDDATUM_TEKST))
                .as("the form names the date that passed").isEqualTo(new Opmaak().datum(oudeEinddatum));
        assertFase(pi, Fase.UITVOERING);

        LocalDate nieuweEinddatum = oudeEinddatum.plusMonths(3);
        rond(pi, Element.EINDDATUM_VERSTREKEN, Var.EINDDATUM_BESLUIT, Besluit.VERLENGEN, Var.NIEUWE_EINDDATUM,
                nieuweEinddatum.toString(), Var.BIJSTELLING_REDEN, "Twee scholen starten later");

        assertThat(pi).hasPassed(Element.EINDDATUM_VERLENGEN).isWaitingAt(Element.UITVOEREN).variables()
                .doesNotContainKeys(Var.NIEUWE_EINDDATUM, Var.BIJSTELLING_REDEN);
        Opdracht opdracht = opdracht(pi);
        assertThat(opdracht.getFase()).isEqualTo(Fase.UITVOERING);
        assertThat(opdracht.getEinddatum()).isEqualTo(nieuweEinddatum);
        assertThat(opdracht.getVersie()).isEqualTo(2);
        assertThat(timer(pi, Element.TIMER_EINDDATUM).getDuedate()).isEqualTo(begin(nieuweEinddatum.plusDays(1)));
        assertThat(heeftTimer(pi, Element.TIMER_REVIEWCYCLUS)).isTrue();
        List<Bijstelling> bijstellingen = portfolio.bijstellingen(pi.getBusinessKey());
        assertThat(bijstellingen).hasSize(1);
        Bijstelling verlenging = bijstellingen.get(0);
        assertThat(verlenging.getStatus()).isEqualTo(BijstellingStatus.GOEDGEKEURD);
        assertThat(verlenging.getReden()).isEqualTo("Twee scholen starten later");
        assertThat(verlenging.getOudeEinddatum()).isEqualTo(oudeEinddatum);
        assertThat(verlenging.getNieuweEinddatum()).isEqualTo(nieuweEinddatum);
        assertThat(verlenging.getOudBudget()).isEqualByComparingTo("40000");
        assertThat(verlenging.getOpdrachtVersie()).isEqualTo(2);
    }

    @Test
    void passedEndDateLetsMtCloseAndTheOpdrachtIsAfgerond() {
        ProcessInstance pi = inUitvoering();
        voerUit(timer(pi, Element.TIMER_EINDDATUM));

        rond(pi, Element.EINDDATUM_VERSTREKEN, Var.EINDDATUM_BESLUIT, Besluit.AFSLUITEN);

        assertThat(pi).isWaitingAt(Element.EINDEVALUATIE).hasNotPassed(Element.EINDDATUM_VERLENGEN);
        assertFase(pi, Fase.AFSLUITING);

        rond(pi, Element.EINDEVALUATIE, Var.DOELEN_BEREIKT, "deels");

        assertThat(pi).isEnded().hasPassed(Element.EIND_AFGESLOTEN);
        assertFase(pi, Fase.AFGEROND);
        assertThat(portfolio.bijstellingen(pi.getBusinessKey())).isEmpty();
        assertThat(opdracht(pi).getVersie()).isEqualTo(1);
    }

    // ---- refused input ---------------------------------------------------------------------

    @Test
    void engineAndPortfolioCommitOrRollBackAsOneTransaction() {
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(portfolio.team("3.0"), portfolio.doel()));
        var rijVoor = rij(pi);

        transactie.executeWithoutResult(status -> {
            rond(pi, Element.BEOORDEEL_INTAKE, Var.INTAKE_BESLUIT, Besluit.AFWIJZEN, Var.INTAKE_TOELICHTING,
                    "Dubbel aangevraagd");
            assertThat(opdrachtService.opdracht(pi.getBusinessKey()).getFase()).isEqualTo(Fase.AFGEWEZEN);
            assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
            status.setRollbackOnly();
        });

        assertThat(pi).isWaitingAt(Element.BEOORDEEL_INTAKE);
        assertThat(rij(pi)).isEqualTo(rijVoor);
    }

    @Test
    void unknownIntakeDecisionIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(portfolio.team("3.0"), portfolio.doel()));
        Task intake = taak(pi, Element.BEOORDEEL_INTAKE);
        var rijVoor = rij(pi);

        OngeldigeInvoerException fout = geweigerd(() -> rond(pi, Element.BEOORDEEL_INTAKE,
                Var.INTAKE_BESLUIT, "misschien", Var.URGENTIE, "hoog", Var.RISICO, "laag"));

        assertThat(fout.getVelden()).containsOnlyKeys(Var.INTAKE_BESLUIT);
        assertThat(fout.getMessage()).contains("onbekend besluit 'misschien'")
                .contains("accepteren, afwijzen, aanvullen");
        assertThat(pi).isWaitingAt(Element.BEOORDEEL_INTAKE).variables()
                .doesNotContainKeys(Var.INTAKE_BESLUIT, Var.URGENTIE, Var.RISICO);
        assertThat(taak(pi, Element.BEOORDEEL_INTAKE).getId()).isEqualTo(intake.getId());
        assertThat(rij(pi)).isEqualTo(rijVoor);
    }

    @Test
    void unknownUrgencyIsRefusedByTheDelegateAndNothingIsCommitted() {
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(portfolio.team("3.0"), portfolio.doel()));
        var rijVoor = rij(pi);

        OngeldigeInvoerException fout = geweigerd(() -> rond(pi, Element.BEOORDEEL_INTAKE,
                Var.INTAKE_BESLUIT, Besluit.ACCEPTEREN, Var.URGENTIE, "extreem", Var.RISICO, "laag"));

        assertThat(fout.getVelden()).containsOnlyKeys(Var.URGENTIE);
        assertThat(fout.getMessage()).contains("'extreem'").contains("laag, midden, hoog");
        assertThat(pi).isWaitingAt(Element.BEOORDEEL_INTAKE).hasNotPassed(Element.PRIORITEREN);
        assertThat(rij(pi)).isEqualTo(rijVoor);
    }

    @Test
    void unreadableBudgetFromTheFormIsRefusedAndNothingIsCommitted() {
        ProcessInstance pi = vraagAan(portfolio.onvolledigeAanvraag(portfolio.team("3.0")));
        rond(pi, Element.BEOORDEEL_INTAKE, Var.INTAKE_BESLUIT, Besluit.AANVULLEN);
        Task aanvullen = taak(pi, Element.AANVULLEN);
        var rijVoor = rij(pi);

        OngeldigeInvoerException fout = geweigerd(() -> rond(pi, Element.AANVULLEN,
                "vraagstuk", "Jongeren weten de buurtkamer niet te vinden", "budget", "abc"));

        assertThat(fout.getVelden()).containsEntry("budget", "is geen getal: 'abc'");
        assertThat(fout.getMessage()).contains("budget");
        assertThat(pi).isWaitingAt(Element.AANVULLEN).hasNotPassed(Element.AANVULLING_VERWERKEN).variables()
                .doesNotContainKeys("vraagstuk", "budget");
        assertThat(taak(pi, Element.AANVULLEN).getId()).isEqualTo(aanvullen.getId());
        assertThat(rij(pi)).isEqualTo(rijVoor);
        assertThat(opdracht(pi).getVraagstuk()).isNull();
    }

    @Test
    void endDateBeforeStartRollsBackTheAanvullingAlreadyApplied() {
        ProcessInstance pi = vraagAan(portfolio.onvolledigeAanvraag(portfolio.team("3.0")));
        rond(pi, Element.BEOORDEEL_INTAKE, Var.INTAKE_BESLUIT, Besluit.AANVULLEN);
        var rijVoor = rij(pi);
        LocalDate start = LocalDate.now().plusMonths(2);

        // vulAan applies every field and only then finds the period impossible
        OngeldigeInvoerException fout = geweigerd(() -> rond(pi, Element.AANVULLEN, "vraagstuk", "Nieuw vraagstuk",
                "budget", 12000, "startdatum", start.toString(), "einddatum", start.minusDays(1).toString()));

        assertThat(fout.getVelden()).containsOnlyKeys("einddatum");
        assertThat(pi).isWaitingAt(Element.AANVULLEN);
        assertThat(rij(pi)).isEqualTo(rijVoor);
        Opdracht opdracht = opdracht(pi);
        assertThat(opdracht.getVraagstuk()).isNull();
        assertThat(opdracht.getBudget()).isNull();
        assertThat(opdracht.getFase()).isEqualTo(Fase.AANVULLEN);
    }

    @Test
    void extensionToADateThatIsNoLaterIsRefusedAndMtStillDecides() {
        ProcessInstance pi = inUitvoering();
        LocalDate einddatum = opdracht(pi).getEinddatum();
        voerUit(timer(pi, Element.TIMER_EINDDATUM));
        Task besluiten = taak(pi, Element.EINDDATUM_VERSTREKEN);
        var rijVoor = rij(pi);

        OngeldigeInvoerException fout = geweigerd(() -> rond(pi, Element.EINDDATUM_VERSTREKEN,
                Var.EINDDATUM_BESLUIT, Besluit.VERLENGEN, Var.NIEUWE_EINDDATUM, einddatum.toString(),
                Var.BIJSTELLING_REDEN, "Nog even door"));

        assertThat(fout.getVelden()).containsOnlyKeys(Var.NIEUWE_EINDDATUM);
        assertThat(fout.getMessage()).contains("na de huidige einddatum " + new Opmaak().datum(einddatum));
        assertThat(taak(pi, Element.EINDDATUM_VERSTREKEN).getId()).isEqualTo(besluiten.getId());
        assertThat(pi).isWaitingAt(Element.EINDDATUM_VERSTREKEN).hasNotPassed(Element.EINDDATUM_VERLENGEN);
        assertThat(portfolio.bijstellingen(pi.getBusinessKey())).isEmpty();
        assertThat(rij(pi)).isEqualTo(rijVoor);
    }

    /** Default stuurwiel.proces.portfolio-overleg: the first Monday of a month at 09:00. */
    private static Date eersteMaandagOmNegenNa(Date moment) {
        ZoneId zone = ZoneId.systemDefault();
        LocalDateTime na = LocalDateTime.ofInstant(moment.toInstant(), zone);
        for (LocalDate dag = na.toLocalDate(); ; dag = dag.plusDays(1)) {
            LocalDateTime overleg = dag.atTime(9, 0);
            if (dag.getDayOfWeek() == DayOfWeek.MONDAY && dag.getDayOfMonth() <= 7 && overleg.isAfter(na)) {
                return Date.from(overleg.atZone(zone).toInstant());
            }
        }
    }
}
