package nl.stuurwiel.rapportage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import nl.stuurwiel.rapportage.Momentopname.Besluit;
import nl.stuurwiel.rapportage.Momentopname.IndicatorRealisatie;
import nl.stuurwiel.rapportage.Momentopname.Middelen;
import nl.stuurwiel.system.Spreadsheetcel;

/**
 * The figures for the finance department: an XLSX with a sheet per section (numbers as numbers),
 * and a CSV of the money-and-people rows (UTF-8, semicolons, decimal comma, as Dutch Excel reads it).
 */
@Component
public class RapportageSpreadsheet {

    static final List<String> MIDDELEN_KOLOMMEN = List.of("Code", "Naam", "Opdrachten", "Budget", "Besteed",
            "Besteed aandeel", "FTE gepland", "FTE ingezet", "Ingezet aandeel", "Capaciteit FTE", "Groen", "Oranje",
            "Rood", "Geen rapportage");

    public byte[] xlsx(RapportageService.Inhoud inhoud) {
        Momentopname m = inhoud.momentopname();
        try (XSSFWorkbook boek = new XSSFWorkbook(); ByteArrayOutputStream uit = new ByteArrayOutputStream()) {
            CellStyle kop = boek.createCellStyle();
            Font vet = boek.createFont();
            vet.setBold(true);
            kop.setFont(vet);

            Sheet samenvatting = boek.createSheet("Samenvatting");
            rij(samenvatting, kop, "Rapportage", inhoud.titel());
            rij(samenvatting, null, "Van", inhoud.van().toString());
            rij(samenvatting, null, "Tot en met", inhoud.tot().toString());
            rij(samenvatting, null, "Status", inhoud.status().name().toLowerCase(java.util.Locale.ROOT));
            rij(samenvatting, null, "Cijfers vastgelegd op", inhoud.samengesteldOp().toString());
            rij(samenvatting, null, "Vastgesteld op",
                    inhoud.vastgesteldOp() == null ? null : inhoud.vastgesteldOp().toString());
            samenvatting.createRow(samenvatting.getLastRowNum() + 1);
            middelenBlad(samenvatting, kop, List.of(m.totaal()));

            for (Sectie sectie : Sectie.van(m)) {
                middelenBlad(boek.createSheet(Character.toUpperCase(sectie.sleutel().charAt(0))
                        + sectie.sleutel().substring(1)), kop,
                        sectie.rijen());
            }

            Sheet indicatoren = boek.createSheet("Indicatoren");
            rij(indicatoren, kop, "Indicator", "Eenheid", "Richting", "Doel", "Opdracht", "Basiswaarde", "Basisdatum",
                    "Streefwaarde", "Streefdatum", "Periode", "Waarde", "Norm", "Afwijking van norm", "Status", "Trend");
            for (IndicatorRealisatie i : m.indicatoren()) {
                rij(indicatoren, null, i.naam(), i.eenheid(), i.richting(), i.doel(), i.opdracht(), i.basiswaarde(),
                        tekst(i.basisdatum()), i.streefwaarde(), tekst(i.streefdatum()), tekst(i.periode()), i.waarde(),
                        i.norm(), i.afwijkingVanNorm(), i.status() == null ? i.melding() : i.status(), i.trend());
            }

            Sheet besluiten = boek.createSheet("Besluiten");
            rij(besluiten, kop, "Datum", "Soort", "Opdracht", "Titel", "Team", "Besluit", "Wijziging", "Toelichting");
            for (Besluit b : m.besluiten()) {
                rij(besluiten, null, tekst(b.datum()), b.soort(), b.opdracht(), b.titel(), b.team(), b.besluit(),
                        b.wijziging(), b.toelichting());
            }

            Sheet toelichting = boek.createSheet("Toelichting");
            rij(toelichting, kop, "Onderdeel", "Toelichting");
            for (Map.Entry<String, String> t : inhoud.toelichting().entrySet()) {
                rij(toelichting, null, t.getKey(), t.getValue());
            }
            for (int i = 0; i < boek.getNumberOfSheets(); i++) {
                boek.getSheetAt(i).createFreezePane(0, 1);
            }
            boek.write(uit);
            return uit.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("XLSX van rapportage " + inhoud.id() + " niet te maken", e);
        }
    }

    /** One line per group: onderdeel (totaal, doel, domein, gebied, team) and the money-and-people columns. */
    public byte[] csv(RapportageService.Inhoud inhoud) {
        Momentopname m = inhoud.momentopname();
        StringBuilder csv = new StringBuilder("\uFEFF");
        List<String> kop = new ArrayList<>(List.of("Onderdeel"));
        kop.addAll(MIDDELEN_KOLOMMEN);
        regel(csv, kop.toArray());
        regel(csv, middelenRegel("totaal", m.totaal()));
        for (Sectie sectie : Sectie.van(m)) {
            String onderdeel = sectie.groep().toLowerCase(java.util.Locale.ROOT);
            sectie.rijen().forEach(r -> regel(csv, middelenRegel(onderdeel, r)));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Object[] middelenRegel(String onderdeel, Middelen r) {
        List<Object> cellen = new ArrayList<>(List.of(onderdeel));
        cellen.addAll(Arrays.asList(middelen(r)));
        return cellen.toArray();
    }

    private static Object[] middelen(Middelen r) {
        return new Object[] { r.code(), r.naam(), r.aantal(), r.budget(), r.besteed(), r.budgetUitputting(), r.fte(),
                r.ingezetteFte(), r.fteBenutting(), r.capaciteitFte(), r.kleuren().groen(), r.kleuren().oranje(),
                r.kleuren().rood(), r.kleuren().onbekend() };
    }

    private static void middelenBlad(Sheet blad, CellStyle kop, List<Middelen> rijen) {
        rij(blad, kop, MIDDELEN_KOLOMMEN.toArray());
        rijen.forEach(r -> rij(blad, null, middelen(r)));
    }

    private static void rij(Sheet blad, CellStyle stijl, Object... waarden) {
        Row rij = blad.createRow(blad.getPhysicalNumberOfRows() == 0 ? 0 : blad.getLastRowNum() + 1);
        for (int i = 0; i < waarden.length; i++) {
            Object waarde = waarden[i];
            if (waarde == null) {
                continue;
            }
            var cel = rij.createCell(i);
            if (waarde instanceof BigDecimal getal) {
                cel.setCellValue(getal.doubleValue());
            } else if (waarde instanceof Number getal) {
                cel.setCellValue(getal.doubleValue());
            } else {
                cel.setCellValue(waarde.toString());
            }
            if (stijl != null) {
                cel.setCellStyle(stijl);
            }
        }
    }

    private static void regel(StringBuilder csv, Object... waarden) {
        csv.append(Arrays.stream(waarden).map(RapportageSpreadsheet::cel).collect(Collectors.joining(";")))
                .append("\r\n");
    }

    static String cel(Object waarde) {
        return Spreadsheetcel.csv(waarde);
    }

    private static String tekst(Object waarde) {
        return waarde == null ? null : waarde.toString();
    }
}
