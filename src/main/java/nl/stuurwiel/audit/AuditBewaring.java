package nl.stuurwiel.audit;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention of the audit trail (AVG: no longer than needed): every night, in the same window as
 * Camunda's history cleanup, the revisions older than {@code stuurwiel.audit.bewaartermijn} are
 * removed with the record copies that belong to them. The oldest remaining copy of a record then
 * shows all its values as new. Running on several nodes at once is harmless: the delete is the
 * same on each.
 */
@Component
public class AuditBewaring {

    private static final Logger LOG = LoggerFactory.getLogger(AuditBewaring.class);

    private final JdbcTemplate jdbc;
    private final Period bewaartermijn;

    public AuditBewaring(JdbcTemplate jdbc, @Value("${stuurwiel.audit.bewaartermijn}") String bewaartermijn) {
        this.jdbc = jdbc;
        this.bewaartermijn = Period.parse(bewaartermijn);
        if (this.bewaartermijn.isNegative() || this.bewaartermijn.isZero()) {
            throw new IllegalStateException("stuurwiel.audit.bewaartermijn moet positief zijn, niet " + bewaartermijn);
        }
    }

    public Period getBewaartermijn() {
        return bewaartermijn;
    }

    @Scheduled(cron = "${stuurwiel.audit.opschonen}")
    public void opschonen() {
        Instant grens = Instant.now().atZone(ZoneId.systemDefault()).minus(bewaartermijn).toInstant();
        int verwijderd = verwijderOuderDan(grens);
        LOG.info("Audittrail: {} revisies van voor {} verwijderd (bewaartermijn {})", verwijderd, grens, bewaartermijn);
    }

    /** Removes the revisions before the limit; returns how many. */
    @Transactional
    public int verwijderOuderDan(Instant grens) {
        long tijdstip = grens.toEpochMilli();
        for (String tabel : auditTabellen()) {
            jdbc.update("delete from " + tabel + " where rev in (select rev from revinfo where revtstmp < ?)",
                    tijdstip);
        }
        return jdbc.update("delete from revinfo where revtstmp < ?", tijdstip);
    }

    /** The audit tables, found through their foreign keys to revinfo so a new one is never missed. */
    List<String> auditTabellen() {
        return jdbc.execute((java.sql.Connection verbinding) -> {
            DatabaseMetaData meta = verbinding.getMetaData();
            List<String> tabellen = new ArrayList<>();
            for (String naam : List.of("revinfo", "REVINFO")) {
                try (ResultSet sleutels = meta.getExportedKeys(verbinding.getCatalog(), null, naam)) {
                    while (sleutels.next()) {
                        String tabel = sleutels.getString("FKTABLE_NAME").toLowerCase(Locale.ROOT);
                        if (!tabellen.contains(tabel)) {
                            tabellen.add(tabel);
                        }
                    }
                } catch (SQLException e) {
                    throw e;
                }
            }
            if (tabellen.isEmpty()) {
                throw new IllegalStateException("Geen audittabellen gevonden die naar revinfo verwijzen");
            }
            return tabellen;
        });
    }
}
