package nl.stuurwiel.bijstelling;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface BijstellingRepository extends JpaRepository<Bijstelling, Long> {

    List<Bijstelling> findByOpdrachtSleutelOrderByVolgnummer(String sleutel);

    Optional<Bijstelling> findByOpdrachtSleutelAndVolgnummer(String sleutel, int volgnummer);

    @Query("select coalesce(max(b.volgnummer), 0) from Bijstelling b where b.opdracht.id = :opdrachtId")
    int hoogsteVolgnummer(@Param("opdrachtId") Long opdrachtId);
}
