package nl.stuurwiel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.Browser;
import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.indicator.IndicatorService;
import nl.stuurwiel.indicator.MetingInvoer;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.opdracht.StatusKleur;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.team.Team;

/**
 * A manager logs in, filters the portfolio, opens an opdracht, looks at the impact of its doel and
 * follows its task to Tasklist.
 */
@StuurwielTest
class DashboardBrowserTest {

    private static final String WACHTWOORD = "Dashboard-Wachtwoord-1";

    @LocalServerPort
    int poort;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    OpdrachtService opdrachtService;
    @Autowired
    IndicatorService indicatorService;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @Test
    void theImpactOverviewOfManyDoelenOpensEachDoelsIndicatorsOnRequestAndDrawsThemThen() throws Exception {
        String manager = manager();
        Doel doel = null;
        for (int i = 0; i < 6; i++) {
            doel = portfolio.doel();
        }
        Long indicator = indicatorService.zoek(doel.getCode(), null).get(0).getId();
        indicatorService.meet(indicator, new MetingInvoer("2026-01-01", new BigDecimal("117"), null, "Eerste meting", null));
        String sectie = "#doel-" + doel.getCode().replaceAll("[^A-Za-z0-9_-]", "_");

        try (Browser browser = Browser.start()) {
            browser.stappen("impact-ingeklapt", () -> {
                browser.loginDashboard("http://localhost:" + poort, manager, WACHTWOORD);
                browser.driver.get("http://localhost:" + poort + "/dashboard/impact");
                browser.wacht.until(visibilityOfElementLocated(By.cssSelector(sectie + " details.uitklap summary")));
                JavascriptExecutor js = (JavascriptExecutor) browser.driver;

                assertThat(browser.driver.findElements(By.cssSelector("details.uitklap[open]"))).isEmpty();
                assertThat(browser.driver.findElement(By.cssSelector(sectie + " table")).isDisplayed())
                        .as("money and people stay in sight").isTrue();
                assertThat(js.executeScript("return [...document.querySelectorAll('canvas')].filter(c => Chart.getChart(c)).length"))
                        .as("no chart drawn for a closed doel").isEqualTo(0L);
                assertThat(browser.driver.findElement(By.cssSelector(sectie + " summary")).getText())
                        .startsWith("1 indicator en ");
                assertThat(js.executeScript("return [...document.querySelectorAll('section.doel')].filter(s => "
                        + "!s.querySelector('details') && s.textContent.includes('nog geen indicator')).length"))
                        .as("an ambition with nothing to open shows its lines without a toggle").isNotEqualTo(0L);

                browser.driver.findElement(By.cssSelector(sectie + " summary")).click();
                browser.wacht.until(visibilityOfElementLocated(By.cssSelector(sectie + " .kaart.indicator")));
                browser.wacht.until(d -> Boolean.TRUE.equals(js.executeScript(
                        "const c = document.querySelector(arguments[0] + ' canvas'); return Boolean(c && Chart.getChart(c));",
                        sectie)));
            });
        }
    }

    @Test
    void aLongListOfOverdueTasksShowsTheFirstTenAndItsCountWithTheRestOneClickAway() throws Exception {
        String manager = manager();
        Team team = portfolio.team("3.0");
        Doel doel = portfolio.doel();
        java.util.Date verlopen = java.util.Date.from(java.time.Instant.now().minus(java.time.Duration.ofDays(3)));
        for (int i = 0; i < 11; i++) {
            String sleutel = opdrachtService.aanvragen(portfolio.volledigeAanvraag(team, doel),
                    PortfolioFixture.AANVRAGER).getSleutel();
            org.camunda.bpm.engine.task.Task taak = taskService.createTaskQuery().processInstanceBusinessKey(sleutel)
                    .singleResult();
            taak.setDueDate(verlopen);
            taskService.saveTask(taak);
        }

        try (Browser browser = Browser.start()) {
            browser.stappen("dashboard-te-laat", () -> {
                browser.loginDashboard("http://localhost:" + poort, manager, WACHTWOORD);
                browser.wacht.until(visibilityOfElementLocated(By.cssSelector("#telaat tbody tr td a")));
                int alle = browser.driver.findElements(By.cssSelector("#telaat tbody tr")).size();
                assertThat(alle).isGreaterThanOrEqualTo(11);

                assertThat(browser.driver.findElements(By.cssSelector("#telaat tbody tr:not([hidden])"))).hasSize(10);
                assertThat(browser.driver.findElement(By.id("telaat-aantal")).getText()).isEqualTo("(" + alle + ")");
                WebElement knop = browser.driver.findElement(By.cssSelector("button[aria-controls=telaat]"));
                assertThat(knop.getText()).isEqualTo("Toon alle " + alle);
                assertThat(knop.getAttribute("aria-expanded")).isEqualTo("false");

                knop.click();
                assertThat(browser.driver.findElements(By.cssSelector("#telaat tbody tr:not([hidden])"))).hasSize(alle);
                assertThat(knop.getText()).isEqualTo("Toon alleen de eerste 10");
                knop.click();
                assertThat(browser.driver.findElements(By.cssSelector("#telaat tbody tr:not([hidden])"))).hasSize(10);
            });
        }
    }

