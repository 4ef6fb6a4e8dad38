package nl.stuurwiel.doel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
import nl.stuurwiel.meetronde.MeetrondeProces;
import nl.stuurwiel.security.Rollen;

/**
 * The portfolio office builds a piece of the goal tree on the Doelen page: an ambitie, a doel under it
 * and an indicator with yearly targets, then changes and retires the indicator. Someone else only reads.
 */
@StuurwielTest
class DoelenBrowserTest {

    private static final String WACHTWOORD = "Doelen-Browser-Wachtwoord-1";

    @LocalServerPort
    int poort;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    DoelRepository doelen;
    @Autowired
    IndicatorRepository indicatoren;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void thePortfolioOfficeKeepsTheGoalTree() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        String intake = portfolio.gebruiker("bint" + id, WACHTWOORD, Rollen.INTAKE);
        String lid = portfolio.gebruiker("blez" + id, WACHTWOORD, Rollen.AANVRAGER);
        String meter = portfolio.gebruikerMetNaam("bmet" + id, WACHTWOORD, "Meike", "Meter " + id);
        String ambitie = "AMB-" + id;
        String doel = "D-" + id;
        String basis = "http://localhost:" + poort;

        try (Browser browser = Browser.start()) {
            browser.stappen("doelen", () -> {
                browser.loginDashboard(basis, intake, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/doelen");
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "actieve indicator"));

                // Sent empty, the form names what is missing at the field and focuses the first one.
                klik(browser, "doel-opslaan");
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-doel-soort"), "is verplicht"));
                assertThat(tekst(browser, "fout-doel-code")).isEqualTo("is verplicht");
                assertThat(tekst(browser, "fout-doel-naam")).isEqualTo("is verplicht");
                assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("doel-soort");

                // An ambitie asks for its period, not for a parent or a law.
                new Select(veld(browser, "doel-soort")).selectByValue("ambitie");
                assertThat(veld(browser, "doel-van").isDisplayed()).isTrue();
                assertThat(veld(browser, "doel-ouder").isDisplayed()).isFalse();
                assertThat(veld(browser, "doel-wet").isDisplayed()).isFalse();
                veld(browser, "doel-code").sendKeys(ambitie);
                veld(browser, "doel-naam").sendKeys("Iedereen doet mee");
                datum(browser, "doel-van", "2026-01-01");
                datum(browser, "doel-tot", "2025-12-31");
                klik(browser, "doel-opslaan");
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-doel-tot"), "ligt voor de begindatum 1 januari 2026"));
                assertThat(tekst(browser, "fout-doel-code")).isEmpty();
                assertThat(doelen.findByCode(ambitie)).as("a refused form changes nothing").isEmpty();
                datum(browser, "doel-tot", "2030-12-31");
                klik(browser, "doel-opslaan");
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "Doel " + ambitie + " is toegevoegd"));
                Doel opgeslagen = doelen.findByCode(ambitie).orElseThrow();
                assertThat(opgeslagen.getSoort()).isEqualTo(DoelSoort.AMBITIE);
                assertThat(opgeslagen.getTot()).isEqualTo(LocalDate.of(2030, 12, 31));
                assertThat(tekst(browser, "fout-doel-tot")).as("the error of a field now hidden is gone too").isEmpty();

