package nl.stuurwiel.opdracht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
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
    @Autowired
    HistoryService historyService;

    @Test
    void intakeOfficerAcceptsARequestWithTheDutchFormInTasklist() throws Exception {
        String intake = "intake" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        User gebruiker = identityService.newUser(intake);
        gebruiker.setFirstName("Ingrid");
        gebruiker.setLastName("Bakker");
        gebruiker.setPassword(WACHTWOORD);
        identityService.saveUser(gebruiker);
        identityService.createMembership(intake, Rollen.INTAKE);
        OpdrachtAanvraag a = portfolio.volledigeAanvraag(portfolio.team("4.0"), portfolio.doel());
        // A title as someone might type it to lure the intake officer: shown as typed, not as a link.
        String titel = "[Opnieuw inloggen](https://evil.example/login) <b>vet</b> &amp; **niet vet**";
        String sleutel = opdrachtService.aanvragen(new OpdrachtAanvraag(titel, a.vraagstuk(), a.verwachtResultaat(),
                a.beleidstheorie(), a.type(), a.domein(), a.gebied(), a.opdrachtgever(), a.team(), a.doelen(),
                a.budget(), a.fte(), a.startdatum(), a.einddatum(), a.reviewFrequentie()),
                PortfolioFixture.AANVRAGER).getSleutel();

        try (Browser browser = Browser.start()) {
            browser.stappen("tasklist-intake", () -> {
                browser.loginCamunda("http://localhost:" + poort + "/camunda/app/tasklist/", intake, WACHTWOORD);
                assertThat(browser.driver.findElements(By.cssSelector(".ce-eol-banner")))
                        .as("Camunda's end-of-life notice is for those who run Stuurwiel, not in Tasklist")
                        .isNotEmpty().noneMatch(WebElement::isDisplayed);

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
                browser.wacht.until(textToBePresentInElementLocated(By.cssSelector(".fjs-form"), titel));
                assertThat(formulier.findElements(By.cssSelector("a[href*='evil'], b")))
                        .as("what the requester typed makes no link and no HTML").isEmpty();
                assertThat(formulier.findElements(By.tagName("strong"))).extracting(WebElement::getText)
                        .as("nor bold text; the form's own bold stays").doesNotContain("niet vet").isNotEmpty();
                WebElement portfolioLink = formulier.findElement(By.linkText("De aanvraag in het portfolio"));
                assertThat(portfolioLink.getAttribute("href")).endsWith("/dashboard/opdracht/" + sleutel);
                assertThat(portfolioLink.getAttribute("target")).as("the task stays open").isEqualTo("_blank");

                assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
                WebElement oppakken = browser.driver.findElement(By.cssSelector("button.claim"));
                assertThat(oppakken.getText()).as("Tasklist in Dutch").isEqualTo("Oppakken");
                oppakken.click();
                browser.wacht.until(d -> d.findElements(By.cssSelector(".disabled-form")).isEmpty());
                WebElement toelichting = formulier.findElement(By.cssSelector("textarea"));
                toelichting.sendKeys("x", Keys.BACK_SPACE);
                browser.wacht.until(textToBePresentInElementLocated(By.cssSelector(".fjs-form-field-error"), "Dit veld is verplicht."));
                assertThat(formulier.findElements(By.cssSelector(".fjs-form-field-error")))
                        .as("form-js's own messages, in Dutch").extracting(WebElement::getText)
                        .allMatch(melding -> !melding.contains("Field"));
                formulier.findElement(By.xpath(".//label[contains(., 'Accepteren')]")).click();
                browser.kies("Urgentie", "Hoog");
                browser.kies("Risico", "Laag");
                toelichting.sendKeys("Compleet en kansrijk", Keys.TAB);
                browser.wacht.until(d -> formulier.findElements(By.cssSelector(".fjs-form-field-error")).isEmpty());
                browser.foto("tasklist-intake-ingevuld");
                browser.klik(browser.driver.findElement(By.xpath("//button[normalize-space()='Voltooien']")));

                browser.wacht.until(d -> portfolio.opdracht(sleutel).getFase() == Fase.PRIORITERING);

                assertThat(browser.driver.findElement(By.linkText("Stuurwiel-dashboard")).getAttribute("href"))
                        .as("Tasklist's navigation bar leads to the dashboard").isEqualTo("http://localhost:" + poort + "/dashboard/");
                browser.driver.get("http://localhost:" + poort + "/camunda/app/welcome/default/");
                assertThat(browser.wacht.until(elementToBeClickable(By.linkText("Stuurwiel-dashboard"))).getAttribute("href"))
                        .as("the welcome page leads to the dashboard").isEqualTo("http://localhost:" + poort + "/dashboard/");
                browser.driver.get("http://localhost:" + poort + "/camunda/app/cockpit/default/");
                WebElement cockpitLink = browser.wacht.until(elementToBeClickable(
                        By.xpath("//*[contains(@class,'sections-menu')]//a[normalize-space()='Stuurwiel-dashboard']")));
                assertThat(cockpitLink.getAttribute("href")).as("Cockpit's navigation bar leads to the dashboard")
                        .isEqualTo("http://localhost:" + poort + "/dashboard/");
                assertThat(browser.driver.findElement(By.xpath("//*[contains(@class,'sections-menu')]//a[normalize-space()='Processen']")).isDisplayed())
                        .as("beside Cockpit's own sections").isTrue();
            });
        }
        assertThat(portfolio.opdracht(sleutel).getUrgentie()).isEqualTo(Niveau.HOOG);
        assertThat(portfolio.opdracht(sleutel).getRisico()).isEqualTo(Niveau.LAAG);
    }

    @Test
    void aRequesterWritesDatesAndAmountsTheDutchWayInTheStartForm() throws Exception {
        String aanvrager = portfolio.gebruiker("aanvrager" + UUID.randomUUID().toString().replace("-", "").substring(0, 10),
                WACHTWOORD, Rollen.AANVRAGER);
        List<String> maanden = List.of("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                "september", "oktober", "november", "december");

        try (Browser browser = Browser.start()) {
            browser.stappen("tasklist-kalender", () -> {
                browser.loginCamunda("http://localhost:" + poort + "/camunda/app/tasklist/", aanvrager, WACHTWOORD);
                browser.wacht.until(elementToBeClickable(By.partialLinkText("Proces starten"))).click();
                browser.wacht.until(elementToBeClickable(By.partialLinkText("Opdracht levenscyclus"))).click();
                WebElement startdatum = browser.wacht.until(elementToBeClickable(By.cssSelector(".fjs-datepicker input.fjs-input")));
                ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", startdatum);
                assertThat(startdatum.getAttribute("placeholder")).isEqualTo("dd-mm-jjjj");
                startdatum.click();

                WebElement kalender = browser.wacht.until(elementToBeClickable(By.cssSelector(".flatpickr-calendar.open")));
                browser.foto("tasklist-kalender");
                assertThat(kalender.findElements(By.cssSelector(".flatpickr-weekday"))).extracting(WebElement::getText)
                        .as("weeks start on Monday").containsExactly("ma", "di", "wo", "do", "vr", "za", "zo");
                assertThat(kalender.findElements(By.cssSelector(".flatpickr-monthDropdown-months option")))
                        .extracting(maand -> maand.getAttribute("textContent")).isSubsetOf(maanden).isNotEmpty();
                WebElement vijftien = kalender.findElement(By.xpath(
                        ".//span[contains(@class,'flatpickr-day')][not(contains(@class,'prevMonthDay'))]"
                                + "[not(contains(@class,'nextMonthDay'))][normalize-space()='15']"));
                assertThat(vijftien.getAttribute("aria-label")).matches("15 (" + String.join("|", maanden) + ") \\d{4}");
                vijftien.click();
                assertThat(startdatum.getAttribute("value")).as("day first, as written in the Netherlands")
                        .matches("15-\\d{2}-\\d{4}");

                // Typed, the day comes first too (the test browser's own locale is American English).
                startdatum.sendKeys(Keys.chord(Keys.CONTROL, "a"), "04-12-2026", Keys.TAB);
                assertThat(startdatum.getAttribute("value")).isEqualTo("04-12-2026");
                startdatum.click();
                assertThat(browser.wacht.until(elementToBeClickable(By.cssSelector(".flatpickr-calendar.open .flatpickr-day.selected")))
                        .getAttribute("aria-label")).isEqualTo("4 december 2026");
                startdatum.sendKeys(Keys.TAB);

                browser.formulierveld("Titel").sendKeys("Kalendertest " + aanvrager);
                browser.formulierveld("Vraagstuk").sendKeys("Datums worden verkeerd gelezen");
                browser.formulierveld("Verwacht resultaat").sendKeys("Datums zoals in Nederland");
                browser.formulierveld("Opdrachtgever").sendKeys("Directeur Sociaal Domein");
                browser.formulierveld("Team").sendKeys("BESTAATNIET");
                browser.formulierveld("Doelen").sendKeys(portfolio.doel().getCode());
                assertThat(browser.toegankelijkheidsfouten(".fjs-form")).as("WCAG 2.1 AA, the start form in Tasklist").isEmpty();
                assertThat(browser.driver.findElements(By.cssSelector(".fjs-number-arrow-container button")))
                        .extracting(knop -> knop.getAttribute("aria-label")).containsOnly("Verhogen", "Verlagen").isNotEmpty();
                WebElement budget = browser.formulierveld("Budget");
                budget.sendKeys("€ 12 euro");
                assertThat(budget.getAttribute("value")).as("a sign or letter does not get in, nor make NaN").isEqualTo("12");
                budget.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1.250.000,50");
                WebElement fte = browser.formulierveld("Capaciteit");
                fte.sendKeys("0.5");
                assertThat(fte.getAttribute("value")).as("a point right after a leading 0 stays the decimal point").isEqualTo("0.5");
                // Pasted over it, as from a Dutch spreadsheet: the paste listener, not only its rule.
                plak(browser, fte, "1,5");
                assertThat(fte.getAttribute("value")).isEqualTo("1.5");
                assertThat(browser.driver.findElements(By.cssSelector(".fjs-select-placeholder")))
                        .extracting(WebElement::getText).contains("Maak een keuze").doesNotContain("Select");
                browser.kies("Soort opdracht", "Project");
                browser.kies("Domein", "Sociaal");
                WebElement einddatum = browser.driver.findElements(By.cssSelector(".fjs-datepicker input.fjs-input")).get(1);
                browser.klik(einddatum);
                einddatum.sendKeys("01-07-2027", Keys.TAB);
                assertThat(plakken(browser, "€ 1.250.000,00", "10.000", "12.75", "0.125", "1,5"))
                        .as("pasted numbers").containsExactly("1250000.00", "10000", "12.75", "0.125", "1.5");
                // A rule of the process refuses the team: its reason, in Dutch, comes into view above the form.
                browser.klik(browser.driver.findElement(By.xpath("//button[normalize-space()='Starten']")));
                WebElement reden = browser.wacht.until(visibilityOfElementLocated(By.cssSelector(".notifications .alert-danger")));
                browser.wacht.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;", reden));
                browser.foto("tasklist-start-geweigerd");
                assertThat(reden.getText()).as("the field by its label").contains("Team: onbekend team 'BESTAATNIET'")
                        .doesNotContain("Cannot", "Ongeldige invoer", " : ");
                assertThat(reden.getText().lines().toList()).as("the reason on its own line")
                        .contains("Het proces kan niet worden gestart.");
                assertThat(historyService.createHistoricProcessInstanceQuery().startedBy(aanvrager).count()).isZero();
                WebElement team = browser.formulierveld("Team");
                team.sendKeys(Keys.chord(Keys.CONTROL, "a"), portfolio.team("2.0").getCode());
                browser.klik(browser.driver.findElement(By.xpath("//button[normalize-space()='Starten']")));
                browser.wacht.until(d -> !historyService.createHistoricProcessInstanceQuery().startedBy(aanvrager).list().isEmpty());
            });
        }
        String sleutel = historyService.createHistoricProcessInstanceQuery().startedBy(aanvrager).singleResult().getBusinessKey();
        assertThat(portfolio.opdracht(sleutel).getStartdatum()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(portfolio.opdracht(sleutel).getEinddatum()).isEqualTo(LocalDate.of(2027, 7, 1));
        assertThat(portfolio.opdracht(sleutel).getBudget()).as("points group thousands, the comma is the decimal sign")
                .isEqualByComparingTo("1250000.50");
        assertThat(portfolio.opdracht(sleutel).getFte()).as("the pasted capacity").isEqualByComparingTo("1.5");
    }

    /** What a number field makes of pasted text, by the rule in Tasklist's own copy of the script. */
    private static List<Object> plakken(Browser browser, String... teksten) {
        Object uitkomst = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                const klaar = arguments[arguments.length - 1];
                import('/camunda/app/stuurwiel-formulieren.js')
                    .then((m) => klaar(arguments[0].map(m.getalInHetNederlands)), (fout) => klaar(String(fout)));
                """, List.of(teksten));
        assertThat(uitkomst).isInstanceOf(List.class);
        return List.copyOf((List<?>) uitkomst);
    }

    /** Pastes text over the field's whole value, as Ctrl+A and Ctrl+V with that text on the clipboard would. */
    private static void plak(Browser browser, WebElement veld, String tekst) {
        ((JavascriptExecutor) browser.driver).executeScript("""
                const [veld, tekst] = arguments;
                veld.focus();
                veld.select();
                const klembord = new DataTransfer();
                klembord.setData('text/plain', tekst);
                veld.dispatchEvent(new ClipboardEvent('paste', { clipboardData: klembord, bubbles: true, cancelable: true }));
                """, veld, tekst);
    }



    @Test
    void tasklistSpeaksDutchUnlessTheBrowserAsksForEnglishOrGerman() throws Exception {
        String aanvrager = portfolio.gebruiker("taal" + UUID.randomUUID().toString().replace("-", "").substring(0, 10),
                WACHTWOORD, Rollen.AANVRAGER);
        Map<String, String> processtart = new LinkedHashMap<>();
        Map<String, String> paginataal = new LinkedHashMap<>();
        for (String taal : List.of("nl", "en-GB", "de", "fr")) {
            try (Browser browser = Browser.start(taal)) {
                browser.stappen("tasklist-taal-" + taal, () -> {
                    browser.loginCamunda("http://localhost:" + poort + "/camunda/app/tasklist/", aanvrager, WACHTWOORD);
                    WebElement starten = browser.wacht.until(elementToBeClickable(
                            By.xpath("//a[span[contains(@class,'glyphicon-list-alt')]]")));
                    browser.wacht.until(d -> !starten.getText().contains("START_PROCESS"));
                    processtart.put(taal, starten.getText().strip());
                    paginataal.put(taal, browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
                });
            }
        }
        assertThat(processtart).containsExactly(entry("nl", "Proces starten"), entry("en-GB", "Start process"),
                entry("de", "Prozess starten"), entry("fr", "Proces starten"));
        assertThat(paginataal).as("the page says which language it shows")
                .containsExactly(entry("nl", "nl"), entry("en-GB", "en"), entry("de", "de"), entry("fr", "nl"));
    }

    /**
     * Camunda's widgets that translate their labels once, when drawn, showed bare keys
     * (CREATION_DATE) when the translation arrived after them, as on a busy server. Each webapp
     * now fetches its translation before it starts, and Camunda's own request is answered from
     * the browser's cache.
     */
    @Test
    void everyWebappHasItsTranslationInHandBeforeItStarts() throws Exception {
        String beheerder = portfolio.gebruiker("vertaling" + UUID.randomUUID().toString().replace("-", "").substring(0, 8),
                WACHTWOORD, Rollen.BEHEERDER);
        Map<String, List<String>> vertalingen = new LinkedHashMap<>();
        try (Browser browser = Browser.start("nl")) {
            browser.stappen("webapps-vertaling", () -> {
                browser.loginCamunda("http://localhost:" + poort + "/camunda/app/tasklist/", beheerder, WACHTWOORD);
                for (String webapp : List.of("tasklist", "cockpit", "admin")) {
                    browser.driver.get("http://localhost:" + poort + "/camunda/app/" + webapp + "/default/");
                    browser.wacht.until(elementToBeClickable(By.cssSelector("li.account > a")));
                    vertalingen.put(webapp, ((List<?>) ((JavascriptExecutor) browser.driver).executeScript("""
                            return performance.getEntriesByType('resource')
                                .filter((r) => r.name.includes('/locales/nl.json'))
                                .map((r) => r.initiatorType + (r.transferSize === 0 ? ' uit de cache' : ' over het net'));
                            """)).stream().map(String::valueOf).toList());
                    assertThat(browser.driver.findElement(By.tagName("body")).getText()).as(webapp)
                            .doesNotContainPattern("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]{2,}\\b");
                }
            });
        }
        vertalingen.forEach((webapp, verzoeken) -> assertThat(verzoeken)
                .as("%s: fetched before it starts, then Camunda's own request answered from the cache", webapp)
                .satisfiesExactly(vooraf -> assertThat(vooraf).startsWith("fetch "),
                        camunda -> assertThat(camunda).isEqualTo("xmlhttprequest uit de cache")));
    }
}
