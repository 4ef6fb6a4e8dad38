package nl.stuurwiel.team;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TeamRepository extends JpaRepository<Team, Long> {

    // JPQL rather than a derived query: Hibernate caches the plan of a JPQL string only.
    @Query("select t from Team t where t.code = :code")
    Optional<Team> findByCode(@Param("code") String code);
}
