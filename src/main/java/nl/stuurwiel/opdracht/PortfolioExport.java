package nl.stuurwiel.opdracht;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.stuurwiel.opdracht.OpdrachtWeergave.Samenvatting;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.system.Spreadsheetcel;

/**
 * The portfolio list as the dashboard shows it (same filters, order and visibility), as a
 * spreadsheet to work on further: Excel with numbers and dates as such, or CSV as Dutch
 * spreadsheets read it.
 */
@RestController
public class PortfolioExport {

    static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final List<String> KOLOMMEN = List.of("Sleutel", "Titel", "Type", "Fase", "Statuskleur", "Berekende statuskleur", "Team",
            "Domein", "Gebied", "Budget", "FTE", "Startdatum", "Einddatum", "Prioriteitsscore", "Rang in de wachtrij",
            "Vertrouwelijk");

    private final OpdrachtInzage inzage;

    public PortfolioExport(OpdrachtInzage inzage) {
        this.inzage = inzage;
    }

    @GetMapping("/api/opdrachten/export")
    public ResponseEntity<byte[]> export(@RequestParam(defaultValue = "xlsx") String formaat,
            OpdrachtSelectie selectie, @RequestParam(required = false) String sorteer) {
        if (!formaat.equals("xlsx") && !formaat.equals("csv")) {
            throw new OngeldigeInvoerException("formaat", "moet xlsx of csv zijn, niet '" + formaat + "'");
        }
        List<Object[]> rijen = inzage.alleZichtbaar(selectie, sorteer).stream()
                .map(PortfolioExport::waarden).toList();
        boolean excel = formaat.equals("xlsx");
        return ResponseEntity.ok().contentType(excel ? XLSX : CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"stuurwiel-portfolio-" + Klok.vandaag() + "." + formaat + "\"")
                .body(excel ? xlsx(rijen) : csv(rijen));
    }

    private static Object[] waarden(Samenvatting o) {
        return new Object[] { o.sleutel(), o.titel(), o.type(), o.fase(), o.statusKleur(), o.berekendeStatusKleur(), o.team(), o.domein(),
                o.gebied(), o.budget(), o.fte(), o.startdatum(), o.einddatum(), o.prioriteitScore(),
                o.prioriteitRang(), o.vertrouwelijk() ? "ja" : "nee" };
    }

    /** With a byte order mark, so that Excel opens it as UTF-8. */
    static byte[] csv(List<Object[]> rijen) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(";", KOLOMMEN)).append("\r\n");
        for (Object[] rij : rijen) {
            csv.append(Arrays.stream(rij).map(Spreadsheetcel::csv).collect(Collectors.joining(";"))).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(List<Object[]> rijen) {
        try (XSSFWorkbook boek = new XSSFWorkbook(); ByteArrayOutputStream uit = new ByteArrayOutputStream()) {
            Sheet blad = boek.createSheet("Portfolio");
            CellStyle kop = boek.createCellStyle();
            Font vet = boek.createFont();
            vet.setBold(true);
            kop.setFont(vet);
            CellStyle datum = boek.createCellStyle();
            datum.setDataFormat(boek.getCreationHelper().createDataFormat().getFormat("dd-mm-yyyy"));
            Row kopregel = blad.createRow(0);
            for (int k = 0; k < KOLOMMEN.size(); k++) {
                Cell cel = kopregel.createCell(k);
                cel.setCellValue(KOLOMMEN.get(k));
                cel.setCellStyle(kop);
            }
            for (int r = 0; r < rijen.size(); r++) {
                Row rij = blad.createRow(r + 1);
                Object[] waarden = rijen.get(r);
                for (int k = 0; k < waarden.length; k++) {
                    vul(rij.createCell(k), waarden[k], datum);
                }
            }
            blad.createFreezePane(0, 1);
            blad.setAutoFilter(new CellRangeAddress(0, rijen.size(), 0, KOLOMMEN.size() - 1));
            boek.write(uit);
            return uit.toByteArray();
        } catch (IOException fout) {
            throw new UncheckedIOException(fout);
        }
    }

    private static void vul(Cell cel, Object waarde, CellStyle datum) {
        if (waarde == null) {
            cel.setBlank();
        } else if (waarde instanceof Number getal) {
            cel.setCellValue(getal.doubleValue());
        } else if (waarde instanceof LocalDate dag) {
            cel.setCellValue(dag);
            cel.setCellStyle(datum);
        } else {
            cel.setCellValue(waarde.toString());
        }
    }
}
