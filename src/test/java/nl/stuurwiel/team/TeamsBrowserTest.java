package nl.stuurwiel.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.Browser;
import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.security.Rollen;

/** MT adds a team, lowers its capacity and dissolves it on the Teams page; anyone else only reads it. */
@StuurwielTest
class TeamsBrowserTest {

    private static final String WACHTWOORD = "Teams-Browser-Wachtwoord-1";

    @LocalServerPort
    int poort;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    TeamRepository teams;
    @Autowired
    nl.stuurwiel.opdracht.OpdrachtService opdrachtService;

    @Test
    void mtAddsATeamAndChangesItsCapacity() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        String mt = portfolio.gebruiker("bmt" + id, WACHTWOORD, Rollen.MT);
        String lid = portfolio.gebruiker("blid" + id, WACHTWOORD, Rollen.AANVRAGER);
        String code = "WIJKZUID" + id;
        String basis = "http://localhost:" + poort;

        try (Browser browser = Browser.start()) {
            browser.stappen("teams", () -> {
                browser.loginDashboard(basis, mt, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/teams");
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "team"));

                // Sent empty, the form names what is missing at the field, and focuses the first one.
                browser.driver.findElement(By.id("opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-veld-code"), "is verplicht"));
                assertThat(browser.driver.findElement(By.id("fout-veld-naam")).getText()).isEqualTo("is verplicht");
                assertThat(browser.driver.findElement(By.id("veld-code")).getAttribute("aria-invalid")).isEqualTo("true");
                assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("veld-code");

                browser.driver.findElement(By.id("veld-code")).sendKeys(code);
                browser.driver.findElement(By.id("veld-naam")).sendKeys("Wijkteam Zuid");
                browser.driver.findElement(By.id("veld-capaciteitFte")).sendKeys("4,5");
                browser.driver.findElement(By.id("opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "Team " + code + " is toegevoegd"));
                assertThat(rij(browser, code).getText()).contains("Wijkteam Zuid", "team" + code.toLowerCase(), "4,5");
                assertThat(teams.findByCode(code).orElseThrow().getCapaciteitFte()).isEqualByComparingTo("4.5");
                assertThat(browser.driver.findElement(By.id("fout-veld-code")).getText()).isEmpty();

                rij(browser, code).findElement(By.tagName("button")).click();
                assertThat(browser.driver.findElement(By.id("kop-formulier")).getText()).isEqualTo("Team " + code + " wijzigen");
                assertThat(browser.driver.findElement(By.id("veld-code")).getAttribute("readonly")).isNotNull();
                WebElement capaciteit = browser.driver.findElement(By.id("veld-capaciteitFte"));
                assertThat(capaciteit.getAttribute("value")).isEqualTo("4,5");
                browser.driver.findElement(By.id("annuleren")).click();
                assertThat(browser.driver.switchTo().activeElement().getAttribute("id"))
                        .as("Annuleren hides itself; the focus goes to the form").isEqualTo("veld-code");
                rij(browser, code).findElement(By.tagName("button")).click();
                capaciteit = browser.driver.findElement(By.id("veld-capaciteitFte"));
                capaciteit.clear();
                capaciteit.sendKeys("0,5");
                browser.driver.findElement(By.id("opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "is opgeslagen"));
                assertThat(teams.findByCode(code).orElseThrow().getCapaciteitFte()).isEqualByComparingTo("0.5");
                assertThat(rij(browser, code).getText()).contains("0,5");
                // A team without unfinished opdrachten can be dissolved; it stays in the list, greyed out.
                rij(browser, code).findElement(By.xpath(".//button[.='Opheffen']")).click();
                browser.wacht.until(alertIsPresent()).accept();
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "Team " + code + " is opgeheven."));
                assertThat(teams.findByCode(code).orElseThrow().isOpgeheven()).isTrue();
                assertThat(rij(browser, code).getText()).contains("opgeheven op");
                assertThat(rij(browser, code).findElements(By.tagName("button"))).as("no more changes").isEmpty();
                browser.foto("teams");

                // The session ends while someone fills in the form: told so, with the focus on it.
                browser.driver.manage().deleteAllCookies();
                browser.driver.findElement(By.id("veld-code")).sendKeys("LAAT" + id);
                browser.driver.findElement(By.id("opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.cssSelector("#teamformulier .melding.fout"),
                        "Uw sessie is verlopen"));
                assertThat(browser.driver.switchTo().activeElement())
                        .isEqualTo(browser.driver.findElement(By.cssSelector("#teamformulier .melding.fout")));
                assertThat(browser.driver.findElement(By.id("veld-code")).getAttribute("value")).isEqualTo("LAAT" + id);
                assertThat(teams.findByCode("LAAT" + id)).isEmpty();

                browser.loginDashboard(basis, lid, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/teams");
                browser.wacht.until(visibilityOfElementLocated(By.xpath("//tbody/tr/th[contains(., '" + code + "')]")));
                assertThat(browser.driver.findElements(By.id("teamformulier"))).as("anyone else only reads").isEmpty();
                assertThat(rij(browser, code).findElements(By.tagName("button"))).isEmpty();
            });
        }
    }


    @Test
    void aTeamThatStillHasOpdrachtenHandsThemAllOverAndIsThenDissolved() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        String mt = portfolio.gebruiker("omt" + id, WACHTWOORD, Rollen.MT);
        nl.stuurwiel.team.Team oud = portfolio.team("3.0");
        nl.stuurwiel.team.Team nieuw = portfolio.team("5.0");
        String sleutel = opdrachtService.aanvragen(portfolio.volledigeAanvraag(oud, portfolio.doel()),
                PortfolioFixture.AANVRAGER).getSleutel();
        String basis = "http://localhost:" + poort;

        try (Browser browser = Browser.start()) {
            browser.stappen("teams-overdragen", () -> {
                browser.loginDashboard(basis, mt, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/teams");
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "team"));

                rij(browser, oud.getCode()).findElement(By.xpath(".//button[.='Opheffen']")).click();
                browser.wacht.until(alertIsPresent()).accept();
                browser.wacht.until(textToBePresentInElementLocated(By.id("paginafout"), "Draag die eerst over"));
                assertThat(browser.driver.findElement(By.id("paginafout")).getText()).contains(sleutel);
                browser.driver.findElement(By.linkText("Alle opdrachten van dit team overdragen")).click();
                assertThat(new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("overall-van")))
                        .getFirstSelectedOption().getAttribute("value")).isEqualTo(oud.getCode());

                browser.driver.findElement(By.id("overall-opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-overall-reden"), "is verplicht"));
                new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("overall-team")))
                        .selectByValue(nieuw.getCode());
                browser.driver.findElement(By.id("overall-reden")).sendKeys("De teams gaan samen");
                browser.driver.findElement(By.id("overall-opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"),
                        "1 opdracht ging van " + oud.getCode() + " naar " + nieuw.getCode() + ": " + sleutel));
                assertThat(opdrachtService.opdracht(sleutel).getTeam().getCode()).isEqualTo(nieuw.getCode());

                rij(browser, oud.getCode()).findElement(By.xpath(".//button[.='Opheffen']")).click();
                browser.wacht.until(alertIsPresent()).accept();
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "Team " + oud.getCode() + " is opgeheven."));
                assertThat(browser.toegankelijkheidsfouten()).as("WCAG 2.1 AA, with the transfer form").isEmpty();
            });
        }
    }

    private static WebElement rij(Browser browser, String code) {
        return browser.driver.findElement(By.xpath("//tbody/tr[th[contains(., '" + code + "')]]"));
    }
}
