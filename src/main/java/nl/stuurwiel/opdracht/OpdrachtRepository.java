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
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OpdrachtRepository extends JpaRepository<Opdracht, Long> {

    @EntityGraph(attributePaths = {"team", "doelKoppelingen", "doelKoppelingen.doel"})
    Optional<Opdracht> findBySleutel(String sleutel);

    /** Locks the opdracht until the transaction ends, so two changes of its goal links take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from Opdracht o where o.sleutel = :sleutel")
    Optional<Opdracht> vergrendel(@Param("sleutel") String sleutel);

    @EntityGraph(attributePaths = {"team"})
    List<Opdracht> findBySleutelIn(Collection<String> sleutels);

    @EntityGraph(attributePaths = {"team"})
    @Query("""
            select o from Opdracht o
            where (:fase is null or o.fase = :fase)
              and (:team is null or o.team.code = :team)
              and (:domein is null or o.domein = :domein)
              and (:zoekterm is null or lower(o.titel) like :zoekterm or lower(o.sleutel) like :zoekterm)
            """)
    Page<Opdracht> zoek(@Param("fase") Fase fase, @Param("team") String team, @Param("domein") Domein domein,
            @Param("zoekterm") String zoekterm, Pageable pageable);

    /** As {@link #zoek}, limited to what one user may see (see security/Toegang). */
    @EntityGraph(attributePaths = {"team"})
    @Query("""
            select o from Opdracht o
            where (:fase is null or o.fase = :fase)
              and (:team is null or o.team.code = :team)
              and (:domein is null or o.domein = :domein)
              and (:zoekterm is null or lower(o.titel) like :zoekterm or lower(o.sleutel) like :zoekterm)
              and (:alles = true or o.vertrouwelijk = false or o.team.groepId in :groepen or o.aanvrager = :gebruiker)
            """)
    Page<Opdracht> zoekZichtbaar(@Param("fase") Fase fase, @Param("team") String team, @Param("domein") Domein domein,
            @Param("zoekterm") String zoekterm, @Param("alles") boolean alles, @Param("groepen") Collection<String> groepen,
            @Param("gebruiker") String gebruiker, Pageable pageable);

    @Query("select coalesce(sum(o.fte), 0) from Opdracht o where o.team.id = :teamId and o.fase in :fasen")
    BigDecimal ingezetteFte(@Param("teamId") Long teamId, @Param("fasen") Collection<Fase> fasen);

    @Query("""
            select o from Opdracht o where o.fase in :fasen and o.prioriteitScore is not null
            order by o.prioriteitScore desc, o.aangemaaktOp asc
            """)
    List<Opdracht> wachtrij(@Param("fasen") Collection<Fase> fasen);
}
