package nl.stuurwiel.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.time.LocalDate;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.Browser;
import nl.stuurwiel.LevenscyclusTestBasis;
import nl.stuurwiel.opdracht.LevenscyclusProces.Element;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.team.Team;

/** MT brings a review forward from the opdracht's page; the page shows the new day and the reason. */
class ReviewVervroegingBrowserTest extends LevenscyclusTestBasis {

    private static final String WACHTWOORD = "Vervroeging-Browser-Wachtwoord-1";

    @LocalServerPort
    int poort;

    @Test
    void mtBringsTheNextReviewForwardFromTheOpdrachtsPage() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String mt = portfolio.gebruikerMetNaam("bvmt" + id, WACHTWOORD, "Ruud", "Verhoef", Rollen.MT);
        Team team = portfolio.teamMetGroep("3.0");
        String lid = portfolio.gebruiker("bvlid" + id, WACHTWOORD, team.getGroepId());
        ProcessInstance pi = vraagAan(portfolio.volledigeAanvraag(team, portfolio.doel()));
        accepteer(pi);
        start(pi);
        java.util.Date gepland = timer(pi, Element.TIMER_REVIEWCYCLUS).getDuedate();
        LocalDate dag = Klok.vandaag().plusDays(3);
        String basis = "http://localhost:" + poort;

        try (Browser browser = Browser.start()) {
            browser.stappen("review vervroegen", () -> {
                browser.loginDashboard(basis, mt, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/opdracht/" + pi.getBusinessKey());
                browser.wacht.until(textToBePresentInElementLocated(By.id("gegevens"), "Volgende review"));
                browser.driver.findElement(By.cssSelector("#vervroegen summary")).click();
                WebElement veld = browser.driver.findElement(By.id("vervroeg-datum"));
                assertThat(veld.getAttribute("min")).isEqualTo(Klok.vandaag().toString());
                assertThat(veld.getAttribute("max")).as("the day before the planned review")
                        .isEqualTo(Klok.vandaag().plusMonths(1).minusDays(1).toString());

                browser.driver.findElement(By.id("vervroeg-opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-vervroeg-datum"), "is verplicht"));
                assertThat(browser.driver.findElement(By.id("fout-vervroeg-reden")).getText()).startsWith("is verplicht");
                assertThat(timer(pi, Element.TIMER_REVIEWCYCLUS).getDuedate()).isEqualTo(gepland);

                // A date field's typing order follows the browser's locale; its value is the ISO date.
                ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1]", veld, dag.toString());
                browser.driver.findElement(By.id("vervroeg-reden")).sendKeys("De raad vraagt in januari om een stand van zaken");
                browser.driver.findElement(By.id("vervroeg-opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "De review van " + pi.getBusinessKey()
                        + " is vervroegd naar"));
                assertThat(timer(pi, Element.TIMER_REVIEWCYCLUS).getDuedate()).isEqualTo(begin(dag));
                assertThat(browser.driver.findElement(By.id("geschiedenis")).getText()).contains("Review vervroegd van")
                        .contains("(Ruud Verhoef): De raad vraagt in januari om een stand van zaken");
                assertThat(browser.driver.findElement(By.id("vervroegen")).getAttribute("open")).isNull();
                browser.foto("review-vervroegd");

                browser.driver.manage().deleteAllCookies();
                browser.loginDashboard(basis, lid, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/opdracht/" + pi.getBusinessKey());
                browser.wacht.until(textToBePresentInElementLocated(By.id("gegevens"), "Volgende review"));
                assertThat(browser.driver.findElements(By.id("vervroegen"))).as("only MT and administrators").isEmpty();
            });
        }
    }
}
