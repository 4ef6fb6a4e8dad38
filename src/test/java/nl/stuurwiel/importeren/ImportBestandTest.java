package nl.stuurwiel.importeren;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import nl.stuurwiel.importeren.ImportBestand.Regel;
import nl.stuurwiel.system.OngeldigeInvoerException;

/** Reading the files an office PC produces: encodings, separators, quotes, empty lines, Excel cells. */
class ImportBestandTest {

    @Test
    void windows1252IsDetectedAndEuroAndAccentsSurvive() {
        byte[] inhoud = "titel;budget\r\nCafé Zuid;€ 1.000,00\r\n".getBytes(Charset.forName("windows-1252"));

        ImportBestand bestand = ImportBestand.lees(inhoud);

        assertThat(bestand.codering()).isEqualTo("windows-1252");
        assertThat(bestand.regels().get(1).cellen()).containsExactly("Café Zuid", "€ 1.000,00");
    }

    @Test
    void utf8WithBomLosesTheBomFromTheFirstHeader() {
        byte[] tekst = "titel;budget\nCafé Zuid;€ 5\n".getBytes(StandardCharsets.UTF_8);
        byte[] inhoud = new byte[tekst.length + 3];
        inhoud[0] = (byte) 0xEF;
        inhoud[1] = (byte) 0xBB;
        inhoud[2] = (byte) 0xBF;
        System.arraycopy(tekst, 0, inhoud, 3, tekst.length);

        ImportBestand bestand = ImportBestand.lees(inhoud);

        assertThat(bestand.codering()).isEqualTo("UTF-8");
        assertThat(bestand.regels().get(0).cellen()).containsExactly("titel", "budget");
        assertThat(bestand.regels().get(1).cellen()).containsExactly("Café Zuid", "€ 5");
    }

    @Test
    void excelsUnicodeTextIsReadAsUtf16WithTabs() {
        byte[] tekst = "titel\tbudget\r\nCafé Zuid\t€ 5\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] inhoud = new byte[tekst.length + 2];
        inhoud[0] = (byte) 0xFF;
        inhoud[1] = (byte) 0xFE;
        System.arraycopy(tekst, 0, inhoud, 2, tekst.length);

        ImportBestand bestand = ImportBestand.lees(inhoud);

        assertThat(bestand.codering()).isEqualTo("UTF-16LE");
        assertThat(bestand.scheidingsteken()).isEqualTo("\t");
        assertThat(bestand.regels().get(0).cellen()).containsExactly("titel", "budget");
        assertThat(bestand.regels().get(1).cellen()).containsExactly("Café Zuid", "€ 5");
    }

    @Test
    void aQuoteThatDoesNotCloseIsExplainedInDutchWithItsLine() {
        byte[] inhoud = "titel;budget\nA;1\n\"Open;2\nB;3\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ImportBestand.lees(inhoud)).isInstanceOf(OngeldigeInvoerException.class)
                .hasMessageContaining("een aanhalingsteken (\") op of na regel 3 sluit niet goed af")
                .hasMessageNotContaining("EOF");
        byte[] midden = "titel;budget\nA;1\n\"Open\"x;2\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ImportBestand.lees(midden))
                .hasMessageContaining("op of na regel 3").hasMessageContaining("';'")
                .hasMessageNotContaining("encapsulated");
    }

