package nl.stuurwiel.audit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.NotAudited;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.hibernate.envers.query.AuditQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.stuurwiel.bijstelling.Bijstelling;
import nl.stuurwiel.doel.Doel;
import nl.stuurwiel.indicator.Indicator;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtDoel;
import nl.stuurwiel.review.Voortgangsrapportage;
import nl.stuurwiel.system.Gebruikersnamen;
import nl.stuurwiel.system.Gebruikersnamen.Namen;
import nl.stuurwiel.team.Team;

/**
 * Reads the audit trail that Hibernate Envers keeps of the portfolio records and turns each
 * revision into field-level changes (from → to), comparing it with the record's previous
 * revision.
 */
@Service
@Transactional(readOnly = true)
public class AuditService {

    public static final int MAXIMUM = 5000;

    public record Wijziging(String veld, String van, String naar) {
    }

    /** One revision of one record; {@code gebruikerNaam} for a reader, the id for the record's sake. */
    public record AuditRegel(long revisie, Instant tijdstip, String gebruiker, String gebruikerNaam, String soort,
            String sleutel, String actie, List<Wijziging> wijzigingen) {

        AuditRegel metNaam(Namen namen) {
            return new AuditRegel(revisie, tijdstip, gebruiker, namen.naam(gebruiker), soort, sleutel, actie,
                    wijzigingen);
        }
    }

    @PersistenceContext
    private EntityManager entityManager;

    private final Gebruikersnamen gebruikersnamen;

    public AuditService(Gebruikersnamen gebruikersnamen) {
        this.gebruikersnamen = gebruikersnamen;
    }

    /**
     * Changes in [van, tot), oldest first; soort and sleutel narrow it down (null for all). At
     * most {@code max} revisions per kind of record.
     */
    public List<AuditRegel> zoek(AuditSoort soort, String sleutel, Instant van, Instant tot, int max) {
        return zoek(soort, sleutel, van, tot, null, max);
    }

    /**
     * As above, after revision {@code naRevisie} (null: from the start). A client pages through a
     * long trail by passing the last revision of the previous page: stable while new changes
     * arrive, and cheap on the revision index.
     */
    public List<AuditRegel> zoek(AuditSoort soort, String sleutel, Instant van, Instant tot, Long naRevisie,
            int max) {
        List<AuditRegel> regels = pagina(soort, sleutel, van, tot, naRevisie, max);
        Namen namen = gebruikersnamen.van(regels.stream().map(AuditRegel::gebruiker).toList());
        return regels.stream().map(r -> r.metNaam(namen)).toList();
    }

    private List<AuditRegel> pagina(AuditSoort soort, String sleutel, Instant van, Instant tot, Long naRevisie,
            int max) {
        AuditReader reader = AuditReaderFactory.get(entityManager);
        List<AuditRegel> regels = new ArrayList<>();
        // A kind that returned max rows may have more of its last revision: the page ends before it.
        long grens = Long.MAX_VALUE;
        for (AuditSoort s : soort == null ? AuditSoort.values() : new AuditSoort[] { soort }) {
            List<AuditRegel> vanSoort = zoek(reader, s, sleutel, van, tot, naRevisie, max);
            if (vanSoort.size() >= max) {
                grens = Math.min(grens, vanSoort.get(vanSoort.size() - 1).revisie());
            }
            regels.addAll(vanSoort);
        }
        regels.sort(Comparator.comparingLong(AuditRegel::revisie).thenComparing(AuditRegel::soort)
                .thenComparing(AuditRegel::sleutel, Comparator.nullsFirst(Comparator.naturalOrder())));
        if (regels.size() <= max && grens == Long.MAX_VALUE) {
            return regels;
        }
        // Whole revisions only, so the next page (naRevisie = last revision here) misses nothing.
        int einde = Math.min(max, regels.size());
        if (einde < regels.size()) {
            grens = Math.min(grens, regels.get(einde).revisie());
        }
        long afkap = grens;
        List<AuditRegel> pagina = regels.stream().limit(einde).filter(r -> r.revisie() < afkap).toList();
        // One revision larger than a page is returned whole rather than never.
        return pagina.isEmpty() ? regels.stream().filter(r -> r.revisie() == regels.get(0).revisie()).toList()
                : pagina;
    }