                new Select(veld(browser, "doel-soort")).selectByValue("doel");
                veld(browser, "doel-code").sendKeys(doel);
                veld(browser, "doel-naam").sendKeys("Meer inwoners aan het werk");
                new Select(veld(browser, "doel-ouder")).selectByValue(ambitie);
                klik(browser, "doel-opslaan");
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "Doel " + doel + " is toegevoegd"));
                assertThat(doelen.findByCode(doel).orElseThrow().getOuder().getId()).isEqualTo(opgeslagen.getId());
                assertThat(rij(browser, doel).getText()).contains("Doel onder " + ambitie);

                // An indicator for that doel: yearly targets in Dutch notation, the server's rules at the fields.
                rij(browser, doel).findElement(By.xpath(".//button[.='Indicator toevoegen']")).click();
                assertThat(new Select(veld(browser, "ind-doel")).getFirstSelectedOption().getAttribute("value")).isEqualTo(doel);
                assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("ind-naam");
                veld(browser, "ind-naam").sendKeys("Uitstroom uit de bijstand");
                new Select(veld(browser, "ind-richting")).selectByValue("hoger_beter");
                new Select(veld(browser, "ind-meetfrequentie")).selectByValue("kwartaal");
                veld(browser, "ind-streefwaarde").sendKeys("150");
                veld(browser, "ind-tussendoelen").sendKeys("2027: 1x0");
                klik(browser, "ind-opslaan");
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-ind-tussendoelen"), "is geen jaar met een waarde"));
                veld(browser, "ind-tussendoelen").clear();
                veld(browser, "ind-tussendoelen").sendKeys("2027: 120,5");
                klik(browser, "ind-opslaan");
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-ind-eenheid"), "is verplicht bij een streefwaarde"));
                assertThat(tekst(browser, "fout-ind-streefdatum")).isEqualTo("streefwaarde en streefdatum horen bij elkaar");
                assertThat(tekst(browser, "fout-ind-tussendoelen")).isEmpty();
                assertThat(indicatoren.vanDoel(doel)).isEmpty();
                veld(browser, "ind-eenheid").sendKeys("inwoners");
                veld(browser, "ind-basiswaarde").sendKeys("100");
                // The owner is chosen by name; the list holds everyone, with the login the field takes.
                By keuze = By.cssSelector("#ind-eigenaren option[value='" + meter + "']");
                browser.wacht.until(d -> !d.findElements(keuze).isEmpty());
                assertThat(browser.driver.findElement(keuze).getAttribute("label")).isEqualTo("Meike Meter " + id + " (" + meter + ")");
                veld(browser, "ind-eigenaar").sendKeys(meter);
                datum(browser, "ind-basisdatum", "2026-01-01");
                datum(browser, "ind-streefdatum", "2029-12-31");
                klik(browser, "ind-opslaan");
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "Indicator Uitstroom uit de bijstand van " + doel + " is toegevoegd"));
                List<Indicator> gemaakt = indicatoren.vanDoel(doel);
                assertThat(gemaakt).hasSize(1);
                Indicator indicator = gemaakt.get(0);
                assertThat(indicator.getEigenaar()).isEqualTo(meter);
                assertThat(indicator.isMeetbaar()).isTrue();
                assertThat(indicator.getTussendoelen().get(2027)).isEqualByComparingTo("120.5");
                assertThat(runtimeService.createProcessInstanceQuery()
                        .processInstanceBusinessKey(MeetrondeProces.sleutel(indicator.getId())).count())
                        .as("its measurement rounds run").isEqualTo(1);
                assertThat(rij(browser, ambitie).getText()).doesNotContain("Uitstroom");
                assertThat(rij(browser, doel).getText()).contains("Uitstroom uit de bijstand");

                rij(browser, doel).findElement(By.xpath(".//button[.='Wijzigen' and contains(@aria-label, 'Indicator')]")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("kop-indicatorformulier"), "Indicator Uitstroom uit de bijstand wijzigen"));
                assertThat(veld(browser, "ind-tussendoelen").getAttribute("value")).isEqualTo("2027: 120,5");
                veld(browser, "ind-streefwaarde").clear();
                veld(browser, "ind-streefwaarde").sendKeys("160,25");
                klik(browser, "ind-opslaan");
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "is opgeslagen"));
                Indicator gewijzigd = indicatoren.vanDoel(doel).get(0);
                assertThat(gewijzigd.getStreefwaarde()).isEqualByComparingTo("160.25");
                assertThat(gewijzigd.getTussendoelen().get(2027)).as("kept as it was").isEqualByComparingTo("120.5");

                // A doel with something hanging on it stays, and the reason is said aloud (role=alert).
                rij(browser, ambitie).findElement(By.xpath(".//button[.='Verwijderen']")).click();
                browser.wacht.until(alertIsPresent()).accept();
                browser.wacht.until(textToBePresentInElementLocated(By.id("paginafout"), "kan niet weg zolang er iets aan hangt: 1 doel eronder"));
                assertThat(doelen.findByCode(ambitie)).isPresent();

                rij(browser, doel).findElement(By.xpath(".//button[.='Laten vervallen']")).click();
                browser.wacht.until(alertIsPresent()).accept();
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "is vervallen"));
                assertThat(indicatoren.findById(indicator.getId()).orElseThrow().getStatus()).isEqualTo(IndicatorStatus.VERVALLEN);
                assertThat(rij(browser, doel).getText()).contains("(vervallen)");
                assertThat(rij(browser, doel).findElements(By.xpath(".//button[.='Laten vervallen']"))).isEmpty();
                browser.foto("doelen");

                browser.driver.manage().deleteAllCookies();
                browser.loginDashboard(basis, lid, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/doelen");
                browser.wacht.until(visibilityOfElementLocated(By.id("rij-" + doel)));
                assertThat(browser.driver.findElements(By.id("doelformulier"))).as("anyone else only reads").isEmpty();
                assertThat(browser.driver.findElements(By.id("indicatorformulier"))).isEmpty();
                assertThat(rij(browser, doel).findElements(By.tagName("button"))).isEmpty();
            });
        }
    }


    private static WebElement veld(Browser browser, String id) {
        return browser.driver.findElement(By.id(id));
    }

    private static String tekst(Browser browser, String id) {
        return veld(browser, id).getText();
    }

    private static void klik(Browser browser, String id) {
        veld(browser, id).click();
    }

    /** Typing into a date field depends on the browser's locale; the value itself does not. */
    private static void datum(Browser browser, String id, String iso) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1]", veld(browser, id), iso);
    }

    private static WebElement rij(Browser browser, String code) {
        return browser.driver.findElement(By.id("rij-" + code));
    }
}
