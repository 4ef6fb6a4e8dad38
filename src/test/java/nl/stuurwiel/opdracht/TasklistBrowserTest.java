package nl.stuurwiel.opdracht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.Browser;
import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.security.Rollen;

/** An intake officer finds the request in Tasklist, opens the Dutch form and accepts it. */
@StuurwielTest
class TasklistBrowserTest {

    private static final String WACHTWOORD = "Browser-Test-Wachtwoord-1";

    @LocalServerPort
    int poort;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    OpdrachtService opdrachtService;
    @Autowired
    IdentityService identityService;

    @Test
    void intakeOfficerAcceptsARequestWithTheDutchFormInTasklist() throws Exception {
        String intake = "intake" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        User gebruiker = identityService.newUser(intake);
        gebruiker.setFirstName("Ingrid");
        gebruiker.setLastName("Bakker");
        gebruiker.setPassword(WACHTWOORD);
        identityService.saveUser(gebruiker);
        identityService.createMembership(intake, Rollen.INTAKE);
        String sleutel = opdrachtService.aanvragen(portfolio.volledigeAanvraag(portfolio.team("4.0"), portfolio.doel()),
                PortfolioFixture.AANVRAGER).getSleutel();

        try (Browser browser = Browser.start()) {
            browser.stappen("tasklist-intake", () -> {
                browser.loginCamunda("http://localhost:" + poort + "/camunda/app/tasklist/", intake, WACHTWOORD);

                browser.wacht.until(elementToBeClickable(By.linkText("Taken van mijn groepen"))).click();
                // Search the group's tasks for this opdracht, as the Filter Tasks box does: other
                // tests leave many intake tasks, some created on a clock moved into the future.
                browser.wacht.until(urlContains("filter="));
                String zoekvraag = URLEncoder.encode("[{\"type\":\"processVariables\",\"operator\":\"eq\",\"value\":\""
                        + sleutel + "\",\"name\":\"opdrachtKey\"}]", StandardCharsets.UTF_8);
                browser.driver.get(browser.driver.getCurrentUrl().replace("searchQuery=%5B%5D", "searchQuery=" + zoekvraag));
                By taak = By.xpath("//ol[contains(@class,'tasks-list')]/li[.//*[contains(text(),'" + sleutel + "')]]");
                browser.wacht.until(elementToBeClickable(taak)).findElement(By.cssSelector("h4 a")).click();

                browser.wacht.until(textToBePresentInElementLocated(By.cssSelector(".fjs-form"), sleutel));
                browser.foto("tasklist-intake-formulier");
                assertThat(browser.toegankelijkheidsfouten(".fjs-form")).as("WCAG 2.1 AA, our form in Tasklist").isEmpty();
                WebElement formulier = browser.driver.findElement(By.cssSelector(".fjs-form"));
                assertThat(formulier.getText()).contains("Besluit", "Accepteren", "Afwijzen", "Terug voor aanvulling",
                        "Ontbrekende gegevens");

                browser.driver.findElement(By.cssSelector("button.claim")).click();
                browser.wacht.until(d -> d.findElements(By.cssSelector(".disabled-form")).isEmpty());
                formulier.findElement(By.xpath(".//label[contains(., 'Accepteren')]")).click();
                kies(browser, "Urgentie", "Hoog");
                kies(browser, "Risico", "Laag");
                formulier.findElement(By.cssSelector("textarea")).sendKeys("Compleet en kansrijk");
                browser.foto("tasklist-intake-ingevuld");
                WebElement afronden = browser.driver.findElement(By.xpath("//button[normalize-space()='Complete']"));
                ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                        afronden);
                afronden.click();

                browser.wacht.until(d -> portfolio.opdracht(sleutel).getFase() == Fase.PRIORITERING);
            });
        }
        assertThat(portfolio.opdracht(sleutel).getUrgentie()).isEqualTo(Niveau.HOOG);
        assertThat(portfolio.opdracht(sleutel).getRisico()).isEqualTo(Niveau.LAAG);
    }

    private static void kies(Browser browser, String veld, String optie) {
        browser.driver.findElement(By.xpath("//div[contains(@class,'fjs-form-field-select')][.//label[contains(.,'"
                + veld + "')]]//div[contains(@class,'fjs-select-display')]")).click();
        browser.wacht.until(elementToBeClickable(By.xpath(
                "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + optie + "']"))).click();
    }
}
