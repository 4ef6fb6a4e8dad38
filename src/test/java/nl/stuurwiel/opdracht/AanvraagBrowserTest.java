package nl.stuurwiel.opdracht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import nl.stuurwiel.Browser;
import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.team.Team;

/**
 * A policy advisor requests an opdracht in the dashboard, choosing team and doelen from lists, through
 * every kind of error; it lands at intake. Someone without the right to request gets no form.
 */
@StuurwielTest
class AanvraagBrowserTest {

    private static final String WACHTWOORD = "Aanvraag-Browser-Wachtwoord-1";

    @LocalServerPort
    int poort;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    OpdrachtRepository opdrachten;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    TransactionTemplate transactie;

    @Test
    void aRequesterChoosesTeamAndDoelenAndTheRequestLandsAtIntake() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Team team = portfolio.team("3.0");
        Doel meetbaar = portfolio.doel();
        Doel onmeetbaar = portfolio.doelZonderIndicator();
        String aanvrager = portfolio.gebruiker("baanv" + id, WACHTWOORD, Rollen.AANVRAGER);
        String ontwerper = portfolio.gebruiker("bontw" + id, WACHTWOORD, Rollen.PROCESONTWERPER);
        String titel = "Schoolmaatschappelijk werk " + id;
        String basis = "http://localhost:" + poort;

