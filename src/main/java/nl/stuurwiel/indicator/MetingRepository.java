package nl.stuurwiel.indicator;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MetingRepository extends JpaRepository<Meting, Long> {

    /** Every version of every period, periods in order and the newest version last. */
    // JPQL: its plan is cached, where a derived query is translated on every call (reviews run it per indicator).
    @Query("select m from Meting m where m.indicator.id = :indicatorId order by m.periode, m.versie")
    List<Meting> findByIndicatorIdOrderByPeriodeAscVersieAsc(@Param("indicatorId") Long indicatorId);

    List<Meting> findByIndicatorIdAndPeriodeOrderByVersieAsc(Long indicatorId, LocalDate periode);

    @Query("select coalesce(max(m.versie), 0) from Meting m where m.indicator.id = :id and m.periode = :periode")
    int laatsteVersie(@Param("id") Long indicatorId, @Param("periode") LocalDate periode);

    /** Per indicator id: the last period that has a value. */
    @Query("select m.indicator.id, max(m.periode) from Meting m group by m.indicator.id")
    List<Object[]> laatstePerioden();
}
