package nl.stuurwiel.indicator;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import nl.stuurwiel.opdracht.Fase;

public interface IndicatorRepository extends JpaRepository<Indicator, Long> {

    /** Locks the indicator so that two corrections of one period cannot take the same versie. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Indicator i where i.id = :id")
    Optional<Indicator> vergrendel(@Param("id") Long id);

    @Query("""
            select i from Indicator i left join i.doel d left join i.opdracht o
            where (:doel is null or d.code = :doel) and (:opdracht is null or o.sleutel = :opdracht)
            order by i.id
            """)
    List<Indicator> zoek(@Param("doel") String doel, @Param("opdracht") String opdracht);

    // The two lookups every review makes, without optional filters: a cached PostgreSQL plan for
    // zoek() cannot use the index of the one filter given (see system/EigenQueryPlan). They fetch
    // the yearly targets in the same query, instead of one more query per indicator.
    @Query("""
            select i from Indicator i join i.opdracht o left join fetch i.tussendoelen
            where o.sleutel = :opdracht order by i.id
            """)
    List<Indicator> vanOpdracht(@Param("opdracht") String opdracht);

    @Query("""
            select i from Indicator i join i.doel d left join fetch i.tussendoelen
            where d.code = :doel order by i.id
            """)
    List<Indicator> vanDoel(@Param("doel") String doel);

    @EntityGraph(attributePaths = {"doel", "opdracht", "opdracht.team"})
    List<Indicator> findByStatus(IndicatorStatus status);

    /** Per link of a doel to an opdracht in one of the phases: doel id and the opdracht's team code. */
    @Query("select k.doel.id, o.team.code from OpdrachtDoel k join k.opdracht o where o.fase in :fasen")
    List<Object[]> teamsPerDoel(@Param("fasen") Collection<Fase> fasen);

    List<Indicator> findByDoelIdIn(Collection<Long> doelIds);

    /** For an opdracht's indicator: confidential, team group and requester of the opdracht. */
    @Query("select o.vertrouwelijk, o.team.groepId, o.aanvrager from Indicator i join i.opdracht o where i.id = :id")
    List<Object[]> opdrachtToegang(@Param("id") Long id);
}
