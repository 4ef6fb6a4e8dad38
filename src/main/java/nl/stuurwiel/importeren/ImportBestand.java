package nl.stuurwiel.importeren;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import nl.stuurwiel.system.OngeldigeInvoerException;

/**
 * A spreadsheet as rows of text cells, numbered as the spreadsheet shows them (first row = 1).
 * CSV comes from Excel in whatever the office PC uses: semicolon, comma or tab, UTF-8 (with or
 * without BOM), UTF-16 with BOM ("Unicode-tekst") or Windows-1252. XLSX cells are turned into the
 * text the value parsers read: dates as ISO, numbers with a decimal comma.
 */
record ImportBestand(String soort, String codering, String scheidingsteken, List<Regel> regels) {

    static final String CSV = "csv";
    static final String XLSX = "xlsx";
    static final int MAXIMAAL_AANTAL_RIJEN = 5000;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** One non-empty row of the sheet with its row number. */
    record Regel(int rij, List<String> cellen) {

        String cel(int kolom) {
            return kolom < cellen.size() ? cellen.get(kolom) : "";
        }
    }

    static ImportBestand lees(byte[] inhoud) {
        if (inhoud == null || inhoud.length == 0) {
            throw new OngeldigeInvoerException("bestand", "is leeg");
        }
        if (begintMet(inhoud, 0x50, 0x4B, 0x03, 0x04)) {
            return leesXlsx(inhoud);
        }
        if (begintMet(inhoud, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new OngeldigeInvoerException("bestand",
                    "is een oud Excel-bestand (.xls); sla het op als Excel-werkmap (.xlsx) of als CSV");
        }
        return leesCsv(inhoud);
    }

    private static ImportBestand leesCsv(byte[] inhoud) {
        byte[] gegevens = inhoud;
        if (begintMet(inhoud, 0xEF, 0xBB, 0xBF)) {
            gegevens = Arrays.copyOfRange(inhoud, 3, inhoud.length);
        }
        String codering;
        String tekst;
        if (begintMet(inhoud, 0xFF, 0xFE) || begintMet(inhoud, 0xFE, 0xFF)) {
            // Excel's "Unicode-tekst": UTF-16 with its byte order mark, tab-separated.
            codering = begintMet(inhoud, 0xFF, 0xFE) ? "UTF-16LE" : "UTF-16BE";
            tekst = new String(inhoud, 2, inhoud.length - 2, Charset.forName(codering));
        } else {
            codering = "UTF-8";
            try {
                tekst = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(gegevens)).toString();
            } catch (CharacterCodingException e) {
                // Not valid UTF-8: Excel's "CSV (gescheiden door lijstscheidingsteken)" on Dutch Windows.
                codering = "windows-1252";
                tekst = new String(gegevens, WINDOWS_1252);
            }
        }
        if (!tekst.isEmpty() && tekst.charAt(0) == '\uFEFF') {
            tekst = tekst.substring(1);
        }
        char scheiding = scheidingsteken(tekst);
        CSVFormat formaat = CSVFormat.DEFAULT.builder()
                .setDelimiter(scheiding)
                // Empty lines stay records, so that record numbers are the spreadsheet's row numbers.
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .get();
        List<Regel> regels = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(tekst, formaat)) {
            for (CSVRecord record : parser) {
                voegToe(regels, (int) record.getRecordNumber(), record.toList());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new OngeldigeInvoerException("bestand", "is geen leesbaar CSV-bestand: " + uitleg(e, scheiding));
        }
        return new ImportBestand(CSV, codering, String.valueOf(scheiding), regels);
    }

