package nl.stuurwiel.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.Browser;
import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.indicator.IndicatorInvoer;
import nl.stuurwiel.indicator.IndicatorService;
import nl.stuurwiel.indicator.Meetfrequentie;
import nl.stuurwiel.indicator.Richting;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.team.Team;
import nl.stuurwiel.team.TeamInvoer;
import nl.stuurwiel.team.TeamService;
import nl.stuurwiel.system.Klok;

/**
 * The progress report in Tasklist, with the metingen of the opdracht's own indicators as a list in
 * the form. Tasklist took the empty error lists form-js keeps for a list's fields for errors, and
 * "Voltooien" stayed disabled: the team could not report at all.
 */
class VoortgangBrowserTest extends LevenscyclusTestBasis {

    private static final String WACHTWOORD = "Voortgang-Test-Wachtwoord-1";

    @LocalServerPort
    int poort;
    @Autowired
    IndicatorService indicatorService;
    @Autowired
    TeamService teamService;

    @Test
    void theTeamCompletesItsProgressReportWithANewMetingInTasklist() throws Exception {
        String code = "VG" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        Team team = teamService.maak(new TeamInvoer(code, "Team voortgang", new BigDecimal("5"), null));
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));
        accepteer(pi);
        start(pi);
        LocalDate kwartaal = Meetfrequentie.KWARTAAL.periodeVan(Klok.vandaag()).minusMonths(3);
        Indicator indicator = indicatorService.maak(new IndicatorInvoer(null, pi.getBusinessKey(), "Huishoudens bereikt",
                null, "huishoudens", Richting.HOGER_BETER, new BigDecimal("10"), kwartaal.minusMonths(3),
                new BigDecimal("80"), kwartaal.plusYears(1), null, Meetfrequentie.KWARTAAL, null, null));
        voerUit(timer(pi, Element.TIMER_REVIEWCYCLUS));
        Task taak = taak(pi, Element.VOORTGANG_RAPPORTEREN);
        String lid = portfolio.gebruiker("lid" + UUID.randomUUID().toString().replace("-", "").substring(0, 10),
                WACHTWOORD, team.getGroepId());

        try (Browser browser = Browser.start()) {
            browser.stappen("tasklist-voortgang", () -> {
                String tasklist = "http://localhost:" + poort + "/camunda/app/tasklist/default/";
                browser.loginCamunda(tasklist, lid, WACHTWOORD);
                browser.driver.get(tasklist + "#/?task=" + taak.getId());
                browser.wacht.until(textToBePresentInElementLocated(By.cssSelector(".fjs-form"), pi.getBusinessKey()));
                assertThat(browser.formulierveld("Indicator").getAttribute("value")).startsWith("Huishoudens bereikt");
                browser.klik(browser.wacht.until(elementToBeClickable(By.cssSelector("button.claim"))));
                browser.wacht.until(d -> d.findElements(By.cssSelector(".disabled-form")).isEmpty());

                browser.formulierveld("Voortgang").sendKeys("De eerste huishoudens zijn bereikt.");
                WebElement waarde = browser.formulierveld("Waarde");
                waarde.sendKeys(Keys.chord(Keys.CONTROL, "a"), "12,5", Keys.TAB);
                browser.kies("Voorstel van het team", "Doorgaan");
                WebElement voltooien = browser.driver.findElement(By.xpath("//button[normalize-space()='Voltooien']"));
                browser.wacht.until(d -> voltooien.isEnabled());
                browser.foto("tasklist-voortgang");
                browser.klik(voltooien);
                browser.wacht.until(d -> taskService.createTaskQuery().taskId(taak.getId()).count() == 0);
            });
        }
        assertThat(taak(pi, Element.REVIEW_BEOORDELEN)).as("the report went to MT").isNotNull();
        assertThat(indicatorService.actueleMeting(indicator.getId(), kwartaal)).as("the meting from the list")
                .hasValueSatisfying(meting -> assertThat(meting.getWaarde()).isEqualByComparingTo("12.5"));
    }
}
