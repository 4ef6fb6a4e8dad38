package nl.stuurwiel.meetronde;

import static java.time.temporal.ChronoUnit.DAYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.Postbus;
import nl.stuurwiel.Taakkaarten;
import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.indicator.IndicatorInvoer;
import nl.stuurwiel.indicator.IndicatorService;
import nl.stuurwiel.indicator.Meetfrequentie;
import nl.stuurwiel.indicator.Meting;
import nl.stuurwiel.indicator.MetingInvoer;
import nl.stuurwiel.indicator.Richting;
import nl.stuurwiel.meetronde.MeetrondeProces.Element;
import nl.stuurwiel.meetronde.MeetrondeProces.Var;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.system.OngeldigeInvoerException;

/**
 * processes/meetronde.bpmn in the real application: a round per period of the indicator's
 * frequency, the owner's task with reminder and escalation, values that arrive another way, and
 * the end when the indicator is retired.
 */
class MeetrondeProcesTest extends LevenscyclusTestBasis {

    private static final String WACHTWOORD = "Meetronde-Test-1!";

    private static final DateTimeFormatter NL_DATUM = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));

    @Autowired
    IndicatorService indicatorService;
    @Autowired
    IdentityService identityService;
    @LocalServerPort
    int poort;

    String eigenaar;
    /** The quarter the first round asks for, fixed before the tests move the clock. */
    LocalDate kwartaal;

    /** A quarterly indicator whose baseline is the previous quarter: the first round asks for this quarter. */
    private Indicator indicator() {
        eigenaar = portfolio.gebruiker("eig" + UUID.randomUUID().toString().replace("-", "").substring(0, 10),
                WACHTWOORD, Rollen.AANVRAGER);
        kwartaal = Meetfrequentie.KWARTAAL.periodeVan(Klok.vandaag());
        LocalDate basis = kwartaal.minusMonths(3);
        return indicatorService.maak(new IndicatorInvoer(portfolio.doelZonderIndicator().getCode(), null,
                "Wachttijd schuldhulp", "Dagen van melding tot eerste gesprek", "dagen", Richting.LAGER_BETER,
                new BigDecimal("40"), basis, new BigDecimal("14"), basis.plusYears(2), null, Meetfrequentie.KWARTAAL,
                "Registratie", eigenaar));
    }

    private ProcessInstance ronde(Indicator indicator) {
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey(MeetrondeProces.PROCESS_ID)
                .processInstanceBusinessKey(MeetrondeProces.sleutel(indicator.getId())).singleResult();
        assertThat(pi).as("meetronde of indicator %s", indicator.getId()).isNotNull();
        return pi;
    }

    private LocalDate ditKwartaal() {
        return kwartaal;
    }

    private List<String> kandidaatGroepen(Task taak) {
        return taskService.getIdentityLinksForTask(taak.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    /** The clock moves to the end of the quarter and the round's timer fires. */
    private void periodeVoorbij(ProcessInstance pi) {
        Job timer = timer(pi, Element.TIMER_PERIODE_VOORBIJ);
        ClockUtil.setCurrentTime(timer.getDuedate());
        voerUit(timer);
    }

    private List<Meting> versies(Indicator indicator, LocalDate periode) {
        return indicatorService.actueleMetingen(indicator.getId()).stream()
                .filter(m -> m.getPeriode().equals(periode)).toList();
    }

    @Test
    void creatingAnIndicatorStartsItsRoundWhichWaitsForTheEndOfThePeriod() {
        Indicator indicator = indicator();
        ProcessInstance pi = ronde(indicator);

        assertThat(pi).isWaitingAt(Element.TIMER_PERIODE_VOORBIJ);
        assertThat(variabele(pi, Var.PERIODE)).isEqualTo(ditKwartaal().toString());
        assertThat(timer(pi, Element.TIMER_PERIODE_VOORBIJ).getDuedate()).isEqualTo(begin(ditKwartaal().plusMonths(3)));
        assertThat(taken(pi, Element.METING_INVOEREN)).isEmpty();
    }

    @Test
    void theOwnersTaskInTasklistsListNamesTheIndicatorAndThePeriod() throws Exception {
        Indicator indicator = indicator();
        ProcessInstance pi = ronde(indicator);
        periodeVoorbij(pi);
        Task taak = taak(pi, Element.METING_INVOEREN);

        assertThat(Taakkaarten.van(poort, eigenaar, WACHTWOORD, "Mijn taken"))
                .as("the owner may read the task, not the round's process instance")
                .containsEntry(taak.getId(), Map.of(Var.INDICATOR_NAAM, "Wachttijd schuldhulp",
                        Var.PERIODE_NAAM, Meetfrequentie.KWARTAAL.naam(ditKwartaal())));
    }

    @Test
    void afterThePeriodTheOwnerEntersTheValueWhichIsStoredAsAMetingAndTheNextRoundWaits() {
        Indicator indicator = indicator();
        ProcessInstance pi = ronde(indicator);
        periodeVoorbij(pi);

        assertThat(pi).isWaitingAt(Element.METING_INVOEREN);
        Task taak = taak(pi, Element.METING_INVOEREN);
        assertThat(taak).isAssignedTo(eigenaar);
        assertThat(kandidaatGroepen(taak)).containsExactly(Rollen.INTAKE);
        assertThat(taak.getDueDate()).isEqualTo(begin(ditKwartaal().plusMonths(3).plusDays(30)));
        assertThat(taskService.getVariable(taak.getId(), Var.VORIGE_WAARDE)).isEqualTo("40 dagen (basiswaarde "
                + NL_DATUM.format(ditKwartaal().minusMonths(3)) + ")");
        assertThat(taskService.getVariable(taak.getId(), Var.PERIODE_NAAM)).as("the form names the period as people do")
                .isEqualTo(ditKwartaal().getYear() + " K" + ((ditKwartaal().getMonthValue() - 1) / 3 + 1));

        identityService.setAuthentication(eigenaar, List.of(Rollen.AANVRAGER));
        try {
            rond(pi, Element.METING_INVOEREN, Var.WAARDE, 35, Var.VERHAAL, "Extra spreekuur geopend",
                    Var.VOORSTEL, "Spreekuur houden");
        } finally {
            identityService.clearAuthentication();
        }

        List<Meting> metingen = versies(indicator, ditKwartaal());
        assertThat(metingen).hasSize(1);
        assertThat(metingen.get(0).getWaarde()).isEqualByComparingTo("35");
        assertThat(metingen.get(0).getVerhaal()).isEqualTo("Extra spreekuur geopend");
        assertThat(metingen.get(0).getIngevoerdDoor()).isEqualTo(eigenaar);
        assertThat(pi).hasPassed(Element.METING_VASTLEGGEN).isWaitingAt(Element.TIMER_PERIODE_VOORBIJ);
        assertThat(variabele(pi, Var.PERIODE)).isEqualTo(ditKwartaal().plusMonths(3).toString());
        assertThat(pi).variables().doesNotContainKeys(Var.WAARDE, Var.VERHAAL, Var.VOORSTEL);

        periodeVoorbij(pi);
        Task volgende = taak(pi, Element.METING_INVOEREN);
        assertThat(volgende.getId()).isNotEqualTo(taak.getId());
        assertThat(taskService.getVariable(volgende.getId(), Var.VORIGE_WAARDE))
                .isEqualTo("35 dagen (" + Meetfrequentie.KWARTAAL.naam(ditKwartaal()) + ")");
        assertThat(taskService.getVariable(volgende.getId(), Var.PERIODE_NAAM))
                .isEqualTo(Meetfrequentie.KWARTAAL.naam(ditKwartaal().plusMonths(3)));
    }

    @Test
    void theOwnerIsRemindedAndAnOverdueValueGoesToMtWhileTheTaskStays() {
        Indicator indicator = indicator();
        String eigenaarAdres = eigenaar + "@gemeente.example";
        User profiel = identityService.createUserQuery().userId(eigenaar).singleResult();
        profiel.setEmail(eigenaarAdres);
        identityService.saveUser(profiel);
        String manager = portfolio.gebruiker("mtmail" + UUID.randomUUID().toString().replace("-", "").substring(0, 10),
                "Meetronde-Test-1!", Rollen.MT);
        User mtProfiel = identityService.createUserQuery().userId(manager).singleResult();
        mtProfiel.setEmail(manager + "@gemeente.example");
        identityService.saveUser(mtProfiel);
        ProcessInstance pi = ronde(indicator);
        periodeVoorbij(pi);
        Task taak = taak(pi, Element.METING_INVOEREN);

        Job herinnering = timer(pi, Element.TIMER_HERINNERING);
        assertThat(herinnering.getDuedate()).isEqualTo(java.util.Date.from(ClockUtil.getCurrentTime().toInstant()
                .plus(14, DAYS)));
        voerUit(herinnering);
        assertThat(pi).hasPassed(Element.EIND_HERINNERING_VERSTUURD).isWaitingAt(Element.METING_INVOEREN);
        assertThat(taak(pi, Element.METING_INVOEREN).getPriority()).isEqualTo(70);
        assertThat(taskService.getTaskComments(taak.getId())).hasSize(1);
        assertThat(Postbus.aan(eigenaarAdres)).as("the owner, by mail: the new task, then the reminder")
                .extracting(Postbus.Bericht::onderwerp).containsExactly(
                        "Stuurwiel: nieuwe taak: Meting invoeren (" + pi.getBusinessKey() + ")",
                        "Stuurwiel: herinnering meting " + variabele(pi, Var.PERIODE_NAAM));
        assertThat(Postbus.aan(manager + "@gemeente.example")).as("MT not yet").isEmpty();

        Job teLaat = timer(pi, Element.TIMER_TE_LAAT);
        assertThat(teLaat.getDuedate()).isEqualTo(taak.getDueDate());
        voerUit(teLaat);

        assertThat(pi).hasPassed(Element.EIND_GEESCALEERD).isWaitingAt(Element.METING_INVOEREN);
        Task geescaleerd = taak(pi, Element.METING_INVOEREN);
        assertThat(geescaleerd.getId()).isEqualTo(taak.getId());
        assertThat(geescaleerd).isAssignedTo(eigenaar);
        assertThat(kandidaatGroepen(geescaleerd)).containsExactlyInAnyOrder(Rollen.INTAKE, Rollen.MT);
        assertThat(geescaleerd.getPriority()).isEqualTo(90);
        assertThat(variabele(pi, Var.GEESCALEERD)).isEqualTo(true);
        assertThat(Postbus.aan(manager + "@gemeente.example")).as("MT is told, and the owner again").singleElement()
                .satisfies(m -> {
                    assertThat(m.onderwerp()).isEqualTo("Stuurwiel: meting te laat " + variabele(pi, Var.PERIODE_NAAM));
                    assertThat(m.tekst()).contains("Wachttijd schuldhulp", "het MT is ingeschakeld");
                    assertThat(Postbus.aan(eigenaarAdres)).extracting(Postbus.Bericht::id).contains(m.id());
                });
    }

    @Test
    void aValueEnteredThroughTheApiClosesTheOpenTaskWithoutASecondVersion() {
        Indicator indicator = indicator();
        ProcessInstance pi = ronde(indicator);
        periodeVoorbij(pi);
        assertThat(pi).isWaitingAt(Element.METING_INVOEREN);

        indicatorService.meet(indicator.getId(), new MetingInvoer(ditKwartaal().toString(), new BigDecimal("33"),
                null, null, null));

        assertThat(pi).hasPassed(Element.METING_ONTVANGEN).isWaitingAt(Element.TIMER_PERIODE_VOORBIJ);
        assertThat(taken(pi, Element.METING_INVOEREN)).isEmpty();
        assertThat(variabele(pi, Var.PERIODE)).isEqualTo(ditKwartaal().plusMonths(3).toString());
        assertThat(versies(indicator, ditKwartaal())).hasSize(1);
    }

    @Test
    void aPeriodMeasuredBeforeItEndsNeedsNoTask() {
        Indicator indicator = indicator();
        ProcessInstance pi = ronde(indicator);
        indicatorService.meet(indicator.getId(), new MetingInvoer(ditKwartaal().toString(), new BigDecimal("30"),
                null, null, null));
        assertThat(pi).isWaitingAt(Element.TIMER_PERIODE_VOORBIJ);

        periodeVoorbij(pi);

        assertThat(pi).hasPassed(Element.METING_CONTROLEREN).isWaitingAt(Element.TIMER_PERIODE_VOORBIJ);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(Element.METING_INVOEREN).count()).isZero();
        assertThat(variabele(pi, Var.PERIODE)).isEqualTo(ditKwartaal().plusMonths(3).toString());
    }

    @Test
    void theSameValueSubmittedAgainAddsNoVersionAndADifferentOneNeedsAReason() {
        Indicator indicator = indicator();
        ProcessInstance pi = ronde(indicator);
        periodeVoorbij(pi);
        rond(pi, Element.METING_INVOEREN, Var.WAARDE, "35");
        Long id = indicator.getId();

        assertThat(indicatorService.meetTenzijGelijk(id, new MetingInvoer(ditKwartaal().toString(),
                new BigDecimal("35.0"), null, null, null))).isEmpty();
        OngeldigeInvoerException fout = geweigerd(() -> indicatorService.meetTenzijGelijk(id,
                new MetingInvoer(ditKwartaal().toString(), new BigDecimal("36"), null, null, null)));
        assertThat(fout.getVelden()).containsKey("toelichting");
        assertThat(indicatorService.historie(id, ditKwartaal().toString())).hasSize(1);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndTheTaskStaysOpen() {
        Indicator indicator = indicator();
        ProcessInstance pi = ronde(indicator);
        periodeVoorbij(pi);
        Task taak = taak(pi, Element.METING_INVOEREN);

        OngeldigeInvoerException geenGetal = geweigerd(() -> rond(pi, Element.METING_INVOEREN, Var.WAARDE, "veel"));
        OngeldigeInvoerException leeg = geweigerd(() -> rond(pi, Element.METING_INVOEREN, Var.VERHAAL, "Geen idee"));

        assertThat(geenGetal.getVelden()).containsKey(Var.WAARDE);
        assertThat(leeg.getVelden()).containsEntry(Var.WAARDE, "is verplicht");
        assertThat(taak(pi, Element.METING_INVOEREN).getId()).isEqualTo(taak.getId());
        assertThat(indicatorService.actueleMetingen(indicator.getId())).isEmpty();
        assertThat(pi).variables().doesNotContainKeys(Var.WAARDE, Var.VERHAAL);
    }

    @Test
    void retiringTheIndicatorEndsItsRoundAndItsOpenTask() {
        Indicator indicator = indicator();
        ProcessInstance pi = ronde(indicator);
        periodeVoorbij(pi);
        assertThat(pi).isWaitingAt(Element.METING_INVOEREN);

        indicatorService.laatVervallen(indicator.getId());

        assertThat(pi).hasPassed(Element.EIND_VERVALLEN).isEnded();
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void aNewOwnerTakesOverTheOpenTask() {
        Indicator indicator = indicator();
        ProcessInstance pi = ronde(indicator);
        periodeVoorbij(pi);
        String nieuw = portfolio.gebruiker("nieuw" + UUID.randomUUID().toString().replace("-", "").substring(0, 10),
                "Meetronde-Test-1!");
        LocalDate basis = ditKwartaal().minusMonths(3);

        indicatorService.wijzig(indicator.getId(), new IndicatorInvoer(indicator.getDoel().getCode(), null,
                "Wachttijd schuldhulp", null, "dagen", Richting.LAGER_BETER, new BigDecimal("40"), basis,
                new BigDecimal("14"), basis.plusYears(2), null, Meetfrequentie.KWARTAAL, null, nieuw));

        assertThat(taak(pi, Element.METING_INVOEREN)).isAssignedTo(nieuw);
        assertThat(variabele(pi, Var.EIGENAAR)).isEqualTo(nieuw);
    }
}
