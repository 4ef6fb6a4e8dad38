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
                assertThat(browser.driver.switchTo().activeElement().getAttribute("id"))
                        .as("the focus goes to the report, not to the top of the page").isEqualTo("kop-verslag");
                assertThat(browser.driver.getTitle()).startsWith("Proefrun – ");
                assertThat(browser.driver.findElement(By.id("rijen")).getText()).contains(id + " Huiswerkklas")
                        .as("dates as Dutch readers write them").contains("1 maart 2026").contains("31 december 2027")
                        .contains("€ 12.500,00");
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

    @Test
    void aFileOverTheLimitIsRefusedWithTheReasonOnThePageAndInTheApi() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String intake = portfolio.gebruiker("intake" + id, WACHTWOORD, Rollen.INTAKE);
        Path bestand = Files.createTempFile("groot", ".csv");
        try (var uit = Files.newBufferedWriter(bestand, StandardCharsets.UTF_8)) {
            uit.write("titel;team\r\n");
            String regel = "x".repeat(1000) + ";WIJK\r\n";
            for (int i = 0; i < 21_500; i++) {
                uit.write(regel);
            }
        }
        String basis = "http://localhost:" + poort;
        try {
            var client = java.net.http.HttpClient.newHttpClient();
            String grens = "grens" + id;
            byte[] kop = ("--" + grens + "\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"groot.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] staart = ("\r\n--" + grens + "--\r\n").getBytes(StandardCharsets.UTF_8);
            var antwoord = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(basis + "/api/import/proefrun"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                            .encodeToString((intake + ":" + WACHTWOORD).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "multipart/form-data; boundary=" + grens)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(kop,
                            Files.readAllBytes(bestand), staart)))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(antwoord.statusCode()).isEqualTo(413);
            assertThat(antwoord.body()).contains("\"bestand\":\"is groter dan 20 MB\"");

            try (Browser browser = Browser.start()) {
                browser.stappen("import-te-groot", () -> {
                    browser.loginDashboard(basis, intake, WACHTWOORD);
                    browser.driver.get(basis + "/dashboard/import");
                    browser.wacht.until(visibilityOfElementLocated(By.id("bestand")))
                            .sendKeys(bestand.toAbsolutePath().toString());
                    browser.driver.findElement(By.cssSelector("#proefrun button[type=submit]")).click();
                    // The answer is a redirect to the page itself: wait for it, not for the old page's text.
                    browser.wacht.until(urlContains("teGroot"));
                    browser.wacht.until(textToBePresentInElementLocated(By.id("fout"), "groter dan 20 MB"));
                    assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("fout");
                    assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Portfolio importeren");
                });
            }
        } finally {
            Files.deleteIfExists(bestand);
        }
        assertThat(jdbc.queryForObject("select count(*) from opdracht where titel like 'xxxxxxxxxx%'", Long.class))
                .isZero();
    }
}
