package nl.stuurwiel.importeren;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.stuurwiel.Browser;
import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.team.Team;

/** The portfolio office uploads a spreadsheet in the browser, reads the dry run and confirms. */
@StuurwielTest
class ImportBrowserTest {

    private static final String WACHTWOORD = "Import-Browser-Wachtwoord-1";

    @LocalServerPort
    int poort;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void portfolioOfficeImportsASpreadsheetAfterTheDryRun() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String intake = portfolio.gebruiker("intake" + id, WACHTWOORD, Rollen.INTAKE);
        Team team = portfolio.team("4.0");
        Path bestand = Files.createTempFile("portfolio", ".csv");
        Files.writeString(bestand, "titel;team;domein;start;eind;budget;fte;reviewfrequentie;opmerking\r\n"
                + id + " Huiswerkklas;" + team.getCode() + ";onderwijs;1 maart 2026;2027;€ 12.500,00;0,8;kwartaal;x\r\n",
                StandardCharsets.UTF_8);
        String basis = "http://localhost:" + poort;

        try (Browser browser = Browser.start()) {
            browser.stappen("import", () -> {
                browser.driver.get(basis + "/dashboard/");
                browser.wacht.until(urlContains("/login"));
                browser.driver.findElement(By.id("username")).sendKeys(intake);
                browser.driver.findElement(By.id("password")).sendKeys(WACHTWOORD);
                browser.driver.findElement(By.cssSelector("button[type=submit]")).click();

                browser.wacht.until(elementToBeClickable(By.linkText("Importeren"))).click();
                browser.wacht.until(visibilityOfElementLocated(By.id("bestand")))
                        .sendKeys(bestand.toAbsolutePath().toString());
                browser.driver.findElement(By.cssSelector("#proefrun button[type=submit]")).click();

                browser.wacht.until(visibilityOfElementLocated(By.id("rijen")));
                assertThat(browser.driver.findElement(By.id("rijen")).getText()).contains(id + " Huiswerkklas")
                        .contains("2026-03-01").contains("2027-12-31").contains("€ 12.500,00");
                assertThat(browser.driver.findElement(By.id("waarschuwingen")).getText()).contains("opmerking");
                assertThat(jdbc.queryForObject("select count(*) from opdracht where titel like ?", Long.class,
                        id + "%")).isZero();
                browser.foto("import-proefrun");
                assertThat(browser.toegankelijkheidsfouten()).as("WCAG 2.1 AA, the dry run's report").isEmpty();

                browser.driver.findElement(By.id("importeren")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("samenvatting"), "geïmporteerd"));
                String sleutel = jdbc.queryForObject("select sleutel from opdracht where titel like ?", String.class,
                        id + "%");
                browser.driver.findElement(By.linkText(sleutel)).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("titel"), id + " Huiswerkklas"));
            });
        } finally {
            Files.deleteIfExists(bestand);
        }
    }
}