        try (Browser browser = Browser.start()) {
            browser.stappen("aanvragen", () -> {
                browser.loginDashboard(basis, aanvrager, WACHTWOORD);
                browser.driver.findElement(By.linkText("Aanvragen")).click();
                browser.wacht.until(presenceOfElementLocated(By.cssSelector("#aan-team option[value='" + team.getCode() + "']")));
                assertThat(new Select(browser.driver.findElement(By.id("aan-team"))).getOptions())
                        .anySatisfy(o -> assertThat(o.getText()).isEqualTo(team.getCode() + " – " + team.getNaam()
                                + " (vrij 3 fte)"));
                WebElement doelKeuze = browser.driver.findElement(By.id("aan-doel-" + meetbaar.getCode()));
                assertThat(label(browser, onmeetbaar)).contains("(nog geen meetbare indicator)");
                assertThat(label(browser, meetbaar)).doesNotContain("nog geen");

                long vooraf = opdrachten.count();
                // Sent empty: what is required is named at its field, the first one has the focus.
                browser.driver.findElement(By.id("aanvragen")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-aan-titel"), "is verplicht"));
                for (String veld : new String[] {"type", "domein", "team"}) {
                    assertThat(browser.driver.findElement(By.id("fout-aan-" + veld)).getText()).as(veld)
                            .isEqualTo("is verplicht");
                    assertThat(browser.driver.findElement(By.id("aan-" + veld)).getAttribute("aria-invalid"))
                            .isEqualTo("true");
                }
                assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("aan-titel");

                // A budget that is no amount and an end before the start: named at their fields.
                browser.driver.findElement(By.id("aan-titel")).sendKeys(titel);
                new Select(browser.driver.findElement(By.id("aan-type"))).selectByValue("interventie");
                new Select(browser.driver.findElement(By.id("aan-domein"))).selectByValue("onderwijs");
                new Select(browser.driver.findElement(By.id("aan-team"))).selectByValue(team.getCode());
                browser.driver.findElement(By.id("aan-vraagstuk")).sendKeys("Leerlingen met problemen thuis vallen uit.");
                browser.driver.findElement(By.id("aan-verwachtResultaat")).sendKeys("Minder thuiszitters.");
                browser.driver.findElement(By.id("aan-gebied")).sendKeys("Noord");
                doelKeuze.click();
                browser.driver.findElement(By.id("aan-budget")).sendKeys("veel");
                browser.driver.findElement(By.id("aan-fte")).sendKeys("1,5");
                datum(browser, "aan-startdatum", "2027-01-01");
                datum(browser, "aan-einddatum", "2026-12-31");
                new Select(browser.driver.findElement(By.id("aan-reviewFrequentie"))).selectByValue("kwartaal");
                browser.driver.findElement(By.id("aanvragen")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-aan-budget"), "'veel' is geen getal"));
                assertThat(browser.driver.findElement(By.id("fout-aan-einddatum")).getText())
                        .as("named in the same answer as the unreadable amount").contains("ligt voor de startdatum");
                assertThat(browser.driver.findElement(By.id("fout-aan-titel")).getText()).isEmpty();
                assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("aan-budget");
                assertThat(opdrachten.count()).as("nothing registered").isEqualTo(vooraf);

                browser.driver.findElement(By.id("aan-budget")).clear();
                browser.driver.findElement(By.id("aan-budget")).sendKeys("12.500,50");
                browser.driver.findElement(By.id("aanvragen")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-aan-einddatum"), "ligt voor de startdatum"));
                assertThat(opdrachten.count()).as("nothing registered").isEqualTo(vooraf);

                datum(browser, "aan-einddatum", "2027-12-31");
                browser.driver.findElement(By.id("aanvragen")).click();
                browser.wacht.until(visibilityOfElementLocated(By.id("bevestiging")));
                WebElement bevestiging = browser.driver.findElement(By.id("bevestiging"));
                assertThat(bevestiging.getText()).contains(titel + " is aangevraagd", "De intake vraagt nog om: opdrachtgever.");
                assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("bevestiging");
                assertThat(browser.driver.findElement(By.id("aan-titel")).getAttribute("value")).as("form emptied").isEmpty();
                String sleutel = bevestiging.findElement(By.tagName("a")).getText();
                browser.foto("aanvragen");

                transactie.executeWithoutResult(s -> {
                    Opdracht opdracht = opdrachten.findBySleutel(sleutel).orElseThrow();
                    assertThat(opdracht.getTitel()).isEqualTo(titel);
                    assertThat(opdracht.getTeam().getCode()).isEqualTo(team.getCode());
                    assertThat(opdracht.getAanvrager()).isEqualTo(aanvrager);
                    assertThat(opdracht.getBudget()).isEqualByComparingTo("12500.50");
                    assertThat(opdracht.getFte()).isEqualByComparingTo("1.5");
                    assertThat(opdracht.getGebied()).isEqualTo("Noord");
                    assertThat(opdracht.getDoelen()).extracting(Doel::getCode).containsExactly(meetbaar.getCode());
                    assertThat(opdracht.getFase()).isEqualTo(Fase.INTAKE);
                    assertThat(opdracht.isVertrouwelijk()).isFalse();
                });
                assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(sleutel).count()).isEqualTo(1);
                assertThat(taskService.createTaskQuery().processInstanceBusinessKey(sleutel).taskCandidateGroup(Rollen.INTAKE)
                        .count()).as("the intake task").isEqualTo(1);

                bevestiging.findElement(By.tagName("a")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.tagName("h1"), titel));

                // A process designer may not start the lifecycle: no link, and the page says why.
                browser.driver.manage().deleteAllCookies();
                browser.loginDashboard(basis, ontwerper, WACHTWOORD);
                assertThat(browser.driver.findElements(By.linkText("Aanvragen"))).isEmpty();
                browser.driver.get(basis + "/dashboard/aanvragen");
                assertThat(browser.driver.findElement(By.id("geen-toegang")).getText()).contains("U kunt geen opdrachten aanvragen");
                assertThat(browser.driver.findElements(By.id("aanvraagformulier"))).isEmpty();
            });
        }
    }

    private static String label(Browser browser, Doel doel) {
        return browser.driver.findElement(By.id("aan-doel-" + doel.getCode())).findElement(By.xpath("..")).getText();
    }

    /** Sets a date field as the date picker would (its typed format depends on the browser's locale). */
    private static void datum(Browser browser, String id, String iso) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1]",
                browser.driver.findElement(By.id(id)), iso);
    }
}
