package nl.stuurwiel.rapportage;

import java.util.List;

/** One "money and people" section of the report, in the order of the report and the spreadsheet. */
public record Sectie(String sleutel, String kop, String groep, List<Momentopname.Middelen> rijen) {

    public static List<Sectie> van(Momentopname m) {
        return List.of(new Sectie("doelen", "Geld en mensen per doel", "Doel", m.perDoel()),
                new Sectie("domeinen", "Geld en mensen per domein", "Domein", m.perDomein()),
                new Sectie("gebieden", "Geld en mensen per gebied", "Gebied", m.perGebied()),
                new Sectie("teams", "Geld en mensen per team", "Team", m.perTeam()));
    }
}