    @Test
    void commaSeparatorIsDetectedAndQuotedCommasStayInTheirCell() {
        ImportBestand bestand = ImportBestand.lees("""
                titel,budget,omschrijving
                Project A,"12.500,00","een, twee"
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(bestand.scheidingsteken()).isEqualTo(",");
        assertThat(bestand.regels().get(1).cellen()).containsExactly("Project A", "12.500,00", "een, twee");
    }

    @Test
    void quotedSemicolonsAndLineBreaksStayInOneCellAndEmptyLinesKeepTheRowNumbers() {
        ImportBestand bestand = ImportBestand.lees((
                "titel;omschrijving;fte\r\n"
                        + "\r\n"
                        + "Project A;\"een; twee\";1\r\n"
                        + ";;\r\n"
                        + "Project B;\"regel 1\r\nregel 2\";2\r\n"
                        + "Project C;;3\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(bestand.scheidingsteken()).isEqualTo(";");
        List<Regel> regels = bestand.regels();
        assertThat(regels).extracting(Regel::rij).containsExactly(1, 3, 5, 6);
        assertThat(regels.get(1).cellen()).containsExactly("Project A", "een; twee", "1");
        assertThat(regels.get(2).cel(1)).isEqualTo("regel 1\r\nregel 2");
    }

    @Test
    void xlsxDateCellsBecomeIsoDatesAndNumbersKeepTheirDecimals() throws IOException {
        byte[] inhoud;
        try (XSSFWorkbook werkmap = new XSSFWorkbook(); ByteArrayOutputStream uit = new ByteArrayOutputStream()) {
            Sheet blad = werkmap.createSheet("Portfolio");
            Row kop = blad.createRow(0);
            kop.createCell(0).setCellValue("Titel");
            kop.createCell(1).setCellValue("Start");
            kop.createCell(2).setCellValue("Budget");
            kop.createCell(3).setCellValue("fte");
            kop.createCell(4).setCellValue("eind");
            CellStyle datum = werkmap.createCellStyle();
            datum.setDataFormat(werkmap.getCreationHelper().createDataFormat().getFormat("d-m-yyyy"));
            Row rij = blad.createRow(2); // row 2 left empty
            rij.createCell(0).setCellValue("Project A");
            rij.createCell(1).setCellValue(LocalDate.of(2026, 3, 1));
            rij.getCell(1).setCellStyle(datum);
            rij.createCell(2).setCellValue(12500.5);
            rij.createCell(3).setCellValue(0.8);
            rij.createCell(4).setCellValue(2027);
            werkmap.write(uit);
            inhoud = uit.toByteArray();
        }

        ImportBestand bestand = ImportBestand.lees(inhoud);

        assertThat(bestand.soort()).isEqualTo("xlsx");
        assertThat(bestand.regels()).extracting(Regel::rij).containsExactly(1, 3);
        assertThat(bestand.regels().get(1).cellen()).containsExactly("Project A", "2026-03-01", "12500,5", "0,8",
                "2027");
    }

    @Test
    void anOldExcelFileOrAnEmptyFileIsRefusedWithAReason() {
        byte[] xls = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0 };
        assertThatThrownBy(() -> ImportBestand.lees(xls)).isInstanceOf(OngeldigeInvoerException.class)
                .hasMessageContaining(".xlsx");
        assertThatThrownBy(() -> ImportBestand.lees(new byte[0])).hasMessageContaining("is leeg");
        assertThatThrownBy(() -> ImportBestand.lees(new byte[] { 0x50, 0x4B, 3, 4, 1, 2 }))
                .hasMessageContaining("geen leesbaar Excel-bestand");
    }
    @Test
    void theSampleFileHasOnlyKnownColumnsAndReadableValues() throws IOException {
        byte[] inhoud;
        try (var in = getClass().getResourceAsStream("/static/voorbeeld-portfolio.csv")) {
            inhoud = in.readAllBytes();
        }

        ImportBestand bestand = ImportBestand.lees(inhoud);

        assertThat(bestand.codering()).isEqualTo("UTF-8");
        List<Regel> regels = bestand.regels();
        assertThat(regels).hasSize(5);
        assertThat(regels.get(0).cellen()).allSatisfy(kop -> assertThat(ImportService.Kolom.bij(kop)).isNotNull());
        for (Regel regel : regels.subList(1, regels.size())) {
            assertThat(regel.cellen()).hasSize(regels.get(0).cellen().size());
            Waarden.datum(regel.cel(8), false);
            Waarden.datum(regel.cel(9), true);
            Waarden.bedrag(regel.cel(10));
            Waarden.decimaal(regel.cel(11));
        }
        assertThat(regels.get(2).cel(1)).isEqualTo("Verzuim vroeg oppakken; samen met de school");
    }
}
