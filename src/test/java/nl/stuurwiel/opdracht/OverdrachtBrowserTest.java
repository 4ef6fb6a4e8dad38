package nl.stuurwiel.opdracht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.Browser;
import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.team.Team;

/** MT hands an opdracht to another team from its page; the page shows the new team and the transfer's reason. */
@StuurwielTest
class OverdrachtBrowserTest {

    private static final String WACHTWOORD = "Overdracht-Browser-Wachtwoord-1";

    @LocalServerPort
    int poort;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    OpdrachtService opdrachtService;

    @Test
    void mtHandsAnOpdrachtToAnotherTeam() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String mt = portfolio.gebruikerMetNaam("bomt" + id, WACHTWOORD, "Marieke", "van Dam", Rollen.MT);
        String lid = portfolio.gebruiker("bolid" + id, WACHTWOORD, Rollen.AANVRAGER);
        Team van = portfolio.team("3.0");
        Team naar = portfolio.team("4.0");
        String sleutel = opdrachtService.aanvragen(portfolio.volledigeAanvraag(van, portfolio.doel()),
                PortfolioFixture.AANVRAGER).getSleutel();
        String basis = "http://localhost:" + poort;

        try (Browser browser = Browser.start()) {
            browser.stappen("overdracht", () -> {
                browser.loginDashboard(basis, mt, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/opdracht/" + sleutel);
                browser.wacht.until(textToBePresentInElementLocated(By.id("gegevens"), van.getCode()));
                browser.driver.findElement(By.cssSelector("#overdragen summary")).click();
                browser.wacht.until(d -> !d.findElements(By.cssSelector("#over-team option[value='" + naar.getCode() + "']")).isEmpty());
                assertThat(browser.driver.findElements(By.cssSelector("#over-team option[value='" + van.getCode() + "']")))
                        .as("its own team is no choice").isEmpty();

                browser.driver.findElement(By.id("over-opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-over-team"), "is verplicht"));
                assertThat(browser.driver.findElement(By.id("fout-over-reden")).getText()).startsWith("is verplicht");
                assertThat(opdrachtService.opdracht(sleutel).getTeam().getCode()).isEqualTo(van.getCode());

                new Select(browser.driver.findElement(By.id("over-team"))).selectByValue(naar.getCode());
                browser.driver.findElement(By.id("over-reden")).sendKeys("Het team heeft tot de zomer geen ruimte");
                browser.driver.findElement(By.id("over-opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), sleutel + " is overgedragen aan team " + naar.getCode()));
                assertThat(opdrachtService.opdracht(sleutel).getTeam().getCode()).isEqualTo(naar.getCode());
                assertThat(browser.driver.findElement(By.id("gegevens")).getText()).contains(naar.getCode())
                        .doesNotContain(van.getCode());
                assertThat(browser.driver.findElement(By.id("geschiedenis")).getText()).contains("Overgedragen van team "
                        + van.getCode() + " aan team " + naar.getCode() + " (Marieke van Dam): Het team heeft tot de zomer geen ruimte")
                        .as("people by name, not by user id").doesNotContain(mt);
                assertThat(browser.driver.findElement(By.id("overdragen")).getAttribute("open")).isNull();
                browser.foto("overdracht");

                browser.driver.manage().deleteAllCookies();
                browser.loginDashboard(basis, lid, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/opdracht/" + sleutel);
                browser.wacht.until(textToBePresentInElementLocated(By.id("gegevens"), naar.getCode()));
                assertThat(browser.driver.findElements(By.id("overdragen"))).as("only MT and administrators").isEmpty();
            });
        }
    }

}
