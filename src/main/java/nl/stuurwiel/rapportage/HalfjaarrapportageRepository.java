package nl.stuurwiel.rapportage;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface HalfjaarrapportageRepository extends JpaRepository<Halfjaarrapportage, Long> {

    List<Halfjaarrapportage> findAllByOrderByPeriodeVanDescIdDesc();

    List<Halfjaarrapportage> findByStatusOrderByPeriodeVanDescIdDesc(RapportageStatus status);

    boolean existsByPeriodeVanAndPeriodeTotAndStatusIn(LocalDate van, LocalDate tot,
            Collection<RapportageStatus> statussen);

    long countByPeriodeVanAndPeriodeTot(LocalDate van, LocalDate tot);
}
