package nl.stuurwiel.domein;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import nl.stuurwiel.Browser;
import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.opdracht.OpdrachtAanvraag;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.opdracht.OpdrachtType;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.team.Team;

/**
 * The portfolio office adds a domain on the Domeinen page; the request form offers it at once, and
 * no longer once it is dissolved. A requester reads the list and gets no forms.
 */
@StuurwielTest
class DomeinenBrowserTest {

    private static final String WACHTWOORD = "Domeinen-Browser-Wachtwoord-1";

    @LocalServerPort
    int poort;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OpdrachtService opdrachtService;

    @Test
    void thePortfolioOfficeAddsADomainThatRequestsCanChooseAtOnce() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String intake = portfolio.gebruiker("bdint" + id, WACHTWOORD, Rollen.INTAKE, Rollen.AANVRAGER);
        String aanvrager = portfolio.gebruiker("bdaan" + id, WACHTWOORD, Rollen.AANVRAGER);
        String code = "zorg-" + id;
        String naam = "Zorg en welzijn " + id;
        String basis = "http://localhost:" + poort;

        try (Browser browser = Browser.start()) {
            browser.stappen("domeinen", () -> {
                browser.loginDashboard(basis, intake, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/domeinen");
                browser.wacht.until(textToBePresentInElementLocated(By.id("domeinen"), "Sociaal"));
                assertThat(browser.driver.findElement(By.cssSelector("nav a[aria-current=page]")).getText())
                        .isEqualTo("Domeinen");

                browser.driver.findElement(By.id("veld-code")).sendKeys("Zorg!");
                browser.driver.findElement(By.id("opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-veld-code"), "geen geldige code"));
                assertThat(browser.driver.findElement(By.id("fout-veld-naam")).getText()).isEqualTo("is verplicht");

                browser.driver.findElement(By.id("veld-code")).clear();
                browser.driver.findElement(By.id("veld-code")).sendKeys(code);
                browser.driver.findElement(By.id("veld-naam")).sendKeys(naam);
                browser.driver.findElement(By.id("opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "Domein " + naam + " is toegevoegd"));
                assertThat(browser.driver.findElement(By.id("domeinen")).getText()).contains(naam, code);
                assertThat(browser.driver.findElement(By.id("startformulier")).getText())
                        .as("Tasklist's start form has a fixed list").contains(naam + " (" + code + ") nog niet aan")
                        .contains("forms/opdracht-aanvragen.form");
                assertThat(browser.toegankelijkheidsfouten()).isEmpty();
                browser.foto("domeinen");

                browser.driver.get(basis + "/dashboard/aanvragen");
                new Select(browser.driver.findElement(By.id("aan-domein"))).selectByVisibleText(naam);

                // An opdracht filed under it: the list, filtered by a link, shows the domain by its name.
                Team team = portfolio.team("2.0");
                String sleutel = opdrachtService.aanvragen(new OpdrachtAanvraag("Mantelzorg " + id, null, null, null,
                        OpdrachtType.PROJECT, code, null, null, team.getCode(), List.of(), null, null, null, null, null),
                        aanvrager).getSleutel();
                browser.driver.get(basis + "/dashboard/?domein=" + code);
                browser.wacht.until(textToBePresentInElementLocated(By.id("opdrachten"), sleutel));
                assertThat(new Select(browser.driver.findElement(By.cssSelector("select[name=domein]")))
                        .getFirstSelectedOption().getText()).isEqualTo(naam);
                assertThat(browser.driver.findElements(By.cssSelector("#opdrachten tbody tr"))).hasSize(1);
                assertThat(browser.driver.findElement(By.cssSelector("#opdrachten tbody tr")).getText()).contains(naam);

                browser.driver.get(basis + "/dashboard/domeinen");
                browser.wacht.until(textToBePresentInElementLocated(By.id("domeinen"), naam));
                browser.driver.findElement(By.cssSelector("button[aria-label='" + naam + " opheffen']")).click();
                browser.driver.switchTo().alert().accept();
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "Domein " + naam + " is opgeheven"));
                assertThat(jdbc.queryForObject("select opgeheven_op from domein where code = ?", java.sql.Date.class, code))
                        .isNotNull();
                browser.driver.get(basis + "/dashboard/aanvragen");
                assertThat(new Select(browser.driver.findElement(By.id("aan-domein"))).getOptions())
                        .extracting(o -> o.getAttribute("value")).contains("sociaal").doesNotContain(code);

                browser.driver.manage().deleteAllCookies();
                browser.loginDashboard(basis, aanvrager, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/domeinen");
                browser.wacht.until(textToBePresentInElementLocated(By.id("domeinen"), "Sociaal"));
                assertThat(browser.driver.findElements(By.id("domeinformulier"))).as("only the portfolio office, MT and administrators").isEmpty();
                assertThat(browser.driver.findElements(By.cssSelector("nav a[href$='/dashboard/domeinen']"))).isEmpty();
            });
        }
    }
}
