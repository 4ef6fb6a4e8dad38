package nl.stuurwiel.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.Browser;
import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.system.Klok;

/**
 * The owner of an indicator enters the value of the quarter just ended on its card, then corrects
 * it with a reason; the card shows the new figures. Someone without the right sees no form.
 */
@StuurwielTest
class MetingInvoerBrowserTest {

    private static final String WACHTWOORD = "Meting-Browser-Wachtwoord-1";

    @LocalServerPort
    int poort;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    IndicatorRepository indicatoren;
    @Autowired
    MetingRepository metingen;

    @Test
    void theOwnerEntersAndCorrectsAMetingOnTheCard() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String eigenaar = portfolio.gebruiker("meig" + id, WACHTWOORD, Rollen.AANVRAGER);
        String ander = portfolio.gebruiker("mand" + id, WACHTWOORD, Rollen.AANVRAGER);
        Doel doel = portfolio.doel();
        Indicator indicator = indicatoren.vanDoel(doel.getCode()).get(0);
        indicator.setEigenaar(eigenaar);
        // A baseline two years back, so that the quarter just ended can always be chosen.
        indicator.zetBasis(new BigDecimal("120"), Meetfrequentie.KWARTAAL.periodeVan(Klok.vandaag()).minusYears(2));
        indicatoren.save(indicator);
        LocalDate vorige = Meetfrequentie.KWARTAAL.periodeVan(Klok.vandaag()).minusMonths(3);
        String naam = Meetfrequentie.KWARTAAL.naam(vorige);
        String basis = "http://localhost:" + poort;

        try (Browser browser = Browser.start()) {
            browser.stappen("meting-invoeren", () -> {
                browser.loginDashboard(basis, eigenaar, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/doel/" + doel.getCode());
                WebElement formulier = openFormulier(browser);
                assertThat(new Select(formulier.findElement(By.name("periode"))).getFirstSelectedOption().getAttribute("value"))
                        .as("the quarter just ended comes first to hand").isEqualTo(vorige.toString());

                formulier.findElement(By.cssSelector("button[type=submit]")).click();
                browser.wacht.until(d -> formulier.findElement(By.cssSelector("[id^=fout-][id$=-waarde]"))
                        .getText().equals("is verplicht"));
                assertThat(metingen.findByIndicatorIdAndPeriodeOrderByVersieAsc(indicator.getId(), vorige)).isEmpty();

                formulier.findElement(By.name("waarde")).sendKeys("95,5");
                formulier.findElement(By.name("verhaal")).sendKeys("Meer scholen doen mee");
                formulier.findElement(By.cssSelector("button[type=submit]")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "95,5 over " + naam + " is opgeslagen."));
                List<Meting> versies = metingen.findByIndicatorIdAndPeriodeOrderByVersieAsc(indicator.getId(), vorige);
                assertThat(versies).hasSize(1);
                assertThat(versies.get(0).getWaarde()).isEqualByComparingTo("95.5");
                assertThat(versies.get(0).getVerhaal()).isEqualTo("Meer scholen doen mee");
                assertThat(versies.get(0).getIngevoerdDoor()).isEqualTo(eigenaar);
                WebElement kaart = browser.driver.findElement(By.cssSelector("[data-indicator='" + indicator.getId() + "']"));
                assertThat(kaart.getText()).as("the card is drawn again with the value").contains("95,5");
                assertThat(kaart.findElement(By.cssSelector(".melding")).getText()).contains("is opgeslagen");
                assertThat(browser.driver.switchTo().activeElement().getTagName()).isEqualTo("h4");

                // Another value for the same quarter is a correction: it asks why, and keeps the first.
                WebElement opnieuw = openFormulier(browser);
                assertThat(opnieuw.getText()).contains(naam + " heeft al de waarde 95,5");
                assertThat(opnieuw.findElement(By.name("verhaal")).getAttribute("value"))
                        .as("the story of the period is kept unless changed").isEqualTo("Meer scholen doen mee");
                opnieuw.findElement(By.name("waarde")).sendKeys("97");
                opnieuw.findElement(By.cssSelector("button[type=submit]")).click();
                browser.wacht.until(d -> opnieuw.findElement(By.cssSelector("[id^=fout-][id$=-toelichting]")).getText()
                        .startsWith("is verplicht bij een correctie"));
                opnieuw.findElement(By.name("toelichting")).sendKeys("Telling van de laatste school kwam later");
                opnieuw.findElement(By.cssSelector("button[type=submit]")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "97 over " + naam + " is opgeslagen als versie 2."));
                assertThat(metingen.findByIndicatorIdAndPeriodeOrderByVersieAsc(indicator.getId(), vorige))
                        .extracting(Meting::getWaarde).usingElementComparator(BigDecimal::compareTo)
                        .containsExactly(new BigDecimal("95.5"), new BigDecimal("97"));
                assertThat(metingen.findByIndicatorIdAndPeriodeOrderByVersieAsc(indicator.getId(), vorige).get(1).getVerhaal())
                        .isEqualTo("Meer scholen doen mee");
                browser.foto("meting-invoeren");

                browser.driver.manage().deleteAllCookies();
                browser.loginDashboard(basis, ander, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/doel/" + doel.getCode());
                browser.wacht.until(visibilityOfElementLocated(By.cssSelector(".kaart.indicator")));
                assertThat(browser.driver.findElements(By.cssSelector("details.meting-invoer")))
                        .as("only the owner, the team and intake, MT and administrators measure").isEmpty();
            });
        }
    }

    private static WebElement openFormulier(Browser browser) {
        WebElement details = browser.wacht.until(visibilityOfElementLocated(By.cssSelector("details.meting-invoer")));
        details.findElement(By.tagName("summary")).click();
        return details.findElement(By.tagName("form"));
    }

}
