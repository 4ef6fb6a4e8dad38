package nl.stuurwiel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import nl.stuurwiel.Browser;
import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtDoel;
import nl.stuurwiel.opdracht.OpdrachtRepository;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.opdracht.OpdrachtType;
import nl.stuurwiel.security.Rollen;

/**
 * The portfolio office keeps an opdracht on its page: links a second doel and weighs the two (through
 * a missing weight), unlinks the first, and corrects the description (through an empty title). A
 * team member reads it and gets no form.
 */
@StuurwielTest
class OpdrachtBeheerBrowserTest {

    private static final String WACHTWOORD = "Doel-Koppeling-Wachtwoord-1";

    @LocalServerPort
    int poort;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    OpdrachtService opdrachtService;
    @Autowired
    OpdrachtRepository opdrachten;
    @Autowired
    TransactionTemplate transactie;

    @Test
    void intakeWeighsTheDoelenOfAnOpdracht() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String intake = portfolio.gebruiker("dkint" + id, WACHTWOORD, Rollen.INTAKE);
        String lid = portfolio.gebruiker("dklid" + id, WACHTWOORD, Rollen.AANVRAGER);
        Doel eerste = portfolio.doel();
        Doel tweede = portfolio.doelOnderWettelijkeTaak();
        String sleutel = opdrachtService.aanvragen(portfolio.volledigeAanvraag(portfolio.team("3.0"), eerste),
                PortfolioFixture.AANVRAGER).getSleutel();
        String basis = "http://localhost:" + poort;

