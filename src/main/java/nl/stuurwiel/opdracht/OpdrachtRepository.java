package nl.stuurwiel.opdracht;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OpdrachtRepository extends JpaRepository<Opdracht, Long> {

    // The hot lookups fetch with "join fetch" in JPQL rather than an entity graph: Hibernate 6.6
    // caches the plan of a JPQL string, but translates a query with an entity graph on every call
    // (bench/RESULTS.md, benchmark 1).
    @Query("""
            select o from Opdracht o join fetch o.team
            left join fetch o.doelKoppelingen k left join fetch k.doel
            where o.sleutel = :sleutel
            """)
    Optional<Opdracht> findBySleutel(@Param("sleutel") String sleutel);

    /** Without the goal links, for process steps that change only the opdracht itself. */
    @Query("select o from Opdracht o join fetch o.team where o.sleutel = :sleutel")
    Optional<Opdracht> zonderDoelen(@Param("sleutel") String sleutel);

    /** Locks the opdracht until the transaction ends, so two changes of its goal links take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Opdracht o where o.sleutel = :sleutel")
    Optional<Opdracht> vergrendel(@Param("sleutel") String sleutel);

    @EntityGraph(attributePaths = {"team"})
    List<Opdracht> findBySleutelIn(Collection<String> sleutels);

    // The title is searched without its accents ("taalcafe" finds "Taalcafé"); the term arrives
    // without them too (OpdrachtService.zoekterm). TRANSLATE exists in H2 and PostgreSQL alike.
    @EntityGraph(attributePaths = {"team"})
    @Query("""
            select o from Opdracht o
            where (:fase is null or o.fase = :fase)
              and (:team is null or o.team.code = :team)
              and (:domein is null or o.domein = :domein)
              and (:gebied is null or lower(trim(o.gebied)) = :gebied)
              and (:zoekterm is null or cast(function('translate', lower(o.titel),
                           'áàâäãéèêëíìîïóòôöõúùûüçñý', 'aaaaaeeeeiiiiooooouuuucny') as String)
                   like :zoekterm
                   or lower(o.sleutel) like :zoekterm)
            """)
    Page<Opdracht> zoek(@Param("fase") Fase fase, @Param("team") String team, @Param("domein") String domein,
            @Param("gebied") String gebied, @Param("zoekterm") String zoekterm, Pageable pageable);

    /** As {@link #zoek}, limited to what one user may see (see security/Toegang). */
    @EntityGraph(attributePaths = {"team"})
    @Query("""
            select o from Opdracht o
            where (:fase is null or o.fase = :fase)
              and (:team is null or o.team.code = :team)
              and (:domein is null or o.domein = :domein)
              and (:gebied is null or lower(trim(o.gebied)) = :gebied)
              and (:zoekterm is null or cast(function('translate', lower(o.titel),
                           'áàâäãéèêëíìîïóòôöõúùûüçñý', 'aaaaaeeeeiiiiooooouuuucny') as String)
                   like :zoekterm
                   or lower(o.sleutel) like :zoekterm)
              and (:aanvrager is null or o.aanvrager = :aanvrager)
              and (:alles = true or o.vertrouwelijk = false or o.team.groepId in :groepen or o.aanvrager = :gebruiker)
            """)
    Page<Opdracht> zoekZichtbaar(@Param("fase") Fase fase, @Param("team") String team, @Param("domein") String domein,
            @Param("gebied") String gebied, @Param("zoekterm") String zoekterm, @Param("aanvrager") String aanvrager,
            @Param("alles") boolean alles,
            @Param("groepen") Collection<String> groepen, @Param("gebruiker") String gebruiker, Pageable pageable);

    boolean existsByGebied(String gebied);

    /** The spellings of one gebied (by its lower-case name), the most used first. */
    @Query("""
            select trim(o.gebied) from Opdracht o where lower(trim(o.gebied)) = :gebied
            group by trim(o.gebied) order by count(o) desc, trim(o.gebied)
            """)
    List<String> gebiedSpellingen(@Param("gebied") String gebied, Pageable pageable);

    /** The keys of the team's opdrachten in the given phases, in key order. */
    @Query("select o.sleutel from Opdracht o where o.team.id = :teamId and o.fase in :fasen order by o.sleutel")
    List<String> sleutelsVanTeam(@Param("teamId") Long teamId, @Param("fasen") Collection<Fase> fasen);

    @Query("select coalesce(sum(o.fte), 0) from Opdracht o where o.team.id = :teamId and o.fase in :fasen")
    BigDecimal ingezetteFte(@Param("teamId") Long teamId, @Param("fasen") Collection<Fase> fasen);

    /**
     * Makes re-rankings of the waiting queue take turns until the transaction ends, so that each
     * one reads the queue after the previous one committed: two intake officers accepting at the
     * same moment (on one node or two) end with ranks 1..n, none twice.
     */
    @Query(value = "select naam from vergrendeling where naam = 'wachtrij' for update", nativeQuery = true)
    String vergrendelWachtrij();

    /** The waiting queue in rank order: highest score first, then first come. */
    @Query("""
            select o.id from Opdracht o where o.fase in :fasen and o.prioriteitScore is not null
            order by o.prioriteitScore desc, o.aangemaaktOp asc, o.id asc
            """)
    List<Long> wachtrij(@Param("fasen") Collection<Fase> fasen);

    /**
     * Sets the rank of another waiting opdracht without touching its version: the rank is derived
     * from the queue, so a re-ranking must not make a concurrent change of that opdracht (MT
     * starts it, someone edits it) fail as a conflict. Not in the audit trail, for the same reason.
     */
    @Modifying
    @Query("update Opdracht o set o.prioriteitRang = :rang where o.id = :id")
    int zetRang(@Param("id") Long id, @Param("rang") int rang);
}
