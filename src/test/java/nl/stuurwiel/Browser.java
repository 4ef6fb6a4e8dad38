package nl.stuurwiel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Headless Debian chromium for browser tests. Where chromium is not installed the tests are
 * skipped, unless STUURWIEL_BROWSERTESTS=verplicht (as CI sets it) makes that a failure.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path ARTEFACTEN = Path.of("target", "test-artifacts");

    public final WebDriver driver;
    public final WebDriverWait wacht;

    private Browser(WebDriver driver) {
        this.driver = driver;
        this.wacht = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    /** A browser whose language is Dutch, as a municipality's are. */
    public static Browser start() throws IOException {
        return start("nl");
    }

    /** A browser that asks web pages for this language first (e.g. "nl", "en-GB"). */
    public static Browser start(String taal) throws IOException {
        boolean aanwezig = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!aanwezig && "verplicht".equals(System.getenv("STUURWIEL_BROWSERTESTS"))) {
            throw new IllegalStateException("Browsertests verplicht, maar chromium/chromedriver ontbreekt");
        }
        assumeTrue(aanwezig, "chromium and chromedriver are not installed");
        ChromeOptions opties = new ChromeOptions();
        opties.setBinary(CHROMIUM.toFile());
        opties.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000",
                "--lang=" + taal, "--user-data-dir=" + Files.createTempDirectory("stuurwiel-chromium"));
        opties.setExperimentalOption("prefs", Map.of("intl.accept_languages", taal));
        org.openqa.selenium.logging.LoggingPreferences logboek = new org.openqa.selenium.logging.LoggingPreferences();
        logboek.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        opties.setCapability("goog:loggingPrefs", logboek);
        // In the application's time zone, as a municipality's browsers are, whatever the machine's.
        ChromeDriverService dienst = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .withEnvironment(Map.of("TZ", java.util.TimeZone.getDefault().getID()))
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(dienst, opties));
    }

    /** Saves a screenshot under target/test-artifacts, for the CI artefacts and the README. */
    public Path foto(String naam) throws IOException {
        Files.createDirectories(ARTEFACTEN);
        Path bestand = ARTEFACTEN.resolve(naam + ".png");
        Files.write(bestand, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return bestand;
    }

    /** The field of a Camunda Form (form-js) in Tasklist whose label starts with the text. */
    public WebElement formulierveld(String label) {
        String id = driver.findElement(By.xpath("//*[contains(@class,'fjs-form')]//label[starts-with(normalize-space(.), '"
                + label + "')]")).getAttribute("for");
        return driver.findElement(By.id(id));
    }

    /** Chooses an option of a form-js select field, by the field's label and the option's text. */
    public void kies(String veld, String optie) {
        klik(driver.findElement(By.xpath("//div[contains(@class,'fjs-form-field-select')][.//label[contains(.,'"
                + veld + "')]]//div[contains(@class,'fjs-select-display')]")));
        wacht.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + optie + "']"))).click();
    }

    /** Clicks an element after scrolling it to the middle, where no sticky bar covers it. */
    public void klik(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Logs into the dashboard through its login form and waits for the portfolio list. */
    public void loginDashboard(String basis, String gebruiker, String wachtwoord) {
        driver.get(basis + "/login");
        driver.findElement(By.id("username")).sendKeys(gebruiker);
        driver.findElement(By.id("password")).sendKeys(wachtwoord);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wacht.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#opdrachten tbody tr")));
    }

    /**
     * Opens a Camunda webapp, which sends the browser to Stuurwiel's login first, and waits until
     * the webapp shows its account menu.
     */
    public void loginCamunda(String url, String gebruiker, String wachtwoord) {
        driver.get(url);
        wacht.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(gebruiker);
        driver.findElement(By.id("password")).sendKeys(wachtwoord);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wacht.until(ExpectedConditions.urlContains("/camunda/app/"));
        wacht.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account > a")));
    }

    /** WCAG 2.x A and AA, the level Dutch government sites must meet (Besluit digitale toegankelijkheid overheid). */
    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /**
     * What axe-core finds on the page as it is now against WCAG A and AA, one line per element:
     * rule, help text, selector and HTML. Empty when it finds nothing.
     */
    public List<String> toegankelijkheidsfouten() {
        return toegankelijkheidsfouten(new AxeBuilder());
    }

    /** The same, within the elements the CSS selector picks: our part of a page that is not ours. */
    public List<String> toegankelijkheidsfouten(String binnen) {
        return toegankelijkheidsfouten(new AxeBuilder().include(binnen));
    }

    private List<String> toegankelijkheidsfouten(AxeBuilder axe) {
        Results uitslag = axe.withTags(WCAG_AA).analyze(driver);
        List<String> fouten = new ArrayList<>();
        for (Rule regel : uitslag.getViolations()) {
            regel.getNodes().forEach(n -> fouten.add(regel.getId() + " (" + regel.getHelp() + "): " + n.getTarget()
                    + " " + n.getHtml()));
        }
        return fouten;
    }

    /** Runs the steps, keeping a screenshot of the page where they fail. */
    public void stappen(String naam, Stappen stappen) throws Exception {
        try {
            stappen.uitvoeren();
        } catch (Exception | AssertionError fout) {
            foto(naam + "-fout");
            fout.addSuppressed(new AssertionError("De pagina bij de fout: " + toestand()));
            throw fout;
        }
    }

    /** Where the browser is and what it shows, for a failure that happens only on CI. */
    private String toestand() {
        try {
            Object opslag = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return JSON.stringify(Object.assign({}, window.sessionStorage))");
            String tekst = driver.findElement(By.tagName("body")).getText();
            StringBuilder console = new StringBuilder();
            driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
                    .forEach(regel -> console.append("\n  console ").append(regel.getLevel()).append(' ')
                            .append(regel.getMessage()));
            return driver.getCurrentUrl() + " | sessionStorage " + opslag + " | "
                    + tekst.substring(0, Math.min(tekst.length(), 600)).replace('\n', ' ') + console;
        } catch (RuntimeException onleesbaar) {
            return "onleesbaar: " + onleesbaar.getMessage();
        }
    }

    @FunctionalInterface
    public interface Stappen {
        void uitvoeren() throws Exception;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