        try (Browser browser = Browser.start()) {
            browser.stappen("doelkoppeling", () -> {
                browser.loginDashboard(basis, intake, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/opdracht/" + sleutel);
                browser.wacht.until(presenceOfElementLocated(By.id("koppel-doel-0")));
                browser.driver.findElement(By.cssSelector("#doelenbeheer summary")).click();
                assertThat(new Select(browser.driver.findElement(By.id("koppel-doel-0"))).getFirstSelectedOption()
                        .getAttribute("value")).isEqualTo(eerste.getCode());
                assertThat(browser.driver.findElement(By.id("koppel-gewicht-0")).getAttribute("value")).isEqualTo("1");

                browser.driver.findElement(By.id("koppel-toevoegen")).click();
                assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("koppel-doel-1");
                new Select(browser.driver.findElement(By.id("koppel-doel-1"))).selectByValue(tweede.getCode());
                WebElement gewicht = browser.driver.findElement(By.id("koppel-gewicht-0"));
                gewicht.clear();
                gewicht.sendKeys("70");
                browser.driver.findElement(By.id("koppel-bijdrage-0")).sendKeys("Minder thuiszitters in Noord");
                browser.driver.findElement(By.id("koppel-opslaan")).click();
                // The new link has no weight yet: named at its field, nothing saved.
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-koppel-gewicht-1"), "moet tussen 1 en 100 liggen"));
                assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("koppel-gewicht-1");
                assertThat(browser.driver.findElement(By.id("fout-koppel-gewicht-0")).getText()).isEmpty();
                assertThat(koppelingen(sleutel)).extracting(k -> k.getDoel().getCode(), OpdrachtDoel::getGewicht)
                        .containsExactly(tuple(eerste.getCode(), 1));

                browser.driver.findElement(By.id("koppel-gewicht-1")).sendKeys("30");
                browser.driver.findElement(By.id("koppel-opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "De doelen zijn opgeslagen: 2 doelen."));
                assertThat(koppelingen(sleutel)).extracting(k -> k.getDoel().getCode(), OpdrachtDoel::getGewicht,
                        OpdrachtDoel::getBijdrage).containsExactlyInAnyOrder(
                                tuple(eerste.getCode(), 70, "Minder thuiszitters in Noord"), tuple(tweede.getCode(), 30, null));
                assertThat(browser.driver.findElement(By.id("doelen")).getText())
                        .contains(eerste.getCode() + " – " + eerste.getNaam() + " (gewicht 70)", "Minder thuiszitters in Noord",
                                tweede.getCode() + " – " + tweede.getNaam() + " (gewicht 30)");
                // The second doel's indicator now shows among the opdracht's indicators.
                browser.wacht.until(textToBePresentInElementLocated(By.id("impact"), tweede.getCode()));
                assertThat(browser.driver.findElement(By.id("doelenbeheer")).getAttribute("open")).as("closed after saving").isNull();

                browser.driver.findElement(By.cssSelector("#doelenbeheer summary")).click();
                // The links come back in the order of their codes: remove the first doel's row, wherever it is.
                int rij = new Select(browser.driver.findElement(By.id("koppel-doel-0"))).getFirstSelectedOption()
                        .getAttribute("value").equals(eerste.getCode()) ? 1 : 2;
                browser.driver.findElement(By.cssSelector("button[aria-label='Doel " + rij + " verwijderen']")).click();
                assertThat(new Select(browser.driver.findElement(By.id("koppel-doel-0"))).getFirstSelectedOption()
                        .getAttribute("value")).isEqualTo(tweede.getCode());
                assertThat(browser.driver.findElements(By.id("koppel-doel-1"))).isEmpty();
                browser.driver.findElement(By.id("koppel-opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "De doelen zijn opgeslagen: 1 doel."));
                assertThat(koppelingen(sleutel)).extracting(k -> k.getDoel().getCode()).containsExactly(tweede.getCode());
                browser.foto("doelkoppeling");

                browser.driver.manage().deleteAllCookies();
                browser.loginDashboard(basis, lid, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/opdracht/" + sleutel);
                browser.wacht.until(visibilityOfElementLocated(By.xpath("//ul[@id='doelen']/li[contains(., '" + tweede.getCode() + "')]")));
                assertThat(browser.driver.findElements(By.id("doelenbeheer"))).as("anyone else only reads").isEmpty();
            });
        }
    }

    @Test
    void intakeCorrectsTheDescription() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String intake = portfolio.gebruiker("gbint" + id, WACHTWOORD, Rollen.INTAKE);
        String lid = portfolio.gebruiker("gblid" + id, WACHTWOORD, Rollen.AANVRAGER);
        String sleutel = opdrachtService.aanvragen(portfolio.volledigeAanvraag(portfolio.team("3.0"), portfolio.doel()),
                PortfolioFixture.AANVRAGER).getSleutel();
        String basis = "http://localhost:" + poort;

        try (Browser browser = Browser.start()) {
            browser.stappen("gegevens", () -> {
                browser.loginDashboard(basis, intake, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/opdracht/" + sleutel);
                browser.wacht.until(textToBePresentInElementLocated(By.id("titel"), "Schoolverzuim terugdringen"));
                browser.driver.findElement(By.cssSelector("#gegevensbeheer summary")).click();
                WebElement titel = browser.driver.findElement(By.id("geg-titel"));
                assertThat(titel.getAttribute("value")).isEqualTo("Schoolverzuim terugdringen");
                assertThat(new Select(browser.driver.findElement(By.id("geg-domein"))).getFirstSelectedOption()
                        .getAttribute("value")).isEqualTo("onderwijs");

                titel.clear();
                browser.driver.findElement(By.id("geg-opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("fout-geg-titel"), "is verplicht"));
                assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("geg-titel");
                assertThat(opdrachten.findBySleutel(sleutel).orElseThrow().getTitel()).isEqualTo("Schoolverzuim terugdringen");

                titel.sendKeys("Schoolverzuim in Noord terugdringen");
                new Select(browser.driver.findElement(By.id("geg-type"))).selectByValue("programma");
                WebElement gebied = browser.driver.findElement(By.id("geg-gebied"));
                gebied.clear();
                gebied.sendKeys("Noord-West");
                browser.driver.findElement(By.id("geg-vertrouwelijk")).click();
                browser.driver.findElement(By.id("geg-opslaan")).click();
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "De gegevens zijn opgeslagen."));
                browser.wacht.until(textToBePresentInElementLocated(By.id("titel"), "Schoolverzuim in Noord terugdringen"));
                assertThat(browser.driver.switchTo().activeElement())
                        .as("the closed panel keeps the focus, it does not fall to the page")
                        .isEqualTo(browser.driver.findElement(By.cssSelector("#gegevensbeheer summary")));
                assertThat(browser.driver.findElement(By.id("gegevens")).getText()).contains("programma", "Noord-West");
                Opdracht na = opdrachten.findBySleutel(sleutel).orElseThrow();
                assertThat(na.getTitel()).isEqualTo("Schoolverzuim in Noord terugdringen");
                assertThat(na.getType()).isEqualTo(OpdrachtType.PROGRAMMA);
                assertThat(na.getGebied()).isEqualTo("Noord-West");
                assertThat(na.isVertrouwelijk()).isTrue();
                assertThat(na.getBudget()).as("money changes through an adjustment").isEqualByComparingTo("40000.00");

                // Confidential now: someone outside its team no longer finds it.
                browser.driver.manage().deleteAllCookies();
                browser.loginDashboard(basis, lid, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/opdracht/" + sleutel);
                assertThat(browser.driver.getTitle()).startsWith("Niet gevonden");
            });
        }
    }

    private List<OpdrachtDoel> koppelingen(String sleutel) {
        return transactie.execute(s -> {
            List<OpdrachtDoel> lijst = opdrachten.findBySleutel(sleutel).orElseThrow().getDoelKoppelingen();
            lijst.forEach(k -> k.getDoel().getCode());
            return List.copyOf(lijst);
        });
    }
}
