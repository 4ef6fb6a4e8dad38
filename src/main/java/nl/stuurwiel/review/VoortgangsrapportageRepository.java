package nl.stuurwiel.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface VoortgangsrapportageRepository extends JpaRepository<Voortgangsrapportage, Long> {

    // JPQL rather than queries derived from the method name: Hibernate 6.6 caches the plan of a
    // JPQL string but translates a derived (criteria) query on every call, and every review
    // step runs these.
    @Query("""
            select r from Voortgangsrapportage r join fetch r.opdracht o
            where o.sleutel = :sleutel order by r.volgnummer
            """)
    List<Voortgangsrapportage> findByOpdrachtSleutelOrderByVolgnummer(@Param("sleutel") String sleutel);

    @Query("""
            select r from Voortgangsrapportage r join fetch r.opdracht o
            where o.sleutel = :sleutel and r.volgnummer = :volgnummer
            """)
    Optional<Voortgangsrapportage> findByOpdrachtSleutelAndVolgnummer(@Param("sleutel") String sleutel,
            @Param("volgnummer") int volgnummer);
}
