package nl.stuurwiel.indicator;

import static java.time.temporal.ChronoUnit.DAYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.indicator.ActualiteitService.Achterstand;
import nl.stuurwiel.indicator.ActualiteitService.Actualiteit;
import nl.stuurwiel.indicator.ActualiteitService.TeLateMeting;
import nl.stuurwiel.indicator.ActualiteitService.TeLateRapportage;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.team.Team;

/** Overdue metingen and progress reports, per team, on the real process and portfolio. */
class ActualiteitTest extends LevenscyclusTestBasis {

    private static final LocalDate BEGIN_2026 = LocalDate.of(2026, 1, 1);

    @Autowired
    ActualiteitService actualiteit;
    @Autowired
    IndicatorService indicatorService;
    @Autowired
    IndicatorRepository indicatoren;

    @Test
    void nextMetingIsDueOneGracePeriodAfterItsPeriodEnds() {
        // Kwartaal, last measured Q1 2026: Q2 is due by 2026-07-01 + 30 days = 2026-07-31.
        LocalDate q1 = LocalDate.of(2026, 1, 1);
        assertThat(ActualiteitService.achterstand(Meetfrequentie.KWARTAAL, q1, null, q1, 30, LocalDate.of(2026, 7, 31)))
                .as("on the last day it is not late yet").isNull();
        assertThat(ActualiteitService.achterstand(Meetfrequentie.KWARTAAL, q1, null, q1, 30, LocalDate.of(2026, 8, 10)))
                .isEqualTo(new Achterstand(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 31), 10, 1));
        // Q3 due 2026-10-31 has passed as well on 2026-11-05: two periods missing.
        assertThat(ActualiteitService.achterstand(Meetfrequentie.KWARTAAL, q1, null, q1, 30, LocalDate.of(2026, 11, 5)))
                .isEqualTo(new Achterstand(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 31), 97, 2));
        // Never measured: the period after the baseline's period is the first one due (yearly: 2027 by 2028-01-31).
        assertThat(ActualiteitService.achterstand(Meetfrequentie.JAAR, null, LocalDate.of(2026, 3, 15),
                LocalDate.of(2026, 3, 15), 30, LocalDate.of(2028, 2, 2)))
                .isEqualTo(new Achterstand(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 1, 31), 2, 1));
        // No baseline: the period in which the indicator was created (monthly, created in May: due 2026-07-01).
        assertThat(ActualiteitService.achterstand(Meetfrequentie.MAAND, null, null, LocalDate.of(2026, 5, 20), 0,
                LocalDate.of(2026, 6, 3)))
                .isEqualTo(new Achterstand(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1), 2, 1));
    }

    @Test
    void overdueMetingenOfADoelCountForTheTeamsWorkingOnIt() {
        ProcessInstance pi = inUitvoering();
        String team = opdracht(pi).getTeam().getCode();
        Doel doel = opdracht(pi).getDoelen().iterator().next();
        Indicator indicator = indicatoren.zoek(doel.getCode(), null).get(0);
        // The fixture's indicator: quarterly from a baseline on 2026-01-01, never measured.
        Date peildatum = dag(LocalDate.of(2026, 11, 23));

        Actualiteit voor = actualiteit.actualiteit(team, peildatum);

        TeLateMeting teLaat = voor.metingen().stream().filter(m -> m.indicator().equals(indicator.getId()))
                .findFirst().orElseThrow();
        assertThat(teLaat.doel()).isEqualTo(doel.getCode());
        assertThat(teLaat.teams()).containsExactly(team);
        assertThat(teLaat.verwachtePeriode()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(teLaat.uiterlijk()).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(teLaat.dagenTeLaat()).isEqualTo(115);
        assertThat(teLaat.ontbrekendePerioden()).isEqualTo(2);
        assertThat(voor.teams()).singleElement().satisfies(t -> {
            assertThat(t.team()).isEqualTo(team);
            assertThat(t.metingenTeLaat()).isEqualTo(1);
        });
        Team ander = portfolio.team("1.0");
        assertThat(actualiteit.actualiteit(ander.getCode(), peildatum).metingen())
                .noneMatch(m -> m.indicator().equals(indicator.getId()));

        indicatorService.meet(indicator.getId(), new MetingInvoer("2026-07-01", new java.math.BigDecimal("101"),
                null, "Minder thuiszitters na de zomer", null));

        assertThat(actualiteit.actualiteit(team, peildatum).metingen())
                .as("Q3 measured; Q4 is not due before 2027-01-31")
                .noneMatch(m -> m.indicator().equals(indicator.getId()));
    }

    @Test
    void progressReportsPastTheirDueDateAreOverdueForTheOwningTeam() {
        ProcessInstance pi = inUitvoering();
        String team = opdracht(pi).getTeam().getCode();
        voerUit(timer(pi, Element.TIMER_REVIEWCYCLUS));
        Date vervaldatum = taak(pi, Element.VOORTGANG_RAPPORTEREN).getDueDate();
        assertThat(vervaldatum).isEqualTo(nuPlus(14, DAYS));

        assertThat(actualiteit.actualiteit(team, nuPlus(14, DAYS)).rapportages()).as("due today is not late")
                .isEmpty();

        Date later = nuPlus(20, DAYS);
        ClockUtil.setCurrentTime(later);
        Actualiteit na = actualiteit.actualiteit(team, later);

        assertThat(na.rapportages()).singleElement().satisfies((TeLateRapportage r) -> {
            assertThat(r.opdracht()).isEqualTo(pi.getBusinessKey());
            assertThat(r.team()).isEqualTo(team);
            assertThat(r.vervaldatum()).isEqualTo(vervaldatum);
            assertThat(r.dagenTeLaat()).isEqualTo(6);
        });
        assertThat(na.teams()).filteredOn(t -> t.team().equals(team)).singleElement()
                .satisfies(t -> assertThat(t.rapportagesTeLaat()).isEqualTo(1));
        assertThat(actualiteit.actualiteit(portfolio.team("1.0").getCode(), later).rapportages()).isEmpty();
        assertThat(actualiteit.actualiteit(null, later).rapportages())
                .anyMatch(r -> r.opdracht().equals(pi.getBusinessKey()));
    }

    @Test
    void unknownTeamIsRefused() {
        assertThatThrownBy(() -> actualiteit.actualiteit("BESTAAT-NIET", nu))
                .isInstanceOf(OngeldigeInvoerException.class)
                .satisfies(e -> assertThat(((OngeldigeInvoerException) e).getVelden()).containsKey("team"));
    }

    private static Date dag(LocalDate dag) {
        return Date.from(dag.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