    @Test
    void managerFiltersThePortfolioOpensAnOpdrachtAndFollowsItsTaskToTasklist() throws Exception {
        String manager = manager();
        Team team = portfolio.team("3.0");
        Doel doel = portfolio.doel();
        String sleutel = opdrachtService.aanvragen(portfolio.volledigeAanvraag(team, doel),
                PortfolioFixture.AANVRAGER).getSleutel();
        Long indicator = indicatorService.zoek(doel.getCode(), null).get(0).getId();
        String[][] metingen = { { "2026-01-01", "117" }, { "2026-04-01", "109" }, { "2026-07-01", "104" } };
        for (String[] meting : metingen) {
            indicatorService.meet(indicator, new MetingInvoer(meting[0], new BigDecimal(meting[1]), null,
                    "Meer scholen melden verzuim vroeg", null));
        }
        String basis = "http://localhost:" + poort;
        portfolio.wijzig(sleutel, o -> {
            o.setBudget(new BigDecimal("85000.50"));
            o.setFte(new BigDecimal("0.75"));
            o.legStatusKleurVast(StatusKleur.ORANJE, StatusKleur.ROOD, StatusKleur.ROOD, "De nieuwe school telt nog niet mee");
            o.setImpact("Twintig gezinnen eerder in beeld");
        });

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
                        .anyMatch(o -> team.getCode().equals(o.getAttribute("value"))));
                assertThat(new Select(browser.driver.findElement(By.name("team"))).getOptions())
                        .as("teams by the name people know them by").anySatisfy(o -> {
                            assertThat(o.getAttribute("value")).isEqualTo(team.getCode());
                            assertThat(o.getText()).isEqualTo(team.getNaam());
                        });
                assertThat(String.valueOf(((JavascriptExecutor) browser.driver).executeScript(
                        "return Chart.getChart('grafiek-teams').data.labels.join('|')")).split("\\|"))
                        .contains(team.getNaam());
                browser.driver.findElement(By.name("zoek")).sendKeys("geen-opdracht-heet-zo");
                browser.driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("pagina"), "Geen opdrachten gevonden met deze selectie"));
                browser.driver.findElement(By.name("zoek")).clear();
                new Select(browser.driver.findElement(By.name("team"))).selectByValue(team.getCode());
                browser.driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("pagina"), "Pagina 1 van 1 (1 opdracht)"));
                assertThat(browser.driver.findElement(By.cssSelector("#opdrachten tbody")).getText()).contains(sleutel)
                        .contains("intake").as("cents and hundredths of an fte as entered").contains("€ 85.000,50", "0,75");
                assertThat(browser.driver.findElement(By.cssSelector("#opdrachten tbody tr td:first-child"))
                        .getCssValue("white-space")).as("the key does not wrap at its hyphens").isEqualTo("nowrap");
                browser.foto("dashboard-portfolio");
                assertThat(browser.driver.findElement(By.id("export-xlsx")).getAttribute("href"))
                        .as("the export takes the list's filters and order").contains("/api/opdrachten/export?")
                        .contains("team=" + team.getCode()).contains("sorteer=sleutel%2Casc").contains("formaat=xlsx")
                        .doesNotContain("pagina=");

                browser.driver.findElement(By.linkText(sleutel)).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("titel"), "Schoolverzuim terugdringen"));
                assertThat(browser.driver.findElement(By.id("gegevens")).getText()).contains("intake", team.getCode())
                        .as("cents as entered").contains("€ 85.000,50")
                        .contains("oranje (berekend: rood; het team licht toe: De nieuwe school telt nog niet mee)")
                        .contains("Twintig gezinnen eerder in beeld");
                browser.foto("dashboard-opdracht");
                browser.wacht.until(d -> d.findElements(By.cssSelector("#impact .grafiek canvas")).size() == 1);

                // The impact of the opdracht's doel: realisation, a drawn chart and its table alternative.
                browser.driver.findElement(By.cssSelector("#doelen a")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("titel"), doel.getCode()));
                browser.wacht.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                        const c = document.querySelector('.grafiek canvas');
                        const g = c && window.Chart && Chart.getChart(c);
                        return Boolean(g) && c.width > 0 && g.data.datasets[0].data.length === 3;""")));
                WebElement kaart = browser.driver.findElement(By.cssSelector(".kaart.indicator"));
                assertThat(kaart.findElement(By.tagName("canvas")).getAttribute("aria-label"))
                        .contains("Aantal thuiszitters", "streefwaarde 60", "3 metingen, laatste 104 over 2026 K3");
                assertThat(kaart.findElement(By.tagName("table")).getText()).contains("2026 K1", "2026 K2", "2026 K3");
                assertThat(kaart.findElement(By.cssSelector(".kerncijfers")).getText()).contains("achter");
                assertThat(browser.driver.findElement(By.cssSelector(".doel")).getText()).contains(sleutel);
                assertThat(browser.driver.findElement(By.cssSelector("nav[aria-label=Hoofdmenu]")).getText())
                        .contains("Impact");
                browser.foto("dashboard-impact");

                // Printed: no navigation or buttons, the chart stays.
                ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setEmulatedMedia",
                        Map.of("media", "print"));
                assertThat(browser.driver.findElement(By.cssSelector("header.kop")).isDisplayed()).isFalse();
                assertThat(browser.driver.findElement(By.cssSelector("[data-afdrukken]")).isDisplayed()).isFalse();
                assertThat(kaart.findElement(By.tagName("canvas")).isDisplayed()).isTrue();
                browser.foto("dashboard-impact-afdruk");
                ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
                browser.driver.navigate().back();

                // The opdracht's gebied leads to its area plan, under the ambition its doel serves.
                browser.wacht.until(elementToBeClickable(By.cssSelector("#gegevens a"))).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("titel"), "Gebiedsplan Noord"));
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "stand van"));
                WebElement opgave = browser.driver.findElement(By.xpath(
                        "//section[contains(@class,'opgave')][.//a[contains(.,'" + doel.getOuder().getCode() + "')]]"));
                assertThat(opgave.getText()).contains(sleutel, doel.getCode(), "nog niet gescoord");
                assertThat(browser.driver.findElement(By.id("kop-kerncijfers")).isDisplayed()).isTrue();
                browser.driver.findElement(By.linkText("← Alle gebieden")).click();
                browser.wacht.until(visibilityOfElementLocated(By.linkText("Noord")));
                assertThat(browser.driver.findElement(By.cssSelector("#plan table caption")).getText())
                        .isEqualTo("Opdrachten, geld en capaciteit per gebied");
                browser.driver.navigate().back();
                browser.driver.navigate().back();

                // One login: the task opens in Tasklist, with its form, without logging in again.
                var taak = browser.wacht.until(elementToBeClickable(By.linkText("Intake beoordelen")));
                assertThat(taak.getAttribute("href")).contains("/camunda/app/tasklist/").contains("task=");
                taak.click();
                browser.wacht.until(urlContains("/camunda/app/tasklist/"));
                browser.wacht.until(textToBePresentInElementLocated(By.cssSelector(".fjs-form"), sleutel));
                assertThat(browser.driver.findElements(By.cssSelector("li.account"))).hasSize(1);
                assertThat(browser.driver.findElements(By.cssSelector("input[type=password]"))).isEmpty();
            });
        }
    }

    /** A member of MT of their own, so that each test logs in with a fresh session. */
    private String manager() {
        return portfolio.gebruiker("mt" + UUID.randomUUID().toString().replace("-", "").substring(0, 10), WACHTWOORD,
                Rollen.MT);
    }
}
