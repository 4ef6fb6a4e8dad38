package nl.stuurwiel.opdracht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.Browser;
import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.bijstelling.BijstellingService;
import nl.stuurwiel.security.Rollen;

/**
 * The opdracht page names the people who worked on it as a municipal reader knows them; a user
 * without a name in Camunda, or one removed since, by the user id.
 */
@StuurwielTest
class PersonenBrowserTest {

    private static final String WACHTWOORD = "Personen-Wachtwoord-1";

    @LocalServerPort
    int poort;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    OpdrachtService opdrachtService;
    @Autowired
    BijstellingService bijstellingen;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;

    @Test
    void theOpdrachtPageShowsPeopleByName() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String ingrid = portfolio.gebruikerMetNaam("pbint" + id, WACHTWOORD, "Ingrid", "van Beek", Rollen.INTAKE);
        String mark = portfolio.gebruikerMetNaam("pbmt" + id, WACHTWOORD, "Mark", "Jansen", Rollen.MT);
        String naamloos = "pbnaamloos" + id;
        identityService.saveUser(identityService.newUser(naamloos));
        String sleutel = opdrachtService.aanvragen(portfolio.volledigeAanvraag(portfolio.team("3.0"), portfolio.doel()),
                PortfolioFixture.AANVRAGER).getSleutel();
        Task intake = taskService.createTaskQuery().processInstanceBusinessKey(sleutel).singleResult();
        taskService.claim(intake.getId(), ingrid);
        taskService.complete(intake.getId(), Map.of(LevenscyclusProces.Var.INTAKE_BESLUIT,
                LevenscyclusProces.Besluit.AANVULLEN, LevenscyclusProces.Var.INTAKE_TOELICHTING, "Welke school?"));
        int gevraagd = bijstellingen.stelVoor(sleutel, "Meer begeleiders", null, new BigDecimal("1.2"), null, null,
                ingrid);
        bijstellingen.wijsAf(sleutel, gevraagd, mark, "Geen ruimte dit jaar");
        bijstellingen.verlengDirect(sleutel, LocalDate.of(2028, 6, 30), "Later begonnen", naamloos);
        String basis = "http://localhost:" + poort;

        try (Browser browser = Browser.start()) {
            browser.stappen("personen", () -> {
                browser.loginDashboard(basis, ingrid, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/opdracht/" + sleutel);
                browser.wacht.until(textToBePresentInElementLocated(By.id("geschiedenis"), "(Ingrid van Beek)"));
                assertThat(browser.driver.findElement(By.id("geschiedenis")).getText())
                        .doesNotContain("(" + ingrid + ")");
                String voorstellen = browser.driver.findElement(By.id("bijstellingen")).getText();
                assertThat(voorstellen).contains("Mark Jansen: Geen ruimte dit jaar")
                        .as("no name in Camunda: the id").contains(naamloos + ": Later begonnen")
                        .doesNotContain(mark).doesNotContain("null");
                // The requester has the task to complete the request, although it is intake's group's.
                assertThat(browser.driver.findElement(By.id("taken")).getText()).startsWith("Aanvraag aanvullen (opgepakt door ")
                        .doesNotContain("(intake").contains("Vraag van intake: Welke school?");
                browser.foto("personen");
            });
        }
    }
}
