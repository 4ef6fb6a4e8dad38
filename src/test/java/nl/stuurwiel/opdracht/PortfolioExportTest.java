package nl.stuurwiel.opdracht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import nl.stuurwiel.PortfolioFixture;
import nl.stuurwiel.StuurwielTest;
import nl.stuurwiel.bench.BulkData;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.security.Rollen;
import nl.stuurwiel.security.StandaardAutorisaties;
import nl.stuurwiel.team.Team;
import nl.stuurwiel.team.TeamRepository;

/** The portfolio list as a spreadsheet: the list's filters, order and visibility, all pages. */
@StuurwielTest
class PortfolioExportTest {

    private static final String WACHTWOORD = "Export-Test-Wachtwoord-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    PortfolioFixture portfolio;
    @Autowired
    OpdrachtService opdrachtService;
    @Autowired
    StandaardAutorisaties autorisaties;
    @Autowired
    TeamRepository teams;
    @Autowired
    JdbcTemplate jdbc;

    Team team;
    String lid;
    String buitenstaander;
    String openbaar;
    String geheim;
    String formule;

    @BeforeEach
    void portfolioVanEenTeam() {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        team = teams.save(new Team("TE" + id, "Team Export " + id, "teamexport" + id, new BigDecimal("4.0")));
        autorisaties.teamGroep(team.getGroepId(), team.getNaam());
        Doel doel = portfolio.doel();
        lid = portfolio.gebruiker("explid" + id, WACHTWOORD, team.getGroepId());
        buitenstaander = portfolio.gebruiker("expbuiten" + id, WACHTWOORD, Rollen.AANVRAGER);
        openbaar = aanvraag("Buurtkamers openen", doel, false, "12500.50", LocalDate.of(2027, 3, 31));
        geheim = aanvraag("Huisbezoeken bij zorgen", doel, true, "8000.00", LocalDate.of(2027, 6, 30));
        formule = aanvraag("=HYPERLINK(\"https://example.org\")", doel, false, "100.00", LocalDate.of(2027, 1, 31));
    }

    private String aanvraag(String titel, Doel doel, boolean vertrouwelijk, String budget, LocalDate einde) {
        return opdrachtService.aanvragen(new OpdrachtAanvraag(titel, "Vraagstuk", "Resultaat", "Theorie",
                OpdrachtType.INTERVENTIE, "sociaal", "Centrum", "Wethouder", team.getCode(), List.of(doel.getCode()),
                new BigDecimal(budget), new BigDecimal("1.25"), LocalDate.of(2026, 1, 1), einde, ReviewFrequentie.MAAND,
                vertrouwelijk), PortfolioFixture.AANVRAGER).getSleutel();
    }

    private MockHttpServletResponse export(String wie, String query) throws Exception {
        return mvc.perform(get("/api/opdrachten/export?team=" + team.getCode() + "&" + query)
                .with(httpBasic(wie, WACHTWOORD))).andExpect(status().isOk()).andReturn().getResponse();
    }

    @Test
    void csvHoldsWhatTheListShowsInItsOrderAndDefusesFormulas() throws Exception {
        // The team chose orange where the rules compute red: both colours go out.
        jdbc.update("update opdracht set status_kleur = 'ORANJE', berekende_status_kleur = 'ROOD' where sleutel = ?", openbaar);
        MockHttpServletResponse antwoord = export(buitenstaander, "formaat=csv&sorteer=titel,desc");
        assertThat(antwoord.getContentType()).startsWith("text/csv");
        assertThat(antwoord.getHeader("Content-Disposition")).matches("attachment; filename=\"stuurwiel-portfolio-\\d{4}-\\d\\d-\\d\\d\\.csv\"");
        String csv = new String(antwoord.getContentAsByteArray(), StandardCharsets.UTF_8);
        List<String> regels = csv.lines().toList();
        assertThat(regels.get(0)).startsWith("\uFEFFSleutel;Titel;Type;Fase;Statuskleur;Berekende statuskleur;Team;Domein");
        assertThat(regels).as("the confidential opdracht is not the outsider's to see").hasSize(3)
                .noneMatch(r -> r.contains(geheim));
        assertThat(regels.get(1)).startsWith(openbaar + ";Buurtkamers openen;interventie;intake;oranje;rood;" + team.getCode()
                + ";sociaal;Centrum;12500,50;1,25;2026-01-01;2027-03-31;");
        assertThat(regels.get(2)).as("sorted by title, descending, and defused")
                .startsWith(formule + ";\"'=HYPERLINK(\"\"https://example.org\"\")\";");

        assertThat(export(lid, "formaat=csv").getContentAsString(StandardCharsets.UTF_8)).as("the team sees its own")
                .contains(geheim);
    }

    @Test
    void excelHasNumbersAndDatesAsSuch() throws Exception {
        MockHttpServletResponse antwoord = export(lid, "formaat=xlsx&sorteer=sleutel");
        assertThat(antwoord.getContentType()).isEqualTo(PortfolioExport.XLSX.toString());
        try (XSSFWorkbook boek = new XSSFWorkbook(new ByteArrayInputStream(antwoord.getContentAsByteArray()))) {
            Sheet blad = boek.getSheet("Portfolio");
            assertThat(blad.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Sleutel");
            assertThat(blad.getLastRowNum()).isEqualTo(3);
            Row rij = blad.getRow(1);
            assertThat(rij.getCell(0).getStringCellValue()).isEqualTo(openbaar);
            assertThat(rij.getCell(9).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(rij.getCell(9).getNumericCellValue()).isEqualTo(12500.50);
            assertThat(DateUtil.isCellDateFormatted(rij.getCell(12))).isTrue();
            assertThat(rij.getCell(12).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 31));
            assertThat(blad.getRow(2).getCell(15).getStringCellValue()).as("vertrouwelijk").isEqualTo("ja");
        }
    }

    @Test
    void anUnknownFormatOrFilterIsRefusedWithTheFieldNamed() throws Exception {
        mvc.perform(get("/api/opdrachten/export?formaat=pdf").with(httpBasic(lid, WACHTWOORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.formaat").value("moet xlsx of csv zijn, niet 'pdf'"));
        mvc.perform(get("/api/opdrachten/export?fase=bestaatniet").with(httpBasic(lid, WACHTWOORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.fase").exists());
    }

    @Test
    @Transactional // the bulk rows go with the rollback; MockMvc answers in this same transaction
    void aSelectionOfMoreThanTenThousandIsRefusedWithTheFiltersNamed() throws Exception {
        new BulkData(jdbc).opdrachten(team.getCode(), 1, 10_000, List.of(team), i -> Fase.UITVOERING);

        mvc.perform(get("/api/opdrachten/export?formaat=csv&team=" + team.getCode()).with(httpBasic(lid, WACHTWOORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.velden.filters").value(
                        "de selectie telt 10003 opdrachten; exporteer er hoogstens 10000 tegelijk"));
        MockHttpServletResponse binnenDeGrens = mvc.perform(get("/api/opdrachten/export?formaat=csv&fase=intake&team="
                + team.getCode()).with(httpBasic(lid, WACHTWOORD))).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(binnenDeGrens.getContentAsString(StandardCharsets.UTF_8).lines()).as("a narrower selection: header + 3")
                .hasSize(4);
    }
}
