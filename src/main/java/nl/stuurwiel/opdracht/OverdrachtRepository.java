package nl.stuurwiel.opdracht;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OverdrachtRepository extends JpaRepository<Overdracht, Long> {

    @Query("""
            select o from Overdracht o join fetch o.vanTeam join fetch o.naarTeam
            where o.opdracht.sleutel = :sleutel order by o.op, o.id
            """)
    List<Overdracht> vanOpdracht(@Param("sleutel") String sleutel);
}
