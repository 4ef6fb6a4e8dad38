package nl.stuurwiel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.Browser;
import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.security.Rollen;

/**
 * A laptop on a trip or a workstation set to UTC shows the days the municipality means: an end date
 * is that day everywhere, and a review at midnight falls on the municipality's day, not the browser's.
 */
class TijdzoneBrowserTest extends LevenscyclusTestBasis {

    private static final String WACHTWOORD = "Tijdzone-Wachtwoord-1";

    @LocalServerPort
    int poort;

    @Test
    void theDashboardShowsDaysInTheMunicipalitysTimeZoneWhateverTheBrowsersZone() throws Exception {
        String manager = portfolio.gebruiker("mt" + UUID.randomUUID().toString().replace("-", "").substring(0, 10),
                WACHTWOORD, Rollen.MT);
        ProcessInstance pi = inUitvoering();
        String sleutel = pi.getBusinessKey();
        String team = opdracht(pi).getTeam().getCode();
        portfolio.wijzig(sleutel, o -> o.setEinddatum(LocalDate.of(2027, 6, 30)));
        // The start of a day here is the evening before in New York.
        LocalDate reviewdag = LocalDate.now(ZoneId.systemDefault()).plusDays(3);
        managementService.setJobDuedate(timer(pi, Element.TIMER_REVIEWCYCLUS).getId(), begin(reviewdag));
        String verwacht = reviewdag.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.forLanguageTag("nl")))
                .replace(".", "");

        try (Browser browser = Browser.start()) {
            ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setTimezoneOverride",
                    Map.of("timezoneId", "America/New_York"));
            browser.stappen("tijdzone", () -> {
                String basis = "http://localhost:" + poort;
                browser.loginDashboard(basis, manager, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/?team=" + team);
                browser.wacht.until(textToBePresentInElementLocated(By.id("opdrachten"), sleutel));
                assertThat(browser.driver.findElement(By.cssSelector("#opdrachten tbody")).getText())
                        .as("an end date is the same day in every zone").contains("30 jun 2027");

                By reviewrij = By.xpath("//table[@id='reviews']//tr[contains(., '" + sleutel + "')]");
                browser.wacht.until(presenceOfElementLocated(reviewrij));
                assertThat(browser.driver.findElement(reviewrij).getAttribute("textContent"))
                        .as("the review's day as the municipality counts it").startsWith(verwacht);
            });
        }
    }
}