    private List<AuditRegel> zoek(AuditReader reader, AuditSoort soort, String sleutel, Instant van, Instant tot,
            Long naRevisie, int max) {
        AuditQuery query = reader.createQuery().forRevisionsOfEntity(soort.entiteit, false, true);
        if (sleutel != null) {
            if (soort == AuditSoort.INDICATOR) {
                try {
                    query.add(AuditEntity.id().eq(Long.valueOf(sleutel)));
                } catch (NumberFormatException e) {
                    return List.of();
                }
            } else if (soort.sleutelVeld != null) {
                query.add(AuditEntity.property(soort.sleutelVeld).eq(sleutel));
            } else {
                String[] delen = sleutel.split("/", 2);
                List<Object> opdrachtIds = opdrachtIds(reader, delen[0]);
                if (opdrachtIds.isEmpty()) {
                    return List.of();
                }
                query.add(AuditEntity.relatedId("opdracht").in(opdrachtIds.toArray()));
                if (delen.length > 1 && soort == AuditSoort.DOELKOPPELING) {
                    List<?> doelIds = reader.createQuery().forRevisionsOfEntity(Doel.class, true, true)
                            .add(AuditEntity.property("code").eq(delen[1]))
                            .addProjection(AuditEntity.id().distinct()).getResultList();
                    if (doelIds.isEmpty()) {
                        return List.of();
                    }
                    query.add(AuditEntity.relatedId("doel").in(doelIds.toArray()));
                } else if (delen.length > 1) {
                    try {
                        query.add(AuditEntity.property("volgnummer").eq(Integer.parseInt(delen[1])));
                    } catch (NumberFormatException e) {
                        return List.of();
                    }
                }
            }
        }
        if (naRevisie != null) {
            query.add(AuditEntity.revisionNumber().gt(naRevisie));
        }
        if (van != null) {
            query.add(AuditEntity.revisionProperty("tijdstip").ge(van.toEpochMilli()));
        }
        if (tot != null) {
            query.add(AuditEntity.revisionProperty("tijdstip").lt(tot.toEpochMilli()));
        }
        query.addOrder(AuditEntity.revisionNumber().asc()).setMaxResults(max);

        Map<Object, Map<String, String>> vorige = new HashMap<>();
        List<AuditRegel> regels = new ArrayList<>();
        for (Object rij : query.getResultList()) {
            Object[] delen = (Object[]) rij;
            Object entiteit = delen[0];
            AuditRevisie revisie = (AuditRevisie) delen[1];
            RevisionType type = (RevisionType) delen[2];
            Object id = waarde(entiteit, "id");
            Map<String, String> nu = velden(entiteit);
            Map<String, String> ervoor = type == RevisionType.ADD ? Map.of()
                    : vorige.computeIfAbsent(id, i -> vorigeVersie(reader, soort, i, revisie.getId()));
            List<Wijziging> wijzigingen = new ArrayList<>();
            for (Map.Entry<String, String> veld : nu.entrySet()) {
                String oud = ervoor.get(veld.getKey());
                String nieuw = type == RevisionType.DEL ? null : veld.getValue();
                if (!Objects.equals(oud, nieuw)) {
                    wijzigingen.add(new Wijziging(veld.getKey(), oud, nieuw));
                }
            }
            vorige.put(id, nu);
            regels.add(new AuditRegel(revisie.getId(), revisie.getTijdstip(), revisie.getGebruiker(), null,
                    soort.woord(), sleutelVan(entiteit), actie(type), wijzigingen));
        }
        return regels;
    }

    private List<Object> opdrachtIds(AuditReader reader, String sleutel) {
        List<?> ids = reader.createQuery().forRevisionsOfEntity(Opdracht.class, true, true)
                .add(AuditEntity.property("sleutel").eq(sleutel)).addProjection(AuditEntity.id().distinct())
                .getResultList();
        return new ArrayList<>(ids);
    }

    /** The record as it was before this revision, for a first revision inside the period. */
    private Map<String, String> vorigeVersie(AuditReader reader, AuditSoort soort, Object id, long revisie) {
        List<?> eerder = reader.createQuery().forRevisionsOfEntity(soort.entiteit, true, true)
                .add(AuditEntity.id().eq(id)).add(AuditEntity.revisionNumber().lt(revisie))
                .addOrder(AuditEntity.revisionNumber().desc()).setMaxResults(1).getResultList();
        return eerder.isEmpty() ? Map.of() : velden(eerder.get(0));
    }

    private static String actie(RevisionType type) {
        return switch (type) {
            case ADD -> "aangemaakt";
            case MOD -> "gewijzigd";
            case DEL -> "verwijderd";
        };
    }

    /** The audited fields of a record as text, in declaration order. */
    static Map<String, String> velden(Object entiteit) {
        Map<String, String> velden = new LinkedHashMap<>();
        for (Field veld : entiteit.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(veld.getModifiers()) || veld.getName().equals("id")
                    || veld.isAnnotationPresent(Version.class) || veld.isAnnotationPresent(NotAudited.class)
                    || veld.isAnnotationPresent(Transient.class)) {
                continue;
            }
            velden.put(veld.getName(), tekst(waarde(entiteit, veld.getName())));
        }
        return velden;
    }

    private static Object waarde(Object entiteit, String naam) {
        try {
            Field veld = entiteit.getClass().getDeclaredField(naam);
            veld.setAccessible(true);
            return veld.get(entiteit);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Veld " + naam + " van " + entiteit.getClass().getSimpleName(), e);
        }
    }

    /** Related records by the key users know (through getters, since they may be lazy proxies). */
    private static String tekst(Object waarde) {
        if (waarde == null) {
            return null;
        }
        if (waarde instanceof Collection<?> reeks) {
            return reeks.stream().map(AuditService::tekst).filter(Objects::nonNull).sorted()
                    .reduce((a, b) -> a + ", " + b).orElse("");
        }
        if (waarde instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        if (waarde instanceof BigDecimal getal) {
            return getal.stripTrailingZeros().toPlainString();
        }
        String sleutel = sleutelVan(waarde);
        return sleutel != null ? sleutel : waarde.toString();
    }

    private static String sleutelVan(Object entiteit) {
        if (entiteit instanceof Opdracht o) {
            return o.getSleutel();
        }
        if (entiteit instanceof Team t) {
            return t.getCode();
        }
        if (entiteit instanceof Doel d) {
            return d.getCode();
        }
        if (entiteit instanceof Voortgangsrapportage r) {
            return r.getOpdracht().getSleutel() + "/" + r.getVolgnummer();
        }
        if (entiteit instanceof Bijstelling b) {
            return b.getOpdracht().getSleutel() + "/" + b.getVolgnummer();
        }
        if (entiteit instanceof Indicator i) {
            return String.valueOf(i.getId());
        }
        if (entiteit instanceof OpdrachtDoel k) {
            return k.getOpdracht().getSleutel() + "/" + k.getDoel().getCode();
        }
        return null;
    }
}
