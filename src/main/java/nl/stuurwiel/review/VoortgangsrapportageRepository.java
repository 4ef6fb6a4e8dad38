package nl.stuurwiel.review;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface VoortgangsrapportageRepository extends JpaRepository<Voortgangsrapportage, Long> {

    List<Voortgangsrapportage> findByOpdrachtSleutelOrderByVolgnummer(String sleutel);

    Optional<Voortgangsrapportage> findByOpdrachtSleutelAndVolgnummer(String sleutel, int volgnummer);

    @Query("select coalesce(max(r.volgnummer), 0) from Voortgangsrapportage r where r.opdracht.id = :opdrachtId")
    int hoogsteVolgnummer(@Param("opdrachtId") Long opdrachtId);
}
