package nl.stuurwiel.bench;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.springframework.jdbc.core.JdbcTemplate;

import nl.stuurwiel.opdracht.Fase;
import nl.stuurwiel.opdracht.StatusKleur;
import nl.stuurwiel.team.Team;

/**
 * Portfolio rows for the benchmarks (and a test of the export's limit), written with JDBC batch
 * inserts: going through the process for each of 10,000 opdrachten would take longer than the
 * benchmark itself.
 */
public final class BulkData {

    private static final int PARTIJ = 1000;

    private final JdbcTemplate jdbc;

    public BulkData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Opdrachten {@code voorvoegsel-000001...} spread over the teams; returns their keys. */
    public List<String> opdrachten(String voorvoegsel, int van, int aantal, List<Team> teams, IntFunction<Fase> fase) {
        String[] domeinen = {"sociaal", "fysiek", "economie", "onderwijs", "veiligheid", "bedrijfsvoering", "dienstverlening"};
        StatusKleur[] kleuren = StatusKleur.values();
        String[] gebieden = {"Noord", "Oost", "Zuid", "West", "Centrum"};
        Timestamp nu = Timestamp.from(Instant.now());
        LocalDate start = LocalDate.now().minusMonths(2);
        List<String> sleutels = new ArrayList<>(aantal);
        List<Object[]> rijen = new ArrayList<>(aantal);
        for (int i = van; i < van + aantal; i++) {
            String sleutel = String.format("%s-%06d", voorvoegsel, i);
            sleutels.add(sleutel);
            rijen.add(new Object[] {sleutel, "Opdracht " + i + " " + gebieden[i % gebieden.length],
                    "Vraagstuk van opdracht " + i, "INTERVENTIE", domeinen[i % domeinen.length],
                    gebieden[i % gebieden.length], "Wethouder", teams.get(i % teams.size()).getId(),
                    BigDecimal.valueOf(10000 + (i % 50) * 1000L), new BigDecimal("0.50"), Date.valueOf(start),
                    Date.valueOf(start.plusYears(1)), "MAAND", fase.apply(i).name(), "MIDDEN", "LAAG", i % 100,
                    kleuren[i % kleuren.length].name(), "aanvrager-" + (i % 20), nu, nu, i % 10 == 0});
        }
        batch("""
                insert into opdracht (sleutel, titel, vraagstuk, type, domein, gebied, opdrachtgever, team_id, budget,
                    fte, startdatum, einddatum, review_frequentie, fase, urgentie, risico, prioriteit_score,
                    status_kleur, aanvrager, aangemaakt_op, gewijzigd_op, vertrouwelijk)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rijen);
        return sleutels;
    }

    /** Links each opdracht with this key prefix to one of the doelen. */
    void koppel(String voorvoegsel, List<Long> doelIds) {
        List<Object[]> rijen = new ArrayList<>();
        List<Long> ids = jdbc.queryForList("select id from opdracht where sleutel like ? order by id", Long.class,
                voorvoegsel + "-%");
        for (int i = 0; i < ids.size(); i++) {
            rijen.add(new Object[] {ids.get(i), doelIds.get(i % doelIds.size()), "Bijdrage", 1 + i % 100});
        }
        batch("insert into opdracht_doel (opdracht_id, doel_id, bijdrage, gewicht) values (?, ?, ?, ?)", rijen);
    }

    /**
     * Monthly indicators on the doelen, each with {@code perIndicator} metingen up to last month;
     * returns the ids of all indicators made so far.
     */
    List<Long> indicatoren(List<Long> doelIds, int aantal, int perIndicator) {
        Timestamp nu = Timestamp.from(Instant.now());
        LocalDate basis = LocalDate.now().withDayOfMonth(1).minusMonths(perIndicator);
        Long vorige = jdbc.queryForObject("select coalesce(max(id), 0) from indicator", Long.class);
        for (int i = 0; i < aantal; i++) {
            Long doel = doelIds.get(i % doelIds.size());
            jdbc.update("""
                    insert into indicator (doel_id, naam, eenheid, richting, basiswaarde, basisdatum, streefwaarde,
                        streefdatum, meetfrequentie, status, aangemaakt_op)
                    values (?, ?, 'aantal', 'LAGER_BETER', 1000, ?, 500, ?, 'MAAND', 'ACTIEF', ?)
                    """, doel, "Indicator " + i, Date.valueOf(basis), Date.valueOf(basis.plusYears(12)), nu);
        }
        List<Object[]> rijen = new ArrayList<>();
        for (Long id : jdbc.queryForList("select id from indicator where id > ? order by id", Long.class, vorige)) {
            for (int p = 0; p < perIndicator; p++) {
                rijen.add(new Object[] {id, Date.valueOf(basis.plusMonths(p)), 1, BigDecimal.valueOf(1000 - p * 3L),
                        "Gemeten", "bench", nu});
                if (rijen.size() >= PARTIJ * 10) {
                    metingen(rijen);
                    rijen.clear();
                }
            }
        }
        metingen(rijen);
        return jdbc.queryForList("select id from indicator where naam like 'Indicator %' order by id", Long.class);
    }

    /**
     * Fresh statistics after a bulk load, as autovacuum would have them in production; without
     * them PostgreSQL plans for empty tables.
     */
    void analyseer() {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        if ("PostgreSQL".equals(product)) {
            jdbc.execute("analyze");
        }
    }

    private void metingen(List<Object[]> rijen) {
        batch("""
                insert into meting (indicator_id, periode, versie, waarde, toelichting, ingevoerd_door, ingevoerd_op)
                values (?, ?, ?, ?, ?, ?, ?)
                """, rijen);
    }

    private void batch(String sql, List<Object[]> rijen) {
        for (int i = 0; i < rijen.size(); i += PARTIJ) {
            jdbc.batchUpdate(sql, rijen.subList(i, Math.min(rijen.size(), i + PARTIJ)));
        }
    }
}
