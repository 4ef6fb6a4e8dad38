package nl.stuurwiel.bijstelling;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface BijstellingRepository extends JpaRepository<Bijstelling, Long> {

    // JPQL rather than derived queries: Hibernate caches the plan of a JPQL string only.
    @Query("select b from Bijstelling b where b.opdracht.sleutel = :sleutel order by b.volgnummer")
    List<Bijstelling> findByOpdrachtSleutelOrderByVolgnummer(@Param("sleutel") String sleutel);

    @Query("select b from Bijstelling b where b.opdracht.sleutel = :sleutel and b.volgnummer = :volgnummer")
    Optional<Bijstelling> findByOpdrachtSleutelAndVolgnummer(@Param("sleutel") String sleutel,
            @Param("volgnummer") int volgnummer);

    @Query("select coalesce(max(b.volgnummer), 0) from Bijstelling b where b.opdracht.id = :opdrachtId")
    int hoogsteVolgnummer(@Param("opdrachtId") Long opdrachtId);
}