    /**
     * commons-csv explains in English ("EOF reached before encapsulated token finished"); in a file a
     * spreadsheet wrote, the cause is a quote that does not close, so that is what the user reads.
     */
    static String uitleg(Exception e, char scheiding) {
        java.util.regex.Matcher regel = java.util.regex.Pattern.compile("line:? (\\d+)")
                .matcher(String.valueOf(e.getMessage()));
        String waar = regel.find() ? "op of na regel " + regel.group(1) : "ergens in het bestand";
        String teken = scheiding == '\t' ? "een tab" : "'" + scheiding + "'";
        return "een aanhalingsteken (\") " + waar + " sluit niet goed af. Zet een cel met \" of " + teken
                + " erin helemaal tussen aanhalingstekens en schrijf elke \" in de cel dubbel (\"\")";
    }

    /** The most frequent of ; , and tab in the first non-empty line, outside quotes; ; when none. */
    static char scheidingsteken(String tekst) {
        int puntkomma = 0;
        int komma = 0;
        int tab = 0;
        boolean inAanhalingstekens = false;
        boolean gezien = false;
        for (int i = 0; i < tekst.length(); i++) {
            char c = tekst.charAt(i);
            if (c == '"') {
                inAanhalingstekens = !inAanhalingstekens;
            } else if (!inAanhalingstekens && (c == '\n' || c == '\r')) {
                if (gezien) {
                    break;
                }
            } else if (!inAanhalingstekens) {
                gezien |= !Character.isWhitespace(c);
                puntkomma += c == ';' ? 1 : 0;
                komma += c == ',' ? 1 : 0;
                tab += c == '\t' ? 1 : 0;
            }
        }
        if (tab > puntkomma && tab > komma) {
            return '\t';
        }
        return komma > puntkomma ? ',' : ';';
    }

    private static ImportBestand leesXlsx(byte[] inhoud) {
        List<Regel> regels = new ArrayList<>();
        try (Workbook werkmap = new XSSFWorkbook(new ByteArrayInputStream(inhoud))) {
            if (werkmap.getNumberOfSheets() == 0) {
                throw new OngeldigeInvoerException("bestand", "bevat geen werkblad");
            }
            Sheet blad = werkmap.getSheetAt(0);
            for (Row rij : blad) {
                List<String> cellen = new ArrayList<>();
                for (int k = 0; k < Math.max(rij.getLastCellNum(), 0); k++) {
                    cellen.add(tekst(rij.getCell(k)));
                }
                voegToe(regels, rij.getRowNum() + 1, cellen);
            }
        } catch (OngeldigeInvoerException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new OngeldigeInvoerException("bestand", "is geen leesbaar Excel-bestand (.xlsx)");
        }
        return new ImportBestand(XLSX, null, null, regels);
    }

    private static void voegToe(List<Regel> regels, int rij, List<String> cellen) {
        List<String> schoon = cellen.stream().map(c -> c == null ? "" : c.strip()).toList();
        if (schoon.stream().allMatch(String::isEmpty)) {
            return;
        }
        if (regels.size() > MAXIMAAL_AANTAL_RIJEN) {
            throw new OngeldigeInvoerException("bestand",
                    "heeft meer dan " + MAXIMAAL_AANTAL_RIJEN + " rijen; splits het in delen");
        }
        regels.add(new Regel(rij, schoon));
    }

    private static String tekst(Cell cel) {
        if (cel == null) {
            return "";
        }
        CellType soort = cel.getCellType() == CellType.FORMULA ? cel.getCachedFormulaResultType() : cel.getCellType();
        return switch (soort) {
            case STRING -> cel.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cel)
                    ? cel.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cel.getNumericCellValue()).stripTrailingZeros().toPlainString()
                            .replace('.', ',');
            case BOOLEAN -> cel.getBooleanCellValue() ? "ja" : "nee";
            default -> "";
        };
    }

    private static boolean begintMet(byte[] inhoud, int... kop) {
        if (inhoud.length < kop.length) {
            return false;
        }
        for (int i = 0; i < kop.length; i++) {
            if ((inhoud[i] & 0xFF) != kop[i]) {
                return false;
            }
        }
        return true;
    }
}
