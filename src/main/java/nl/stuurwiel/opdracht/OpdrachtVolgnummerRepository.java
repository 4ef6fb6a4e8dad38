package nl.stuurwiel.opdracht;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OpdrachtVolgnummerRepository extends JpaRepository<OpdrachtVolgnummer, Integer> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select v from OpdrachtVolgnummer v where v.jaar = :jaar")
    Optional<OpdrachtVolgnummer> vergrendel(@Param("jaar") Integer jaar);
}
