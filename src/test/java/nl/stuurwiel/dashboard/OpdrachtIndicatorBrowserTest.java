package nl.stuurwiel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.Browser;
import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.indicator.IndicatorRepository;
import nl.stuurwiel.indicator.IndicatorStatus;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.security.Rollen;

/** MT gives an opdracht an indicator of its own on the opdracht page, renames it and retires it. */
@StuurwielTest
class OpdrachtIndicatorBrowserTest {

    private static final String WACHTWOORD = "Opdracht-Indicator-Wachtwoord-1";

    @LocalServerPort
    int poort;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    OpdrachtService opdrachtService;
    @Autowired
    IndicatorRepository indicatoren;

    @Test
    void mtKeepsTheIndicatorsOfAnOpdracht() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String mt = portfolio.gebruiker("oimt" + id, WACHTWOORD, Rollen.MT);
        String lid = portfolio.gebruiker("oilid" + id, WACHTWOORD, Rollen.AANVRAGER);
        String sleutel = opdrachtService.aanvragen(portfolio.volledigeAanvraag(portfolio.team("3.0"), portfolio.doel()),
                PortfolioFixture.AANVRAGER).getSleutel();
        String basis = "http://localhost:" + poort;

        try (Browser browser = Browser.start()) {
            browser.stappen("opdracht-indicator", () -> {
                browser.loginDashboard(basis, mt, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/opdracht/" + sleutel);
                browser.wacht.until(visibilityOfElementLocated(By.cssSelector("#impact .kaart.indicator")));
                browser.driver.findElement(By.cssSelector("#indicatorbeheer summary")).click();
                assertThat(browser.driver.findElements(By.id("ind-doel"))).as("the opdracht is given, no doel to choose").isEmpty();

                browser.driver.findElement(By.id("ind-opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-ind-naam"), "is verplicht"));
                assertThat(browser.driver.findElement(By.id("fout-ind-richting")).getText()).startsWith("is verplicht");
                browser.driver.findElement(By.id("ind-naam")).sendKeys("Gezinnen bereikt");
                new Select(browser.driver.findElement(By.id("ind-richting"))).selectByValue("hoger_beter");
                new Select(browser.driver.findElement(By.id("ind-meetfrequentie"))).selectByValue("maand");
                browser.driver.findElement(By.id("ind-eenheid")).sendKeys("gezinnen");
                browser.driver.findElement(By.id("ind-opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "Indicator Gezinnen bereikt is toegevoegd aan deze opdracht."));
                List<Indicator> eigen = indicatoren.vanOpdracht(sleutel);
                assertThat(eigen).extracting(Indicator::getNaam).containsExactly("Gezinnen bereikt");
                WebElement kaart = kaart(browser, eigen.get(0));
                assertThat(kaart.getText()).contains("Gezinnen bereikt (gezinnen)", "is toegevoegd aan deze opdracht");

                kaart.findElement(By.xpath(".//button[.='Wijzigen']")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("kop-indicatorformulier"), "Indicator Gezinnen bereikt wijzigen"));
                WebElement naam = browser.driver.findElement(By.id("ind-naam"));
                assertThat(naam.getAttribute("value")).isEqualTo("Gezinnen bereikt");
                naam.clear();
                naam.sendKeys("Gezinnen met een eerste gesprek");
                browser.driver.findElement(By.id("ind-opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "Indicator Gezinnen met een eerste gesprek is opgeslagen."));
                assertThat(indicatoren.vanOpdracht(sleutel)).extracting(Indicator::getNaam).containsExactly("Gezinnen met een eerste gesprek");

                kaart(browser, eigen.get(0)).findElement(By.xpath(".//button[.='Laten vervallen']")).click();
                browser.wacht.until(alertIsPresent()).accept();
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "is vervallen"));
                assertThat(indicatoren.vanOpdracht(sleutel).get(0).getStatus()).isEqualTo(IndicatorStatus.VERVALLEN);
                assertThat(kaart(browser, eigen.get(0)).findElements(By.tagName("button"))).isEmpty();
                browser.foto("opdracht-indicator");

                browser.driver.manage().deleteAllCookies();
                browser.loginDashboard(basis, lid, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/opdracht/" + sleutel);
                browser.wacht.until(visibilityOfElementLocated(By.cssSelector("#impact .kaart.indicator")));
                assertThat(browser.driver.findElements(By.id("indicatorbeheer"))).as("anyone else only reads").isEmpty();
            });
        }
    }

    private static WebElement kaart(Browser browser, Indicator indicator) {
        return browser.driver.findElement(By.cssSelector("[data-indicator='" + indicator.getId() + "']"));
    }

}
