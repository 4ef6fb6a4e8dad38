package nl.stuurwiel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.Browser;
import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.indicator.IndicatorService;
import nl.stuurwiel.indicator.MetingInvoer;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.security.Rollen;

/**
 * Dutch government sites must meet WCAG 2.1 AA (Besluit digitale toegankelijkheid overheid).
 * axe-core checks every page of the dashboard, filled with data, as a user who sees them all.
 */
@StuurwielTest
class ToegankelijkheidBrowserTest {

    private static final String WACHTWOORD = "Toegankelijk-Wachtwoord-1";

    @LocalServerPort
    int poort;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    OpdrachtService opdrachtService;
    @Autowired
    IndicatorService indicatorService;

    @Test
    void everyDashboardPageMeetsWcag21AA() throws Exception {
        String gebruiker = "wcag" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        portfolio.gebruiker(gebruiker, WACHTWOORD, Rollen.MT, Rollen.INTAKE);
        Doel doel = portfolio.doel();
        String sleutel = opdrachtService.aanvragen(portfolio.volledigeAanvraag(portfolio.team("3.0"), doel),
                PortfolioFixture.AANVRAGER).getSleutel();
        Long indicator = indicatorService.zoek(doel.getCode(), null).get(0).getId();
        indicatorService.meet(indicator, new MetingInvoer("2026-01-01", new BigDecimal("117"), null, "Eerste meting", null));
        String basis = "http://localhost:" + poort;
        Map<String, List<String>> gevonden = new LinkedHashMap<>();

        try (Browser browser = Browser.start()) {
            browser.stappen("toegankelijkheid", () -> {
                browser.driver.get(basis + "/login");
                controleer(browser, "inloggen", gevonden);
                browser.driver.findElement(By.id("username")).sendKeys(gebruiker);
                browser.driver.findElement(By.id("password")).sendKeys(WACHTWOORD);
                browser.driver.findElement(By.cssSelector("button[type=submit]")).click();

                browser.wacht.until(visibilityOfElementLocated(By.cssSelector("#opdrachten tbody tr td a")));
                controleer(browser, "portfolio", gevonden);

                browser.driver.get(basis + "/dashboard/opdracht/" + sleutel);
                browser.wacht.until(textToBePresentInElementLocated(By.id("titel"), "Schoolverzuim terugdringen"));
                browser.wacht.until(d -> !d.findElements(By.cssSelector("#impact .grafiek canvas")).isEmpty());
                browser.driver.findElement(By.cssSelector("#indicatorbeheer summary")).click();
                browser.driver.findElement(By.cssSelector("#overdragen summary")).click();
                browser.driver.findElement(By.id("over-opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-over-team"), "is verplicht"));
                browser.wacht.until(presenceOfElementLocated(By.id("koppel-doel-0")));
                browser.driver.findElement(By.cssSelector("#doelenbeheer summary")).click();
                browser.driver.findElement(By.id("koppel-toevoegen")).click();
                browser.driver.findElement(By.id("koppel-opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-koppel-doel-1"), "is verplicht"));
                browser.driver.findElement(By.cssSelector("#gegevensbeheer summary")).click();
                browser.driver.findElement(By.id("geg-titel")).clear();
                browser.driver.findElement(By.id("geg-opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-geg-titel"), "is verplicht"));
                controleer(browser, "opdracht, met alle beheerformulieren open en fouten in drie ervan", gevonden);

                browser.driver.get(basis + "/dashboard/doel/" + doel.getCode());
                browser.wacht.until(visibilityOfElementLocated(By.cssSelector(".kaart.indicator")));
                browser.driver.findElement(By.cssSelector("details.meting-invoer summary")).click();
                browser.driver.findElement(By.cssSelector("details.meting-invoer button[type=submit]")).click();
                browser.wacht.until(visibilityOfElementLocated(By.cssSelector("details.meting-invoer .melding.fout")));
                controleer(browser, "impact van een doel, met fouten bij de meting", gevonden);

                browser.driver.get(basis + "/dashboard/impact");
                browser.wacht.until(presenceOfElementLocated(By.cssSelector(".kaart.indicator")));
                // With many doelen each opens on request: check one opened as well.
                ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("""
                        const uitklap = document.querySelector('details.uitklap .kaart.indicator')?.closest('details');
                        if (uitklap) { uitklap.open = true; }""");
                browser.wacht.until(visibilityOfElementLocated(By.cssSelector(".kaart.indicator")));
                controleer(browser, "impact", gevonden);

                browser.driver.get(basis + "/dashboard/gebieden");
                browser.wacht.until(visibilityOfElementLocated(By.cssSelector("#plan table")));
                controleer(browser, "gebieden", gevonden);

                browser.driver.get(basis + "/dashboard/gebied/Noord");
                browser.wacht.until(visibilityOfElementLocated(By.cssSelector(".opgave table")));
                controleer(browser, "gebiedsplan", gevonden);

                browser.driver.get(basis + "/dashboard/teams");
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "team"));
                browser.driver.findElement(By.id("opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-veld-code"), "is verplicht"));
                controleer(browser, "teams, met fouten in het formulier", gevonden);

                browser.driver.get(basis + "/dashboard/domeinen");
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "domeinen"));
                browser.driver.findElement(By.id("opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-veld-code"), "is verplicht"));
                controleer(browser, "domeinen, met fouten in het formulier", gevonden);

                browser.driver.get(basis + "/dashboard/doelen");
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "actieve indicator"));
                browser.driver.findElement(By.id("doel-opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-doel-code"), "is verplicht"));
                browser.driver.findElement(By.id("ind-opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-ind-naam"), "is verplicht"));
                controleer(browser, "doelen, met fouten in beide formulieren", gevonden);

                browser.driver.get(basis + "/dashboard/aanvragen");
                browser.wacht.until(visibilityOfElementLocated(By.cssSelector("#doelkeuze input")));
                browser.driver.findElement(By.id("aanvragen")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-aan-titel"), "is verplicht"));
                controleer(browser, "opdracht aanvragen, met fouten in het formulier", gevonden);

                browser.driver.get(basis + "/dashboard/rapportages");
                controleer(browser, "rapportages", gevonden);

                browser.driver.get(basis + "/dashboard/import");
                controleer(browser, "importeren", gevonden);

                browser.driver.get(basis + "/dashboard/bestaat-niet");
                controleer(browser, "foutpagina", gevonden);

                browser.driver.get(basis + "/uitloggen");
                browser.wacht.until(urlContains("/uitloggen"));
                controleer(browser, "uitloggen", gevonden);
            });
        }
        assertThat(gevonden).as("WCAG 2.1 AA violations per page").isEmpty();
    }

    private static void controleer(Browser browser, String pagina, Map<String, List<String>> gevonden) {
        List<String> fouten = new java.util.ArrayList<>(browser.toegankelijkheidsfouten());
        String teBreed = opSmalScherm(browser, TE_BREED);
        if (!teBreed.isEmpty()) {
            fouten.add("1.4.10 reflow: op 320 px breed zijwaarts te scrollen door " + teBreed);
        }
        String afgebroken = opSmalScherm(browser, AFGEBROKEN_IN_CEL);
        if (!afgebroken.isEmpty()) {
            fouten.add("leesbaarheid: op 320 px woorden in een tabelcel over twee regels afgebroken: " + afgebroken);
        }
        if (!fouten.isEmpty()) {
            gevonden.put(pagina, fouten);
        }
    }

    /**
     * WCAG 1.4.10: at 320 CSS px nothing may need scrolling sideways, except within a box of its own
     * (a wide table). Names the outermost elements that stick out, or nothing.
     */
    private static final String TE_BREED = """
            const breed = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= breed) { return ''; }
            const eruit = e => e.getBoundingClientRect().right > breed + 1;
            return [...document.querySelectorAll('body *')]
                .filter(e => eruit(e) && !eruit(e.parentElement))
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''))
                .slice(0, 5).join(', ');""";

    /**
     * A table squeezed to the screen's width by breaking its words ("uitvoerin" / "g") is harder to
     * read than one that scrolls in its box. Names the first words of a table cell that run over two
     * lines, or nothing. A word is a run of letters and digits: a line may break at punctuation.
     */
    private static final String AFGEBROKEN_IN_CEL = """
            const afgebroken = [];
            for (const cel of document.querySelectorAll('.tabel td, .tabel th')) {
                const loper = document.createTreeWalker(cel, NodeFilter.SHOW_TEXT);
                for (let tekst; (tekst = loper.nextNode());) {
                    if (tekst.parentElement.closest('.verborgen')) { continue; }
                    for (const woord of tekst.data.matchAll(/[\\p{L}\\p{N}]+/gu)) {
                        const bereik = document.createRange();
                        bereik.setStart(tekst, woord.index);
                        bereik.setEnd(tekst, woord.index + woord[0].length);
                        // Pieces of one word on one line may differ in top by a rounding pixel; a next line is
                        // at least half a line lower.
                        const stukken = [...bereik.getClientRects()].filter(r => r.width > 0);
                        const boven = Math.min(...stukken.map(r => r.top));
                        if (stukken.some(r => r.top - boven > r.height / 2)) { afgebroken.push(woord[0]); }
                    }
                }
            }
            return afgebroken.slice(0, 5).join(', ');""";

    private static String opSmalScherm(Browser browser, String script) {
        ChromeDriver chrome = (ChromeDriver) browser.driver;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 320, "height", 640, "deviceScaleFactor", 1, "mobile", false));
        try {
            return (String) chrome.executeScript(script);
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }
}
