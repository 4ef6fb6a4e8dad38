package nl.stuurwiel.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import nl.stuurwiel.Browser;
import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.opdracht.OpdrachtAanvraag;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.team.Team;

/**
 * The Haarlem way of working asks for an area plan on one page. A busy gebied still prints on one
 * A4: each opgave shows its opdrachten of highest priority there and sums up the rest in one line,
 * while the screen shows them all.
 */
@StuurwielTest
class GebiedsplanAfdrukBrowserTest {

    private static final String WACHTWOORD = "Gebiedsplan-Wachtwoord-1";
    private static final int PER_OPGAVE = 15;

    @LocalServerPort
    int poort;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    OpdrachtService opdrachtService;

    @Test
    void aBusyGebiedPrintsOnOneA4WithTheRestOfEachOpgaveSummedUp() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String gebied = "Druk " + id;
        String manager = portfolio.gebruiker("mt" + id, WACHTWOORD, Rollen.MT);
        Team team = portfolio.team("40.0");
        for (Doel doel : List.of(portfolio.doel(), portfolio.doel())) {
            for (int i = 0; i < PER_OPGAVE; i++) {
                OpdrachtAanvraag a = portfolio.volledigeAanvraag(team, doel);
                opdrachtService.aanvragen(new OpdrachtAanvraag(a.titel(), a.vraagstuk(), a.verwachtResultaat(),
                        a.beleidstheorie(), a.type(), a.domein(), gebied, a.opdrachtgever(), a.team(), a.doelen(),
                        a.budget(), a.fte(), a.startdatum(), a.einddatum(), a.reviewFrequentie(), false),
                        PortfolioFixture.AANVRAGER);
            }
        }

        try (Browser browser = Browser.start()) {
            browser.stappen("gebiedsplan-afdruk", () -> {
                String basis = "http://localhost:" + poort;
                browser.loginDashboard(basis, manager, WACHTWOORD);
                browser.driver.get(basis + "/dashboard/gebied/" + gebied.replace(" ", "%20"));
                browser.wacht.until(textToBePresentInElementLocated(By.id("status"), "30 opdrachten bij 2 opgaven"));

                List<WebElement> regels = browser.driver.findElements(By.cssSelector(".opgave tbody tr"));
                assertThat(regels.stream().filter(WebElement::isDisplayed)).as("the screen shows every opdracht")
                        .hasSize(2 * PER_OPGAVE);

                @SuppressWarnings("unchecked")
                Map<String, Object> pdf = ((ChromeDriver) browser.driver).executeCdpCommand("Page.printToPDF",
                        Map.of("preferCSSPageSize", true, "printBackground", true));
                try (PDDocument document = Loader.loadPDF(Base64.getDecoder().decode((String) pdf.get("data")))) {
                    assertThat(document.getNumberOfPages()).as("one A4").isEqualTo(1);
                    PDRectangle vel = document.getPage(0).getMediaBox();
                    assertThat(vel.getWidth()).as("landscape").isGreaterThan(vel.getHeight());
                    assertThat(Math.round(vel.getWidth() / 72 * 25.4)).as("A4's 297 mm").isEqualTo(297);
                    String tekst = new PDFTextStripper().getText(document);
                    // 16 lines of opdrachten on paper: 8 of each opgave, the other 7 summed up.
                    assertThat(tekst.split("En 7 opdrachten met een lagere prioriteit", -1)).hasSize(3);
                    assertThat(tekst).contains("Gebiedsplan " + gebied, "Kerncijfers", "Indicatoren");
                }
            });
        }
    }
}
