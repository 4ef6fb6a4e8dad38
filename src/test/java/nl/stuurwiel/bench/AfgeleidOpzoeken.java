package nl.stuurwiel.bench;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import nl.stuurwiel.opdracht.Opdracht;

/**
 * The key lookup of {@code OpdrachtRepository.findBySleutel} twice, for {@link LevenscyclusBench}:
 * derived from the method name (Spring Data builds a criteria query, which Hibernate 6.6 does
 * not cache) and as a JPQL string (whose plan Hibernate caches). Same entity graph.
 */
public interface AfgeleidOpzoeken extends Repository<Opdracht, Long> {

    @EntityGraph(attributePaths = {"team", "doelKoppelingen", "doelKoppelingen.doel"})
    Optional<Opdracht> findBySleutel(String sleutel);

    @EntityGraph(attributePaths = {"team", "doelKoppelingen", "doelKoppelingen.doel"})
    @Query("select o from Opdracht o where o.sleutel = :sleutel")
    Optional<Opdracht> metJpql(@Param("sleutel") String sleutel);
}
