package nl.stuurwiel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.Browser;
import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.team.Team;

/** A manager logs in, filters the portfolio, opens an opdracht and follows its task to Tasklist. */
@StuurwielTest
class DashboardBrowserTest {

    private static final String WACHTWOORD = "Dashboard-Wachtwoord-1";

    @LocalServerPort
    int poort;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    OpdrachtService opdrachtService;

    @Test
    void managerFiltersThePortfolioOpensAnOpdrachtAndFollowsItsTaskToTasklist() throws Exception {
        String manager = "mt" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        portfolio.gebruiker(manager, WACHTWOORD, Rollen.MT);
        Team team = portfolio.team("3.0");
        String sleutel = opdrachtService.aanvragen(portfolio.volledigeAanvraag(team, portfolio.doel()),
                PortfolioFixture.AANVRAGER).getSleutel();
        String basis = "http://localhost:" + poort;

        try (Browser browser = Browser.start()) {
            browser.stappen("dashboard", () -> {
                browser.driver.get(basis + "/dashboard/");
                browser.wacht.until(urlContains("/login"));
                assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Stuurwiel");
                browser.driver.findElement(By.id("username")).sendKeys(manager);
                browser.driver.findElement(By.id("password")).sendKeys(WACHTWOORD);
                browser.foto("dashboard-inloggen");
                browser.driver.findElement(By.cssSelector("button[type=submit]")).click();

                browser.wacht.until(visibilityOfElementLocated(By.cssSelector("#opdrachten tbody tr td a")));
                browser.wacht.until(d -> new Select(d.findElement(By.name("team"))).getOptions().stream()
                        .anyMatch(o -> o.getText().equals(team.getCode())));
                new Select(browser.driver.findElement(By.name("team"))).selectByValue(team.getCode());
                browser.driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("pagina"), "(1 opdrachten)"));
                assertThat(browser.driver.findElement(By.cssSelector("#opdrachten tbody")).getText()).contains(sleutel)
                        .contains("intake");
                browser.foto("dashboard-portfolio");

                browser.driver.findElement(By.linkText(sleutel)).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("titel"), "Schoolverzuim terugdringen"));
                assertThat(browser.driver.findElement(By.id("gegevens")).getText()).contains("intake", team.getCode());
                browser.foto("dashboard-opdracht");

                browser.wacht.until(elementToBeClickable(By.linkText("Intake beoordelen"))).click();
                browser.wacht.until(urlContains("/camunda/app/tasklist/"));
                assertThat(browser.driver.getCurrentUrl()).contains("task=");
            });
        }
    }
}
