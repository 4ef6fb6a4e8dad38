package nl.stuurwiel.team;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TeamRepository extends JpaRepository<Team, Long> {

    Optional<Team> findByCode(String code);

    Optional<Team> findFirstByCodeIgnoreCase(String code);

    Optional<Team> findByGroepId(String groepId);

    /** The teams that exist, for what a request could name. */
    List<Team> findByOpgehevenOpIsNull(Pageable pageable);
}
